# Writes test/fixtures/drift-scipy.json: samples and what scipy (and numpy) compute on them, the
# reference values that test/drift-stats.test.ts holds the drift statistics to. Run it with Debian's
# python3-scipy: /usr/bin/python3 scripts/drift-fixtures.py
import json
import platform

import numpy as np
import scipy
from scipy import stats
from scipy.spatial import distance

rng = np.random.default_rng(20261123)


def rounded(a, places=3):
    return [float(x) for x in np.round(a, places)]


def ks_case(name, a, b):
    r = stats.ks_2samp(a, b)
    return {"name": name, "a": a, "b": b, "statistic": float(r.statistic), "pvalue": float(r.pvalue)}


ks = [
    ks_case("exact, unequal sizes, small shift", rounded(rng.normal(0, 1, 200)), rounded(rng.normal(0.2, 1, 300))),
    ks_case("exact, equal sizes", rounded(rng.normal(0, 1, 500)), rounded(rng.normal(0.1, 1, 500))),
    ks_case("exact, ties (integers)", [float(x) for x in rng.integers(0, 10, 300)], [float(x) for x in rng.integers(0, 11, 400)]),
    ks_case("exact, strong shift (tiny p)", rounded(rng.normal(0, 1, 1000)), rounded(rng.normal(0.5, 1, 1000))),
    ks_case("exact, no shift", rounded(rng.normal(0, 1, 700)), rounded(rng.normal(0, 1, 900))),
    ks_case("asymptotic, n about 750", rounded(rng.normal(0, 1, 800)), rounded(rng.normal(0.05, 1, 12000))),
    ks_case("asymptotic, n about 750, clear shift", rounded(rng.normal(0, 1, 800)), rounded(rng.normal(0.3, 1, 12000))),
    ks_case("asymptotic, n at most 140", rounded(rng.normal(0, 1, 100)), rounded(rng.normal(0.1, 1, 20000))),
    ks_case("asymptotic, n about 50", rounded(rng.exponential(1, 50)), rounded(rng.exponential(1.3, 10001))),
]

kstwo = []
for n in [5, 50, 140, 141, 500, 5000, 200000]:
    for x in [0.001, 0.01, 0.03, 0.05, 0.08, 0.12, 0.2, 0.35, 0.6]:
        kstwo.append({"n": n, "x": x, "sf": float(stats.kstwo.sf(x, n))})


def chi_case(name, ref, cur):
    keys = sorted(set(ref) | set(cur))
    rc = {k: ref.count(k) for k in keys}
    cc = {k: cur.count(k) for k in keys}
    k_norm = len(cur) / len(ref)
    f_exp = [rc[k] * k_norm for k in keys]
    f_obs = [cc[k] for k in keys]
    r = stats.chisquare(f_obs, f_exp)
    return {"name": name, "ref": {k: rc[k] for k in keys if rc[k]}, "cur": {k: cc[k] for k in keys if cc[k]}, "statistic": float(r.statistic), "pvalue": float(r.pvalue)}


cats = ["bank", "upi", "card", "cash", "other"]
chi = [
    chi_case("same shares", list(rng.choice(cats, 400, p=[0.4, 0.1, 0.2, 0.2, 0.1])), list(rng.choice(cats, 600, p=[0.4, 0.1, 0.2, 0.2, 0.1]))),
    chi_case("shifted shares", list(rng.choice(cats, 400, p=[0.4, 0.1, 0.2, 0.2, 0.1])), list(rng.choice(cats, 600, p=[0.1, 0.4, 0.2, 0.2, 0.1]))),
    chi_case("three levels, mild", list(rng.choice(cats[:3], 900, p=[0.5, 0.3, 0.2])), list(rng.choice(cats[:3], 800, p=[0.45, 0.33, 0.22]))),
]


