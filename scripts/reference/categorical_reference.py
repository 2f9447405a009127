#!/usr/bin/python3
"""Reference values for the categorical plugin's k-modes and k-prototypes, computed by a small, plainly
written NumPy implementation that follows the papers (never by ClusterLab itself):

    Z. Huang, Extensions to the k-means algorithm for clustering large data sets with categorical
    values, Data Mining and Knowledge Discovery 2 (1998) 283-304: the matching dissimilarity, modes,
    the k-prototypes cost  sum_j (x_j - q_j)^2 + gamma * #mismatches;
    F. Cao, J. Liang, L. Bai, A new initialization method for categorical data clustering, Expert
    Systems with Applications 36 (2009) 10223-10228: the density-based initial modes.

The Python `kmodes` package (which the plugin's parameters imitate) is not installed here and there is
no network, so this script is the reference. It implements exactly the variant the plugin documents:
batch iteration (assign every row to its nearest prototype, lowest cluster on ties; then every mode to
its cluster's most frequent level, smallest code on ties, and every mean to its cluster's average),
empty clusters re-seeded in cluster order with the row farthest from its prototype (lowest row on
ties) among rows whose cluster keeps another row, stop when an assignment moves no row or after
max_iter updates. Cao's densities are exact integers (n*m times the paper's Dens); for k-prototypes the
Cao initialisation multiplies that density (from the categorical columns only) by the mixed cost.
Sums that decide results are sequential left-to-right (np.cumsum), as the Java code sums a chunk of
2048 rows (every dataset here is one chunk), so means, costs and gamma agree to the bit.

Produced with (from the repository root):

    /usr/bin/python3 scripts/reference/categorical_reference.py

on Debian's python3-numpy 1.24.2 (Python 3.11). The script refuses another numpy unless --any-version
is given. It writes, into plugins/categorical/src/test/resources/reference/:

    <dataset>.data.csv      the table, header = column names; categorical cells as level names,
                            numeric cells float32-representable (the shortest decimal that
                            round-trips the float32)
    <dataset>.columns.csv   name,kind,levels: kind categorical|numeric, levels in code order
                            (sorted names) joined by ';'
    <dataset>.truth.csv     label: the planted cluster of each row
    <dataset>.density.csv   density: n*m*Dens(x) of each row (Cao et al.), for the categorical datasets
    runs.csv                run,dataset,algorithm,k,start,rows,gamma_param,gamma,max_iter,cost,iterations,
                            converged: start = cao (rows = the Cao rows the script chose) or rows (given
                            initial rows); gamma_param the parameter (0 = the default), gamma the value
                            used, as repr (1.0 for k-modes); cost as repr
    <run>.labels.csv        label of every row
    <run>.prototypes.csv    one row per cluster, header = column names: numeric columns the mean
                            (repr of the float64), categorical columns the level code; for k-modes a
                            numeric column's modal value

Datasets (numpy RandomState seeds fixed below):
    planted   300 rows, 8 categorical attributes of 5 levels, 4 planted clusters (each value the
              cluster's own level with probability 0.8, else a uniform level)
    noisy     400 rows, 6 attributes of 4 levels, 3 clusters, own level with probability 0.5
    survey    240 rows, 3 categorical attributes of 4 levels + 2 integer-valued numeric columns (1..5),
              3 clusters (k-modes treats the numeric columns by their distinct values)
    mixed     300 rows, 2 numeric columns (Gaussian blobs, std 1, centres 4 apart) + 3 categorical
              attributes of 3 levels (own level with probability 0.7), 3 clusters
    mixed5    200 rows, 3 numeric columns (std 1.5, centres 3 apart) + 2 categorical of 4 levels
              (own level with probability 0.6), 4 clusters
"""
import argparse
import csv
import os
import sys

import numpy as np

NUMPY_VERSION = "1.24.2"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "plugins", "categorical", "src", "test", "resources", "reference")
WORDS = ["red", "green", "blue", "black", "white", "amber", "olive"]


# ----------------------------------------------------------------------------- data

class Table:
    """Columns by name: ('categorical', codes int array, level names) or ('numeric', float64 of float32)."""

    def __init__(self, name, columns, truth):
        self.name = name
        self.columns = columns  # list of (name, kind, values, levels)
        self.truth = truth

    @property
    def n(self):
        return len(self.columns[0][2])


