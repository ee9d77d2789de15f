// The sampling distributions behind the drift tests' p-values: the normal and chi-square tails, and the
// Kolmogorov–Smirnov distributions (exact two-sample, and the one-sample Kolmogorov distribution for
// large samples). They follow the algorithms scipy uses (cited below) so that a verdict at p = 0.05
// does not flip between this tool and the Evidently defaults it reproduces; test/drift-stats.test.ts
// checks them against scipy's own values.

const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];

/** log Γ(x) for x > 0 (Lanczos, g = 7: about 15 significant digits). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** The regularized upper incomplete gamma Q(a, x): series below a + 1, Lentz's continued fraction above. */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  if (!Number.isFinite(x)) return 0;
  const lead = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 10000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
    }
    return 1 - Math.exp(lead) * sum;
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(lead) * h;
}

/** The chi-square survival function (scipy.stats.chi2.sf). */
export function chi2Sf(x: number, df: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  return gammaQ(df / 2, x / 2);
}

/** The standard normal CDF, through erfc(t) = Q(1/2, t²). */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  const t = Math.abs(z) / Math.SQRT2;
  const upper = 0.5 * gammaQ(0.5, t * t);
  return z >= 0 ? 1 - upper : upper;
}

/**
 * P(D ≥ d) for the exact two-sample statistic with sizes m and n and D = h / lcm(m, n): lattice paths
 * that leave the band |x/m − y/n| < h / lcm (Hodges 1958), counted through the recursion for 1 − p
 * that stays accurate for small p (Viehmann 2021, as in scipy's _compute_outer_prob_inside_method).
 */
export function ksTwoSampleExactSf(m: number, n: number, h: number): number {
  if (h <= 0) return 1;
  if (m < n) [m, n] = [n, m];
  const g = gcd(m, n);
  const mg = m / g;
  const ng = n / g;
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const a = new Float64Array(Math.max(lenA, 1)).fill(1);
  for (let j = minj; j < maxj; j++) a[j] = 0;
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let val = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      val = (a[jj + minj - lastminj]! * i + val * j) / (i + j);
      a[jj] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) a.fill(1, maxj - minj, maxj - minj + (lastlen - curlen));
  }
  return a[maxj - minj - 1]!;
}

/** P(D ≥ h/n) for two samples of equal size n (a closed form, Horner-evaluated). */
export function ksEqualSizeSf(n: number, h: number): number {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    p = p1 * (1 - p);
  }
  return 2 * p;
}

export function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** log(n! / nⁿ) by Stirling's series (scipy's _log_nfactorial_div_n_pow_n). */
function logFactorialOverPower(n: number): number {
  const coeffs = [-2.955065359477124e-2, 6.41025641025641e-3, -1.917526917526918e-3, 8.417508417508418e-4, -5.952380952380952e-4, 7.936507936507937e-4, -2.777777777777778e-3, 8.333333333333333e-2];
  const rn = 1 / n;
  let poly = 0;
  for (const c of coeffs) poly = poly * (rn / n) + c;
  return Math.log(n) / 2 - n + Math.log(2 * Math.PI) / 2 + rn * poly;
}

/** P(D⁺ₙ ≥ x), the one-sided statistic: the Birnbaum–Tingey sum, every term positive, in logs. */
export function smirnovSf(n: number, x: number): number {
  if (x <= 0) return 1;
  if (x >= 1) return 0;
  const last = Math.floor(n * (1 - x));
  const logFact = (k: number) => logGamma(k + 1);
  const lnN = logFact(n);
  let sum = 0;
  for (let j = 0; j <= last; j++) {
    const a = x + j / n;
    const b = 1 - x - j / n;
    if (b <= 0 && n - j > 0) continue;
    const log = lnN - logFact(j) - logFact(n - j) + Math.log(x) + (j - 1) * Math.log(a) + (n - j === 0 ? 0 : (n - j) * Math.log(b));
    sum += Math.exp(log);
  }
  return Math.min(1, sum);
}

/** Pr(Dₙ ≤ d) by the Durbin matrix (Marsaglia, Tsang and Wang 2003), with scaling against overflow. */
export function kolmogorovCdfDurbin(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  const H = new Float64Array(m * m);
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let fac = 1;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = fac;
    fac /= j;
    v[j - 1] = (1 - h ** j) * fac;
  }
  const tt = Math.max(2 * h - 1, 0) ** m - 2 * h ** m;
  v[m - 1] = (1 + tt) * fac;
  for (let i = 1; i < m; i++) for (let r = i - 1; r < m; r++) H[r * m + i] = w[r - i + 1]!;
  for (let r = 0; r < m; r++) H[r * m] = v[r]!;
  for (let c = 0; c < m; c++) H[(m - 1) * m + c] = v[m - 1 - c]!;
  const mul = (A: Float64Array, B: Float64Array): Float64Array<ArrayBufferLike> => {
    const C = new Float64Array(m * m);
    for (let i = 0; i < m; i++)
      for (let l = 0; l < m; l++) {
        const ail = A[i * m + l]!;
        if (ail === 0) continue;
        for (let j = 0; j < m; j++) C[i * m + j]! += ail * B[l * m + j]!;
      }
    return C;
  };
  const E128 = 2 ** 128;
  let power: Float64Array<ArrayBufferLike> = new Float64Array(m * m);
  for (let i = 0; i < m; i++) power[i * m + i] = 1;
  let base: Float64Array<ArrayBufferLike> = H;
  let expnt = 0;
  let baseExpnt = 0;
  for (let nn = n; nn > 0; nn = Math.floor(nn / 2)) {
    if (nn % 2) {
      power = mul(power, base);
      expnt += baseExpnt;
    }
    base = mul(base, base);
    baseExpnt *= 2;
    if (Math.abs(base[(k - 1) * m + (k - 1)]!) > E128) {
      for (let i = 0; i < base.length; i++) base[i]! /= E128;
      baseExpnt += 128;
    }
  }
  let p = power[(k - 1) * m + (k - 1)]!;
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < 1 / E128) {
      p *= E128;
      expnt -= 128;
    }
  }
  return Math.min(1, Math.max(0, p * 2 ** expnt));
}

