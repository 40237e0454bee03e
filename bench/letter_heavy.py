#!/usr/bin/env python3
"""Turns a generated consolidated CSV into the bench's letter-heavy case, in place: every eighth branch
copies the self scores of the branch after it, so that about a quarter of branches share their self
scores with another, get an integrity signal and so a letter (as in a national file whose score
profiles repeat). Deterministic: the same file in gives the same file out.

Usage: letter_heavy.py TABLE_CSV
"""
import csv
import io
import sys

CRITERIA = 14  # columns 1..14 hold the self scores; the .verified columns and the facts are left as they are

path = sys.argv[1]
with open(path, encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f))
for i in range(1, len(rows) - 1, 8):
    rows[i][1:1 + CRITERIA] = rows[i + 1][1:1 + CRITERIA]
out = io.StringIO()
csv.writer(out, lineterminator="\n").writerows(rows)
with open(path, "w", encoding="utf-8-sig", newline="") as f:
    f.write(out.getvalue())
