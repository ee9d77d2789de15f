// What every metric is computed from: the labels and the model's predictions, row by row.
export interface Predictions {
  task: 'classification' | 'regression';
  classes: string[] | null;
  /** Class index or value per row. */
  yTrue: Float64Array;
  yPred: Float64Array;
  /** Classification: K shares per row. */
  proba: Float64Array | null;
}

export type Scalars = Record<string, number | null>;

/** A classifier's classes and shares; predictions of a classification without them are a fault of ours. */
export function classified(p: Predictions): { classes: string[]; proba: Float64Array } {
  if (!p.classes || !p.proba) throw new Error(`classification predictions without ${p.classes ? 'class shares' : 'classes'}`);
  return { classes: p.classes, proba: p.proba };
}
