#!/usr/bin/env python3
"""Writes examples/data/segments.csv and examples/data/segments-new.csv: a synthetic customer table with
text columns (plan, country, channel) for the segments.yaml example (issue 15: k-prototypes, k-means and
a Gaussian mixture after one-hot encoding, k chosen by BIC, new rows with unseen levels).

Four planted segments differ in both numeric columns (age, monthly_spend, visits) and the levels they
favour; a few cells of 'channel' are empty (the experiment's impute step fills the most frequent level).
segments-new.csv holds 20 new customers, some with a plan ('trial') and a country ('ch') the training
rows never had, to try `clusterlab predict`.

Command: /usr/bin/python3 scripts/reference/make_segments.py   (numpy only; seeded, so the files are reproducible)
"""
import os
import numpy as np

rng = np.random.default_rng(20261207)
PLANS = ["free", "basic", "pro", "enterprise"]
COUNTRIES = ["de", "fr", "it", "es", "nl"]
CHANNELS = ["web", "app", "store"]
segments = [  # (age, spend, visits, favoured plan, favoured country, favoured channel)
    (24.0, 15.0, 14.0, "free", "de", "app"),
    (38.0, 60.0, 6.0, "basic", "fr", "web"),
    (45.0, 180.0, 3.0, "pro", "it", "store"),
    (52.0, 900.0, 2.0, "enterprise", "nl", "web"),
]


def pick(levels, favoured, rng, p=0.7):
    return favoured if rng.random() < p else levels[int(rng.integers(len(levels)))]


def row(seg, rng):
    age, spend, visits, plan, country, channel = segments[seg]
    return [f"{rng.normal(age, 4):.1f}", f"{max(1.0, rng.normal(spend, spend * 0.2)):.2f}",
            f"{max(0.0, rng.normal(visits, visits * 0.25)):.1f}", pick(PLANS, plan, rng), pick(COUNTRIES, country, rng),
            pick(CHANNELS, channel, rng)]


here = os.path.join(os.path.dirname(__file__), "..", "..", "examples", "data")
header = "customer_id,age,monthly_spend,visits,plan,country,channel,segment\n"
rows = [(s, row(s, rng)) for s in range(4) for _ in range(150)]
order = rng.permutation(len(rows))
with open(os.path.join(here, "segments.csv"), "w") as f:
    f.write(header)
    for i, r in enumerate(order):
        seg, cells = rows[r]
        if rng.random() < 0.02:
            cells[5] = ""  # a missing channel: impute fills the most frequent level
        f.write(f"c{i + 1:04d}," + ",".join(cells) + f",{seg}\n")
with open(os.path.join(here, "segments-new.csv"), "w") as f:
    f.write(header.replace(",segment", ""))
    for i in range(20):
        cells = row(i % 4, rng)
        if i % 5 == 0:
            cells[3] = "trial"  # a plan the training rows never had
        if i % 7 == 0:
            cells[4] = "ch"  # a country the training rows never had
        f.write(f"n{i + 1:03d}," + ",".join(cells) + "\n")