def categorical_column(rnd, own, keep, levels, names):
    """Each row the planted level with probability `keep`, else a uniform one; codes follow sorted names."""
    n = len(own)
    noise = rnd.randint(0, levels, size=n)
    raw = np.where(rnd.random_sample(n) < keep, own, noise)
    # raw level r is named names[r]; codes are indices into the sorted names
    order = sorted(names[:levels])
    code_of = np.array([order.index(names[r]) for r in range(levels)])
    return code_of[raw], order


def planted(name, seed, n, attrs, levels, k, keep):
    rnd = np.random.RandomState(seed)
    truth = np.arange(n) % k
    rnd.shuffle(truth)
    columns = []
    for a in range(attrs):
        own = (truth + a) % levels  # clusters differ in every attribute (k <= levels)
        codes, order = categorical_column(rnd, own, keep, levels, [w + str(a) for w in WORDS])
        columns.append(("a%d" % (a + 1), "categorical", codes, order))
    return Table(name, columns, truth)


def survey():
    rnd = np.random.RandomState(7)
    n, k = 240, 3
    truth = np.arange(n) % k
    rnd.shuffle(truth)
    columns = []
    for a in range(3):
        codes, order = categorical_column(rnd, (truth + a) % 4, 0.7, 4, [w + str(a) for w in WORDS])
        columns.append(("q%d" % (a + 1), "categorical", codes, order))
    for j in range(2):
        centre = 1 + 2 * ((truth + j) % 3)
        v = np.clip(centre + rnd.randint(-1, 2, size=n), 1, 5)
        columns.append(("score%d" % (j + 1), "numeric", as_float32(v), None))
    return Table("survey", columns, truth)


def mixed(name, seed, n, k, p, spread, std, m, levels, keep):
    rnd = np.random.RandomState(seed)
    truth = np.arange(n) % k
    rnd.shuffle(truth)
    columns = []
    for j in range(p):
        centres = spread * ((np.arange(k) * (j + 1)) % k)
        columns.append(("x%d" % (j + 1), "numeric", as_float32(centres[truth] + std * rnd.standard_normal(n)), None))
    for a in range(m):
        codes, order = categorical_column(rnd, (truth + a) % levels, keep, levels, [w + str(a) for w in WORDS])
        columns.append(("c%d" % (a + 1), "categorical", codes, order))
    return Table(name, columns, truth)


def as_float32(x):
    return np.asarray(x, dtype=np.float32).astype(np.float64)


def datasets():
    return {
        "planted": planted("planted", 1, 300, 8, 5, 4, 0.8),
        "noisy": planted("noisy", 2, 400, 6, 4, 3, 0.5),
        "survey": survey(),
        "mixed": mixed("mixed", 3, 300, 3, 2, 4.0, 1.0, 3, 3, 0.7),
        "mixed5": mixed("mixed5", 4, 200, 4, 3, 3.0, 1.5, 2, 4, 0.6),
    }


# ----------------------------------------------------------------------------- encoding

def encode(t, numeric_as_levels):
    """(num n x p, cat n x m, level counts, value tables): k-modes turns numeric columns into levels."""
    num, cat, counts, values = [], [], [], []
    for name, kind, v, levels in t.columns:
        if kind == "categorical":
            cat.append(v)
            counts.append(len(levels))
            values.append(None)
        elif numeric_as_levels:
            distinct = np.unique(v + 0.0)
            cat.append(np.searchsorted(distinct, v + 0.0))
            counts.append(len(distinct))
            values.append(distinct)
        else:
            num.append(v)
    n = t.n
    num = np.stack(num, axis=1) if num else np.zeros((n, 0))
    cat = np.stack(cat, axis=1).astype(np.int64) if cat else np.zeros((n, 0), dtype=np.int64)
    return num, cat, counts, values


def seqsum(v):
    """Left-to-right sum from 0 (the Java loops' order)."""
    return float(np.cumsum(np.concatenate([[0.0], v]))[-1])


# ----------------------------------------------------------------------------- the algorithm

def dissimilarity(num, cat, means, modes, gamma):
    """Cost of every row to one prototype: sum_j (x_j - q_j)^2 (column order) + gamma * mismatches."""
    s = np.zeros(num.shape[0])
    for j in range(num.shape[1]):
        diff = num[:, j] - means[j]
        s = s + diff * diff
    if cat.shape[1] == 0:
        return s
    return s + gamma * (cat != modes).sum(axis=1)


def assign(num, cat, means, modes, gamma, labels):
    k = means.shape[0]
    costs = np.stack([dissimilarity(num, cat, means[c], modes[c], gamma) for c in range(k)])
    new = np.argmin(costs, axis=0)  # first minimum: the lowest cluster on ties
    dist = costs[new, np.arange(len(new))]
    moved = int((new != labels).sum())
    return new, dist, moved