def z_case(name, ref, cur):
    keys = sorted(set(ref) | set(cur))
    key = keys[0]
    n1, n2 = len(ref), len(cur)
    p1 = sum(1 for x in ref if x == key) / n1
    p2 = sum(1 for x in cur if x == key) / n2
    P = (p1 * n1 + p2 * n2) / (n1 + n2)
    z = (p1 - p2) / np.sqrt(P * (1 - P) * (1.0 / n1 + 1.0 / n2))
    return {"name": name, "ref": {k: ref.count(k) for k in keys if ref.count(k)}, "cur": {k: cur.count(k) for k in keys if cur.count(k)}, "pvalue": float(2 * (1 - stats.norm.cdf(np.abs(z))))}


z = [
    z_case("same rate", list(rng.choice(["yes", "no"], 500, p=[0.3, 0.7])), list(rng.choice(["yes", "no"], 700, p=[0.3, 0.7]))),
    z_case("rate doubles", list(rng.choice(["yes", "no"], 500, p=[0.2, 0.8])), list(rng.choice(["yes", "no"], 700, p=[0.4, 0.6]))),
]

wd = []
for name, a, b in [
    ("normal, shifted", rounded(rng.normal(0, 1, 3000)), rounded(rng.normal(0.2, 1.1, 2500))),
    ("lognormal, same", rounded(rng.lognormal(0, 1, 2000)), rounded(rng.lognormal(0, 1, 4000))),
    ("integers", [float(x) for x in rng.integers(0, 30, 1500)], [float(x) for x in rng.integers(2, 35, 1800)]),
]:
    wd.append({"name": name, "a": a, "b": b, "distance": float(stats.wasserstein_distance(a, b)), "std_a": float(np.std(a))})


def binned(ref, cur, integer):
    ra, ca = np.array(ref, dtype=np.int64 if integer else np.float64), np.array(cur, dtype=np.int64 if integer else np.float64)
    bins = np.histogram_bin_edges(np.concatenate([ra, ca]), bins="sturges")
    rp = np.histogram(ra, bins)[0] / len(ra)
    cp = np.histogram(ca, bins)[0] / len(ca)
    return bins, rp, cp


hist = []
for name, a, b, integer in [
    ("floats", rounded(rng.normal(10, 3, 2000)), rounded(rng.normal(11, 3, 1500)), False),
    ("integers, narrow", [float(x) for x in rng.integers(0, 25, 1200)], [float(x) for x in rng.integers(0, 25, 900)], True),
]:
    bins, rp, cp = binned(a, b, integer)
    hist.append({"name": name, "a": a, "b": b, "integer": integer, "edges": [float(x) for x in bins], "ref_shares": [float(x) for x in rp], "cur_shares": [float(x) for x in cp], "jensenshannon": float(distance.jensenshannon(rp, cp))})

js = []
for p, q in [([0.1, 0.4, 0.5], [0.2, 0.3, 0.5]), ([0.5, 0.5, 0.0], [0.0, 0.5, 0.5]), ([1, 2, 3, 4], [4, 3, 2, 1])]:
    js.append({"p": p, "q": q, "distance": float(distance.jensenshannon(p, q))})

chi2sf = [{"x": x, "df": df, "sf": float(stats.chi2.sf(x, df))} for x, df in [(0.5, 1), (3.84, 1), (10, 4), (50, 4), (200, 30), (1, 30), (1000, 25)]]

out = {
    "generated_by": "scripts/drift-fixtures.py",
    "scipy": scipy.__version__,
    "numpy": np.__version__,
    "python": platform.python_version(),
    "ks_2samp": ks,
    "kstwo_sf": kstwo,
    "chisquare": chi,
    "z_test": z,
    "wasserstein": wd,
    "sturges_histogram": hist,
    "jensenshannon": js,
    "chi2_sf": chi2sf,
}
with open("test/fixtures/drift-scipy.json", "w") as f:
    json.dump(out, f, separators=(",", ":"))
    f.write("\n")
print("wrote test/fixtures/drift-scipy.json")
