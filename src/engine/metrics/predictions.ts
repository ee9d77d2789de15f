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