def reseed_empty(num, cat, means, modes, labels, dist):
    k = means.shape[0]
    sizes = np.bincount(labels, minlength=k)
    moved = 0
    for c in range(k):
        if sizes[c] > 0:
            continue
        candidates = (dist > 0) & (sizes[labels] > 1)
        if not candidates.any():
            continue
        far = int(np.argmax(np.where(candidates, dist, -1.0)))  # first maximum: the lowest row
        sizes[labels[far]] -= 1
        labels[far] = c
        sizes[c] = 1
        dist[far] = 0.0
        means[c] = num[far]
        modes[c] = cat[far]
        moved += 1
    return moved


def update(num, cat, counts, means, modes, labels):
    k = means.shape[0]
    for c in range(k):
        members = labels == c
        size = int(members.sum())
        if size == 0:
            continue
        for a in range(cat.shape[1]):
            freq = np.bincount(cat[members, a], minlength=counts[a])
            modes[c, a] = int(np.argmax(freq))  # first maximum: the smallest code on ties
        for j in range(num.shape[1]):
            means[c, j] = seqsum(num[members, j]) / size


def run(num, cat, counts, rows, gamma, max_iter):
    means = num[rows].astype(np.float64).copy()
    modes = cat[rows].copy()
    labels = np.full(num.shape[0], -1)
    labels, dist, moved = assign(num, cat, means, modes, gamma, labels)
    moved += reseed_empty(num, cat, means, modes, labels, dist)
    iterations, converged = 0, False
    while iterations < max_iter:
        update(num, cat, counts, means, modes, labels)
        iterations += 1
        labels, dist, moved = assign(num, cat, means, modes, gamma, labels)
        moved += reseed_empty(num, cat, means, modes, labels, dist)
        if moved == 0:
            converged = True
            break
    return labels, means, modes, seqsum(dist), iterations, converged


def density(cat, counts):
    """n * m * Dens(x) of Cao et al.: the number of rows sharing each attribute's level, summed."""
    n = cat.shape[0]
    if cat.shape[1] == 0:
        return np.ones(n, dtype=np.int64)
    dens = np.zeros(n, dtype=np.int64)
    for a in range(cat.shape[1]):
        freq = np.bincount(cat[:, a], minlength=counts[a])
        dens += freq[cat[:, a]]
    return dens


def cao(num, cat, counts, k, gamma):
    dens = density(cat, counts)
    rows = [int(np.argmax(dens))]  # the densest row (the first of the densest)
    nearest = np.full(num.shape[0], np.inf)
    for _ in range(1, k):
        r = rows[-1]
        nearest = np.minimum(nearest, dissimilarity(num, cat, num[r], cat[r], gamma))
        rows.append(int(np.argmax(dens.astype(np.float64) * nearest)))
    return rows


def default_gamma(num):
    """0.5 * mean population std of the numeric columns (the kmodes package's default), sequential sums."""
    n, p = num.shape
    total = 0.0
    for j in range(p):
        mean = seqsum(num[:, j]) / n
        dev = num[:, j] - mean
        total += np.sqrt(seqsum(dev * dev) / n)
    gamma = 0.5 * total / p if p else 0.0
    return gamma if gamma > 0 else 1.0


def equal_row_pair(num, cat):
    """Two different rows with equal values (to start two clusters on one point: an empty cluster)."""
    seen = {}
    for i in range(num.shape[0]):
        key = (tuple(num[i]), tuple(cat[i]))
        if key in seen:
            return [seen[key], i]
        seen[key] = i
    raise SystemExit("no repeated row")


# ----------------------------------------------------------------------------- runs

