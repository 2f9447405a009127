#!/usr/bin/env python3
"""Writes examples/data/customers.csv: a synthetic customer table (four segments, features on very
different scales, a few missing cells, a text id column) for the customers.yaml example.

Command: /usr/bin/python3 scripts/reference/make_customers.py   (numpy only; seeded, so the file is reproducible)
"""
import os
import numpy as np

rng = np.random.default_rng(2026)
segments = [  # (annual spend, visits per month, basket size, share online)
    (300.0, 2.0, 25.0, 0.10),
    (2500.0, 6.0, 60.0, 0.30),
    (900.0, 12.0, 15.0, 0.80),
    (6000.0, 3.0, 250.0, 0.05),
]
rows = []
for s, (spend, visits, basket, online) in enumerate(segments):
    for _ in range(60):
        rows.append((s, rng.normal(spend, spend * 0.15), rng.normal(visits, visits * 0.2),
                     rng.normal(basket, basket * 0.15), float(np.clip(rng.normal(online, 0.05), 0, 1))))
order = rng.permutation(len(rows))
out = os.path.join(os.path.dirname(__file__), "..", "..", "examples", "data", "customers.csv")
with open(out, "w") as f:
    f.write("customer_id,annual_spend,visits_per_month,basket_size,share_online,segment\n")
    for i, r in enumerate(order):
        seg, spend, visits, basket, online = rows[r]
        cells = [f"{spend:.2f}", f"{visits:.2f}", f"{basket:.2f}", f"{online:.3f}"]
        if rng.random() < 0.03:  # a few missing cells for the impute step
            cells[int(rng.integers(0, 4))] = ""
        f.write(f"C{i:04d}," + ",".join(cells) + f",{seg}\n")
print("wrote", out)
