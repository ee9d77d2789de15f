// A sweep's cells and its choice: pure. The cells are the grid's combinations in the file's order
// (the last parameter varying fastest), or a seeded draw of them without repeats; the best cell is the
// one with the best primary metric on the validation rows, the lower number winning a tie.
import type { SweepConfig } from '../config/pipeline.ts';
import { mulberry32 } from '../forest/rng.ts';

export type Cell = Record<string, number | string | boolean>;

export function sweepCells(sweep: SweepConfig): Cell[] {
  const total = sweep.grid.reduce((n, [, values]) => n * values.length, 1);
  const cellAt = (index: number): Cell => {
    const cell: [string, number | string | boolean][] = [];
    let rest = index;
    for (let p = sweep.grid.length - 1; p >= 0; p--) {
      const [key, values] = sweep.grid[p]!;
      cell.unshift([key, values[rest % values.length]!]);
      rest = Math.floor(rest / values.length);
    }
    // From entries: no key can reach a prototype (the keys are model parameters, checked already).
    return Object.fromEntries(cell);
  };
  if (sweep.random === undefined) return Array.from({ length: total }, (_, i) => cellAt(i));
  // A partial Fisher–Yates over the cell numbers, then in grid order, so that cell numbers read as the grid does.
  const rng = mulberry32(sweep.seed);
  const order = Array.from({ length: total }, (_, i) => i);
  for (let i = 0; i < sweep.random; i++) {
    const j = i + Math.floor(rng() * (total - i));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order.slice(0, sweep.random).sort((a, b) => a - b).map(cellAt);
}

export interface CellResult {
  /** 1-based, as the matrix numbers it. */
  cell: number;
  params: Cell;
  score: number | null;
}

/** The best cell: the highest primary metric (the lowest when lower is better); a tie goes to the lower number. */
export function bestCell(results: readonly CellResult[], lowerIsBetter: boolean): CellResult | undefined {
  let best: { result: CellResult; score: number } | undefined;
  for (const r of [...results].sort((a, b) => a.cell - b.cell)) {
    const score = r.score;
    if (score === null || !Number.isFinite(score)) continue;
    if (!best || (lowerIsBetter ? score < best.score : score > best.score)) best = { result: r, score };
  }
  return best?.result;
}