def runs(data):
    """(run, dataset, algorithm, k, start, rows or None, gamma or None (= default), max_iter)."""
    rnd = np.random.RandomState(2024)

    def pick(ds, k):
        return [int(r) for r in rnd.choice(data[ds].n, size=k, replace=False)]

    out = []
    for ds, k in (("planted", 4), ("planted", 6), ("noisy", 3), ("noisy", 5), ("survey", 3), ("survey", 6),
                  ("mixed", 3)):
        out.append(("kmodes-%s-k%d-cao" % (ds, k), ds, "kmodes", k, "cao", None, 1.0, 100))
    out.append(("kmodes-noisy-k3-rows", "noisy", "kmodes", 3, "rows", pick("noisy", 3), 1.0, 100))
    out.append(("kmodes-noisy-k4-rows-iter2", "noisy", "kmodes", 4, "rows", pick("noisy", 4), 1.0, 2))
    out.append(("kmodes-planted-k4-rows", "planted", "kmodes", 4, "rows", pick("planted", 4), 1.0, 100))
    num, cat, _, _ = encode(data["survey"], True)
    pair = equal_row_pair(num, cat)
    out.append(("kmodes-survey-k4-empty", "survey", "kmodes", 4, "rows", pair + pick("survey", 2), 1.0, 100))
    for ds, k in (("mixed", 3), ("mixed5", 4)):
        out.append(("kprototypes-%s-k%d-cao" % (ds, k), ds, "kprototypes", k, "cao", None, None, 100))
        out.append(("kprototypes-%s-k%d-rows" % (ds, k), ds, "kprototypes", k, "rows", pick(ds, k), None, 100))
        out.append(("kprototypes-%s-k%d-rows-gamma2" % (ds, k), ds, "kprototypes", k, "rows", pick(ds, k), 2.0, 100))
    out.append(("kprototypes-planted-k4-cao", "planted", "kprototypes", 4, "cao", None, None, 100))
    out.append(("kprototypes-mixed5-k5-rows-iter3", "mixed5", "kprototypes", 5, "rows", pick("mixed5", 5), None, 3))
    return out


def write_rows(path, rows):
    with open(path, "w", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def f32(v):
    return np.format_float_positional(np.float32(v), unique=True, trim="-")


def write_table(t):
    header = [c[0] for c in t.columns]
    rows = [header]
    for i in range(t.n):
        rows.append([c[3][c[2][i]] if c[1] == "categorical" else f32(c[2][i]) for c in t.columns])
    write_rows(os.path.join(OUT, t.name + ".data.csv"), rows)
    write_rows(os.path.join(OUT, t.name + ".columns.csv"),
               [["name", "kind", "levels"]] + [[c[0], c[1], ";".join(c[3]) if c[3] else ""] for c in t.columns])
    write_rows(os.path.join(OUT, t.name + ".truth.csv"), [["label"]] + [[int(l)] for l in t.truth])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--any-version", action="store_true", help="run on another numpy version")
    args = parser.parse_args()
    if np.__version__ != NUMPY_VERSION and not args.any_version:
        sys.exit("expected numpy %s, found %s (use --any-version to override)" % (NUMPY_VERSION, np.__version__))
    os.makedirs(OUT, exist_ok=True)
    data = datasets()
    for t in data.values():
        write_table(t)
    for name in ("planted", "noisy"):
        _, cat, counts, _ = encode(data[name], True)
        write_rows(os.path.join(OUT, name + ".density.csv"), [["density"]] + [[int(v)] for v in density(cat, counts)])
    table = [["run", "dataset", "algorithm", "k", "start", "rows", "gamma_param", "gamma", "max_iter", "cost", "iterations", "converged"]]
    for run_name, ds, algorithm, k, start, rows, gamma, max_iter in runs(data):
        t = data[ds]
        kmodes = algorithm == "kmodes"
        num, cat, counts, values = encode(t, kmodes)
        gamma_param = 0.0 if gamma is None else gamma
        if gamma is None:
            gamma = default_gamma(num)
        if start == "cao":
            rows = cao(num, cat, counts, k, gamma)
        labels, means, modes, cost, iterations, converged = run(num, cat, counts, rows, gamma, max_iter)
        table.append([run_name, ds, algorithm, k, start, ";".join(str(r) for r in rows), repr(gamma_param), repr(float(gamma)), max_iter,
                      repr(cost), iterations, str(converged).lower()])
        write_rows(os.path.join(OUT, run_name + ".labels.csv"), [["label"]] + [[int(l)] for l in labels])
        out = [[c[0] for c in t.columns]]
        for c in range(k):
            row, s, a = [], 0, 0
            for name, kind, v, levels in t.columns:
                if kind == "categorical":
                    row.append(int(modes[c, a]))
                    a += 1
                elif kmodes:
                    row.append(f32(values[a][modes[c, a]]))
                    a += 1
                else:
                    row.append(repr(float(means[c, s])))
                    s += 1
            out.append(row)
        write_rows(os.path.join(OUT, run_name + ".prototypes.csv"), out)
        sizes = np.bincount(labels, minlength=k)
        print("%-36s cost %-22r iterations %3d converged %-5s sizes %s" % (run_name, cost, iterations, converged,
                                                                        sizes.tolist()))
    write_rows(os.path.join(OUT, "runs.csv"), table)


if __name__ == "__main__":
    main()
