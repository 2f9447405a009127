#!/usr/bin/env python3
"""Writes the datasets bundled in the runner (`bundled: iris`, `bundled: wine`) from the copies that
ship inside Debian's python3-sklearn, adding a header line with the feature names and a `class` column.

Command: /usr/bin/python3 scripts/reference/bundle_datasets.py   (python3-sklearn 1.2.1)
Licence of the data: CC BY 4.0 (UCI Machine Learning Repository); attribution in
runner/src/main/resources/dev/clusterlab/runner/datasets/README.md.
"""
import csv
import os
import sklearn.datasets

SRC = os.path.join(os.path.dirname(sklearn.datasets.__file__), "data")
DST = os.path.join(os.path.dirname(__file__), "..", "..", "runner", "src", "main", "resources",
                   "dev", "clusterlab", "runner", "datasets")

SETS = {
    "iris": ("iris.csv", ["sepal_length", "sepal_width", "petal_length", "petal_width"]),
    "wine": ("wine_data.csv", ["alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols",
                               "flavanoids", "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue",
                               "od280_od315_of_diluted_wines", "proline"]),
}

for name, (src, features) in SETS.items():
    with open(os.path.join(SRC, src)) as f:
        rows = list(csv.reader(f))[1:]  # the first line holds counts and class names
    with open(os.path.join(DST, name + ".csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(features + ["class"])
        for r in rows:
            assert len(r) == len(features) + 1, r
            w.writerow(r)
    print(name, len(rows), "rows")
