#!/usr/bin/env python3
"""The interpreter baseline of the benchmark: a plain CPython script, standard library only, that does
what the year's run does to a consolidated CSV: read it with the csv module, score each branch with
exact decimals (total, tier, caps), rank inside each bloc and overall, and write one results CSV.
No validation report, no workbook, no PDF: the least a script could do and still give the ranking.

Usage: cpython_scores.py YEAR_DIR OUT_CSV [RESULTS_CSV]
With RESULTS_CSV (union-review's results.csv), also checks that both agree on every total and tier
before caps. The 2025 rules are written out by hand below, as such a script would.
"""
import csv
import glob
import os
import sys
from decimal import Decimal, InvalidOperation

GROUPS = {"A": ["A1", "A2", "A3"], "B": ["B1", "B2"], "C": ["C1", "C2", "C3"], "D": ["D1", "D2"]}
MAX = {c: Decimal(10) for g in GROUPS.values() for c in g} | {"E1": Decimal(3), "E2": Decimal(2), "F1": Decimal(5), "F2": Decimal(5)}
BONUS, PENALTY = ["E1", "E2"], ["F1", "F2"]
CRITERIA = list(MAX)
STEP = Decimal("0.5")
TIERS = ["XS", "TOT", "HT", "KHT"]
YES = {"có", "x", "yes", "true", "1"}


def number(s):
    s = (s or "").strip().replace(",", ".")
    return Decimal(s) if s else None


def score(row):
    """(total, tier before caps, tier after caps, tie-break key) or None when a value is invalid."""
    counted = {}
    try:
        for c in CRITERIA:
            own, verified = number(row.get(c)), number(row.get(c + ".verified"))
            v = verified if verified is not None else (own or Decimal(0))
            if v < 0 or v > MAX[c] or v % STEP != 0:
                return None
            counted[c] = v
        staff, members = number(row.get("members_total")), number(row.get("members_union"))
    except InvalidOperation:
        return None
    groups = {g: sum(counted[c] for c in cs) for g, cs in GROUPS.items()}
    total = max(Decimal(0), sum(groups.values()) + min(sum(counted[c] for c in BONUS), Decimal(5))
                - min(sum(counted[c] for c in PENALTY), Decimal(10)))
    share_ok = all(groups[g] / sum(MAX[c] for c in cs) >= Decimal("0.8") for g, cs in GROUPS.items())
    tier = 0 if total >= 90 and share_ok else 1 if total >= 70 else 2 if total >= 50 else 3
    capped = tier
    fact = lambda k: (row.get(k) or "").strip().lower() in YES
    if fact("work_stoppage") or fact("finance_violation"):
        capped = max(capped, 2)
    if fact("executive_disciplined") or not fact("dues_remitted"):
        capped = max(capped, 1)
    rate = members / staff if staff else None
    if rate is not None and rate < Decimal("0.7"):
        capped = max(capped, 1)
    return total, tier, capped, (-capped, total, groups["C"], members or 0, rate if rate is not None else Decimal(-1))


def ranks(keys):
    """Competition ranks (1, 2, 2, 4) of the keys, best (largest) first."""
    order = sorted(range(len(keys)), key=lambda i: keys[i], reverse=True)
    out, last, rank = [0] * len(keys), None, 0
    for position, i in enumerate(order, 1):
        if keys[i] != last:
            rank, last = position, keys[i]
        out[i] = rank
    return out


def main():
    year_dir, out_csv = sys.argv[1], sys.argv[2]
    with open(os.path.join(year_dir, "registry.csv"), encoding="utf-8-sig", newline="") as f:
        registry = {r["code"].strip().upper(): r for r in csv.DictReader(f)}
    scored, seen = {}, {}
    for path in sorted(glob.glob(os.path.join(year_dir, "tables", "*.csv"))):
        with open(path, encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f):
                code = (row.get("code") or "").strip().upper()
                if code not in registry:
                    continue
                seen[code] = seen.get(code, 0) + 1
                s = score(row)
                if s is not None:
                    scored[code] = s
    for code, n in seen.items():
        if n > 1:
            scored.pop(code, None)  # duplicate submissions: rejected, as union-review does
    codes = sorted(scored)
    overall = ranks([scored[c][3] for c in codes])
    by_bloc = {}
    for i, c in enumerate(codes):
        by_bloc.setdefault(registry[c]["bloc"], []).append(i)
    in_bloc = [0] * len(codes)
    for members in by_bloc.values():
        for i, r in zip(members, ranks([scored[codes[i]][3] for i in members])):
            in_bloc[i] = r
    rows = sorted(range(len(codes)), key=lambda i: (registry[codes[i]]["bloc"], in_bloc[i], codes[i]))
    with open(out_csv, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["code", "name", "bloc", "total", "tier_before_caps", "tier", "rank_bloc", "rank_all"])
        for i in rows:
            c = codes[i]
            total, tier, capped, _ = scored[c]
            w.writerow([c, registry[c]["name"], registry[c]["bloc"], total, TIERS[tier], TIERS[capped], in_bloc[i], overall[i]])
    print(f"cpython: {len(codes)} branches scored and ranked")
    if len(sys.argv) > 3:
        with open(sys.argv[3], encoding="utf-8-sig", newline="") as f:
            ours = list(csv.DictReader(f))
        disagree = [r["code"] for r in ours if r["code"] not in scored or scored[r["code"]][0] != Decimal(r["total"])
                    or TIERS[scored[r["code"]][1]] != r["tier_before_caps"]]
        print(f"cpython vs union-review: {len(ours) - len(disagree)} of {len(ours)} branches agree on total and tier"
              + (f"; first disagreements: {disagree[:5]}" if disagree else ""))


if __name__ == "__main__":
    main()
