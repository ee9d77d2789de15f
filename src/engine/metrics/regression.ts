// Regression metrics, as scikit-learn defines them.

export interface RegressionMetrics {
  rmse: number;
  mae: number;
  r2: number;
  mape: number;
  median_ae: number;
}

export function regressionMetrics(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): RegressionMetrics {
  const n = yTrue.length;
  let se = 0;
  let ae = 0;
  let ape = 0;
  let mean = 0;
  const abs = new Float64Array(n);
  for (let i = 0; i < n; i++) mean += yTrue[i]!;
  mean /= n || 1;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const e = yTrue[i]! - yPred[i]!;
    se += e * e;
    abs[i] = Math.abs(e);
    ae += abs[i]!;
    // scikit-learn's mean_absolute_percentage_error divides by max(|y|, eps).
    ape += abs[i]! / Math.max(Math.abs(yTrue[i]!), Number.EPSILON);
    ss += (yTrue[i]! - mean) ** 2;
  }
  abs.sort();
  const median = n === 0 ? 0 : n % 2 ? abs[(n - 1) / 2]! : (abs[n / 2 - 1]! + abs[n / 2]!) / 2;
  return {
    rmse: Math.sqrt(se / (n || 1)),
    mae: ae / (n || 1),
    r2: ss === 0 ? (se === 0 ? 1 : 0) : 1 - se / ss,
    mape: ape / (n || 1),
    median_ae: median,
  };
}
