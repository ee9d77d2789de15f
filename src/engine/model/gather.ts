// The trees of a forest, gathered in index order into what its package records: their JSON (the
// package writer), their importance shares, and their votes. train (one runner) and its merge (shards)
// both go through it, which is why the two make the same bytes.
import { TreeVotes, type CompiledPredictions, type TreeVoteCodes } from '../forest/compiled.ts';
import type { ForestOptions } from '../forest/forest.ts';
import { PackageWriter, type TreeText } from './package-writer.ts';
import { present } from '../present.ts';

/**
 * The trees, taken in index order, into the package (their JSON), the importances and the votes: out
 * of bag, on the test rows and on the examples. One runner adds each tree as it grows, a merge each
 * tree as it reads it from a shard, so both make the same model. flush() before reading the votes.
 */
export class ForestGatherer {
  readonly writer: PackageWriter;
  readonly shares: Float64Array[] = [];
  private readonly oob: TreeVotes | undefined;
  private readonly test: TreeVotes;
  private readonly examples: TreeVotes;
  private readonly testRows: number;
  /** Trees whose votes wait to be added, a batch at a time (TreeVotes.addCodes). */
  private pending: { tree: number; votes: TreeVoteCodes }[] = [];
  private next = 0;
  private readonly classes: number;

  constructor(options: ForestOptions, width: number, train: number, testRows: number, examples: number, gzip: boolean) {
    this.classes = options.classes;
    this.writer = new PackageWriter(options, width, options.trees, gzip);
    this.oob = options.bootstrap ? new TreeVotes(options.task, options.classes, train) : undefined;
    this.test = new TreeVotes(options.task, options.classes, testRows);
    this.examples = new TreeVotes(options.task, options.classes, examples);
    this.testRows = testRows;
  }

  /**
   * The next tree: its JSON, importance share, and votes (out of bag; on the test rows, then the
   * examples). A vote code past its classes or values is returned (only a damaged shard has one).
   */
  add(json: TreeText, importance: Float64Array, votes: TreeVoteCodes): BadVote | undefined {
    this.writer.add(json);
    this.shares.push(importance);
    this.pending.push({ tree: this.next++, votes });
    return this.pending.length >= VOTE_BATCH ? this.flush() : undefined;
  }

  /** The votes of the trees added since the last flush. */
  flush(): BadVote | undefined {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return undefined;
    const of = (codes: (v: TreeVoteCodes) => ArrayLike<number>) => batch.map(({ votes }) => ({ codes: codes(votes), values: votes.values }));
    const found = (which: BadVote['which'], bad: ReturnType<TreeVotes['addCodes']>, offset = 0): BadVote | undefined => {
      if (!bad) return undefined;
      const { tree, votes } = batch[bad.tree]!;
      return { which, tree, row: bad.row + offset, code: bad.code, past: votes.values ? `${votes.values.length} values` : `${this.classes} classes` };
    };
    return (
      (this.oob ? found('out-of-bag', this.oob.addCodes(of((v) => present(v.oob, "a tree's out-of-bag votes")))) : undefined) ??
      found('predicted', this.test.addCodes(of((v) => v.predicted.subarray(0, this.testRows)))) ??
      found('predicted', this.examples.addCodes(of((v) => v.predicted.subarray(this.testRows))), this.testRows)
    );
  }

  oobScore(yTrain: Int32Array | Float64Array): number {
    return this.oob ? this.oob.score(yTrain instanceof Int32Array ? { yClass: yTrain } : { yValue: yTrain }) : Number.NaN;
  }

  testPredictions(): CompiledPredictions {
    return this.test.predictions();
  }

  examplePredictions(): Float64Array {
    return this.examples.predictions().yPred;
  }
}

/** Trees whose votes are added together: 16 trees of a million rows are 16 MB of codes. */
const VOTE_BATCH = 16;

/** A vote code past its tree's classes or values: which votes, the tree (its index among those gathered), the row. */
export interface BadVote {
  which: 'out-of-bag' | 'predicted';
  tree: number;
  row: number;
  code: number;
  /** What the code is past: "2 classes", "310 values". */
  past: string;
}
