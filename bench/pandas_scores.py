#!/usr/bin/env python3
"""The plain-script baseline of the benchmark: what an analyst would write with pandas and openpyxl
to get each branch's total and tier (before caps and quotas) from the same input files.

Usage: pandas_scores.py YEAR_DIR [RESULTS_CSV]
With RESULTS_CSV (union-review's results.csv), also checks that both agree on every total and tier.
The 2025 rules are written out by hand below, as such a script would.
"""
import glob
import os
import sys

import openpyxl
import pandas as pd

GROUPS = {"A": ["A1", "A2", "A3"], "B": ["B1", "B2"], "C": ["C1", "C2", "C3"], "D": ["D1", "D2"]}
MAX = {c: 10.0 for g in GROUPS.values() for c in g} | {"E1": 3.0, "E2": 2.0, "F1": 5.0, "F2": 5.0}
BONUS, PENALTY = ["E1", "E2"], ["F1", "F2"]
CRITERIA = list(MAX)


def number(v):
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return None
    s = str(v).strip().replace(",", ".")
    if s == "":
        return None
    return float(s)


def score(row):
    """Total and tier before caps, or None when a value is invalid (the row is dropped)."""
    counted = {}
    try:
        for c in CRITERIA:
            self_v, ver = number(row.get(c)), number(row.get(c + ".verified"))
            v = ver if ver is not None else (self_v or 0.0)
            if v < 0 or v > MAX[c] or (v * 2) != int(v * 2):
                return None
            counted[c] = v
    except ValueError:
        return None
    base = sum(counted[c] for g in GROUPS.values() for c in g)
    total = base + min(sum(counted[c] for c in BONUS), 5.0) - min(sum(counted[c] for c in PENALTY), 10.0)
    shares = [sum(counted[c] for c in g) / sum(MAX[c] for c in g) for g in GROUPS.values()]
    tier = "XS" if total >= 90 and min(shares) >= 0.8 else "TOT" if total >= 70 else "HT" if total >= 50 else "KHT"
    return total, tier


def tables(year_dir):
    for f in sorted(glob.glob(os.path.join(year_dir, "tables", "*"))):
        if f.endswith(".csv"):
            df = pd.read_csv(f, dtype=str, encoding="utf-8-sig")
        else:
            df = pd.read_excel(f, dtype=str, engine="openpyxl" if f.endswith("x") else None)
        for rec in df.to_dict("records"):
            yield str(rec.get("code", "")).strip().upper(), rec


def forms(year_dir):
    for f in sorted(glob.glob(os.path.join(year_dir, "forms", "*.xlsx"))):
        try:
            wb = openpyxl.load_workbook(f, read_only=True, data_only=True)
        except Exception:
            continue
        rec, code = {}, ""
        for row in wb.worksheets[0].iter_rows(values_only=True):
            key = str(row[0]).strip() if row and row[0] is not None else ""
            if key == "Mã CĐCS":
                code = str(row[2]).strip().upper()
            elif key in MAX:
                rec[key], rec[key + ".verified"] = row[4], row[5]
        wb.close()
        yield code, rec


def main():
    year_dir = sys.argv[1]
    registry = pd.read_csv(os.path.join(year_dir, "registry.csv"), dtype=str, encoding="utf-8-sig")
    known = set(registry["code"].str.strip().str.upper())
    results, seen = {}, {}
    for code, rec in list(tables(year_dir)) + list(forms(year_dir)):
        if code not in known:
            continue
        seen[code] = seen.get(code, 0) + 1
        r = score(rec)
        if r is not None:
            results[code] = r
    for code, n in seen.items():
        if n > 1:
            results.pop(code, None)  # duplicate submissions: rejected, as union-review does
    tiers = pd.Series([t for _, t in results.values()]).value_counts().to_dict()
    print(f"pandas: {len(results)} branches scored; tiers before caps {tiers}; sum of totals {sum(t for t, _ in results.values()):.1f}")
    if len(sys.argv) > 2:
        ours = pd.read_csv(sys.argv[2], dtype=str, encoding="utf-8-sig")
        disagree = [c for c, t, tb in zip(ours["code"], ours["total"], ours["tier_before_caps"])
                    if c not in results or abs(results[c][0] - float(t)) > 1e-9 or results[c][1] != tb]
        print(f"pandas vs union-review: {len(ours) - len(disagree)} of {len(ours)} branches agree on total and tier"
              + (f"; first disagreements: {disagree[:5]}" if disagree else ""))


if __name__ == "__main__":
    main()