/** The Pelz–Good approximation of Pr(Dₙ ≤ x), for large n. */
export function kolmogorovCdfPelzGood(n: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = Math.sqrt(n) * x;
  const z2 = z * z;
  const z3 = z2 * z;
  const z4 = z2 * z2;
  const z6 = z4 * z2;
  const pi2 = Math.PI ** 2;
  const pi4 = pi2 * pi2;
  const pi6 = pi4 * pi2;
  const qlog = -pi2 / 8 / z2;
  if (qlog < -708) return 0;
  let q = Math.exp(qlog);
  const k1a = -z2;
  const k1b = pi2 / 4;
  const k2a = 6 * z6 + 2 * z4;
  const k2b = ((2 * z4 - 5 * z2) * pi2) / 4;
  const k2c = (pi4 * (1 - 2 * z2)) / 16;
  const k3d = (pi6 * (5 - 30 * z2)) / 64;
  const k3c = (pi4 * (-60 * z2 + 212 * z4)) / 16;
  const k3b = (pi2 * (135 * z4 - 96 * z6)) / 4;
  const k3a = -30 * z6 - 90 * z ** 8;
  const K = [0, 0, 0, 0];
  const maxk = Math.ceil((16 * z) / Math.PI);
  for (let k = maxk; k > 0; k--) {
    const m = 2 * k - 1;
    const m2 = m * m;
    const qp = q ** (8 * k);
    const coeffs = [1, k1a + k1b * m2, k2a + k2b * m2 + k2c * m2 * m2, k3a + k3b * m2 + k3c * m2 * m2 + k3d * m2 * m2 * m2];
    for (let i = 0; i < 4; i++) K[i] = K[i]! * qp + coeffs[i]!;
  }
  const sqrt2pi = Math.sqrt(2 * Math.PI);
  const div = [z, 6 * z4, 72 * z ** 7, 6480 * z ** 10];
  for (let i = 0; i < 4; i++) K[i] = (K[i]! * q * sqrt2pi) / div[i]!;
  q = Math.exp(-pi2 / 2 / z2);
  let k2extra = 0;
  let k3extra = 0;
  const sqrt3z = Math.sqrt(3) * z;
  for (let k = maxk; k > 0; k--) {
    const qp = q ** (k * k);
    k2extra += k * k * qp;
    const kpi = Math.PI * k;
    k3extra += (sqrt3z + kpi) * (sqrt3z - kpi) * k * k * qp;
  }
  K[2]! += (k2extra * pi2 * sqrt2pi) / (-36 * z3);
  K[3]! += (k3extra * pi2 * sqrt2pi) / (216 * z6);
  let sum = 0;
  for (let i = 0; i < 4; i++) sum += K[i]! / n ** (i / 2);
  return sum;
}

/** P(Dₙ ≥ x), the two-sided one-sample Kolmogorov distribution (scipy.stats.kstwo.sf, after Simard and L'Ecuyer 2011). */
export function kolmogorovSf(n: number, x: number): number {
  const clip = (p: number) => Math.min(1, Math.max(0, p));
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    const cdf = n <= 140 ? Array.from({ length: n }, (_, i) => ((i + 1) / n) * (2 * t - 1)).reduce((a, b) => a * b, 1) : Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    return clip(1 - cdf);
  }
  if (t >= n - 1) return clip(2 * (1 - x) ** n);
  if (x >= 0.5) return clip(2 * smirnovSf(n, x));
  const nx2 = t * x;
  if (n <= 140) {
    // scipy uses Pomeranz's recursion for 0.754693 < n·x² ≤ 4; Durbin's matrix is exact there too.
    if (nx2 <= 4) return clip(1 - kolmogorovCdfDurbin(n, x));
    return clip(2 * smirnovSf(n, x));
  }
  if (nx2 >= 370) return 0;
  if (nx2 >= 2.2) return clip(2 * smirnovSf(n, x));
  const cdf = n <= 100000 && n * x ** 1.5 <= 1.4 ? kolmogorovCdfDurbin(n, x) : kolmogorovCdfPelzGood(n, x);
  return clip(1 - cdf);
}
