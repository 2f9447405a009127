#!/usr/bin/python3
"""Reference outputs for the preprocess plugin's categorical encoders, computed by scikit-learn.

Produced with (from the repository root):

    /usr/bin/python3 scripts/reference/encoding_reference.py

on Debian's python3-sklearn 1.2.1 (numpy 1.24.2). It refuses another scikit-learn version unless
--any-version is given. It writes, into plugins/preprocess/src/test/resources/encoding/:

    train.csv, new.csv     a seeded table with a numeric column 'income' and categorical columns
                           'plan', 'country', 'size'; new.csv has levels the training rows never had
                           ('country' = 'mars', 'plan' = 'trial')
    onehot.train.csv, onehot.new.csv
                           OneHotEncoder(handle_unknown='ignore', sparse_output=False) fitted on
                           train.csv's categorical columns (categories sorted, as scikit-learn and
                           ClusterLab's CSV reader order them), applied to each file; the numeric
                           column passes first-in-place (ColumnTransformer order: income then the
                           indicators of each column in column order)
    ordinal.train.csv, ordinal.new.csv
                           OrdinalEncoder(categories=[['S','M','L']], handle_unknown=
                           'use_encoded_value', unknown_value=-1) on 'size' alone
    frequency.train.csv, frequency.new.csv
                           each level of 'country' replaced by its share of train.csv's rows
                           (numpy counts; an unseen level 0), the other columns one-hot as above
                           (ClusterLab's onehot with max_levels below the number of countries)
All numbers are written with repr (shortest round trip of the float64).
"""
import argparse
import csv
import os

import numpy as np
import sklearn
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'plugins', 'preprocess', 'src', 'test', 'resources', 'encoding')
PLANS = ['basic', 'pro', 'enterprise', 'free']
COUNTRIES = ['de', 'fr', 'it', 'es', 'nl', 'pl', 'se']
SIZES = ['S', 'M', 'L']


def table(rng, n, unseen):
    rows = []
    for i in range(n):
        plan = PLANS[rng.integers(len(PLANS))]
        country = COUNTRIES[min(rng.geometric(0.35) - 1, len(COUNTRIES) - 1)]
        size = SIZES[rng.integers(len(SIZES))]
        if unseen and i % 5 == 0:
            country = 'mars'
        if unseen and i % 7 == 0:
            plan = 'trial'
        income = float(np.float32(round(rng.normal(50, 15), 2)))
        rows.append([income, plan, country, size])
    return rows


def write(name, header, rows):
    with open(os.path.join(OUT, name), 'w', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(header)
        for r in rows:
            w.writerow([repr(float(v)) if isinstance(v, (float, np.floating)) else v for v in r])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--any-version', action='store_true')
    args = ap.parse_args()
    if sklearn.__version__ != '1.2.1' and not args.any_version:
        raise SystemExit('expected scikit-learn 1.2.1, found ' + sklearn.__version__)
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(20261207)
    train = table(rng, 60, False)
    new = table(rng, 20, True)
    header = ['income', 'plan', 'country', 'size']
    write('train.csv', header, train)
    write('new.csv', header, new)

    cat_train = np.array([r[1:] for r in train], dtype=object)
    ohe = OneHotEncoder(handle_unknown='ignore', sparse_output=False).fit(cat_train)
    names = ['income'] + list(ohe.get_feature_names_out(['plan', 'country', 'size']))
    for tag, rows in (('train', train), ('new', new)):
        x = ohe.transform(np.array([r[1:] for r in rows], dtype=object))
        write('onehot.%s.csv' % tag, names, [[r[0]] + list(map(float, v)) for r, v in zip(rows, x)])

    ordinal = OrdinalEncoder(categories=[SIZES], handle_unknown='use_encoded_value', unknown_value=-1)
    ordinal.fit(np.array([[r[3]] for r in train], dtype=object))
    for tag, rows in (('train', train), ('new', new)):
        x = ordinal.transform(np.array([[r[3]] for r in rows], dtype=object))
        write('ordinal.%s.csv' % tag, header, [[r[0], r[1], r[2], float(v[0])] for r, v in zip(rows, x)])

    countries = [r[2] for r in train]
    share = {c: countries.count(c) / len(train) for c in set(countries)}
    ohe2 = OneHotEncoder(handle_unknown='ignore', sparse_output=False).fit(np.array([[r[1], r[3]] for r in train], dtype=object))
    plan_names = list(ohe2.get_feature_names_out(['plan', 'size']))
    n_plan = sum(1 for n in plan_names if n.startswith('plan_'))
    names2 = ['income'] + plan_names[:n_plan] + ['country'] + plan_names[n_plan:]
    for tag, rows in (('train', train), ('new', new)):
        x = ohe2.transform(np.array([[r[1], r[3]] for r in rows], dtype=object))
        out = [[r[0]] + list(map(float, v[:n_plan])) + [float(share.get(r[2], 0.0))] + list(map(float, v[n_plan:]))
               for r, v in zip(rows, x)]
        write('frequency.%s.csv' % tag, names2, out)


if __name__ == '__main__':
    main()
