// Permutation importance: how much a model's score on the test rows drops when one column's values are
// shuffled among those rows (breaking its link to the target, keeping its distribution). Any model
// has it, where impurity importance is a forest's own; drift-report weighs features by it, and the
// model card says which of the two a model has.
import type { Column, Table } from '../data/table.ts';
import type { CompiledPredictions } from '../forest/compiled.ts';
import { mulberry32 } from '../forest/rng.ts';

type Predict = (table: Table) => Promise<CompiledPredictions>;

/** Accuracy for a classifier, minus the mean squared error for a regressor: higher is better. */
function score(p: CompiledPredictions, y: Float64Array, classification: boolean): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += classification ? (p.yPred[i] === y[i] ? 1 : 0) : -((p.yPred[i]! - y[i]!) ** 2);
  return s / y.length;
}

function shuffled(col: Column, order: Int32Array): Column {
  if (col.kind === 'numeric') return { ...col, values: Float64Array.from(order, (r) => col.values[r]!), invalid: [] };
  return { ...col, codes: Int32Array.from(order, (r) => col.codes[r]!) };
}

/**
 * Each column's share of the score lost when it is shuffled (seeded), against the model's own
 * `predicted` rows of the unshuffled table, largest first; the shares of the
 * columns whose shuffling cost something sum to 1. A model that loses nothing to any column (or a
 * table with no rows) gets equal shares.
 */
export async function permutationImportance(predict: Predict, table: Table, predicted: CompiledPredictions, y: Float64Array, columns: readonly string[], classification: boolean, seed: number): Promise<Record<string, number>> {
  const n = table.rowCount;
  const equal = () => Object.fromEntries(columns.map((c) => [c, 1 / columns.length]));
  if (n === 0 || columns.length === 0) return equal();
  const base = score(predicted, y, classification);
  const rnd = mulberry32(seed);
  const loss = new Map<string, number>();
  for (const name of columns) {
    const order = Int32Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const permuted: Table = { ...table, columns: table.columns.map((c) => (c.name === name ? shuffled(c, order) : c)) };
    loss.set(name, Math.max(0, base - score(await predict(permuted), y, classification)));
  }
  const total = [...loss.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return equal();
  return Object.fromEntries([...loss].map(([c, v]) => [c, v / total] as const).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
}
