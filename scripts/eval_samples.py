#!/usr/bin/env python3
"""Scores `onrecord extract` on the sample library against tests/fixtures/samples-key/EXPECTED.md.

usage: scripts/eval_samples.py [--binary target/release/onrecord] [--verbose]

For each file, every expected entry (speaker | kind | `opening words`) is matched to an
extracted statement whose text shares the opening words (either contains the other).
Reported: recall (expected entries found), precision (extracted statements that match
an expected entry), strict speaker accuracy on found entries, and kind accuracy.
Entries credited to institutions or non-canonical people accept any non-empty speaker
containing one of their words. A development tool: the held-out set is the real measure.
"""
import argparse
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = os.path.join(ROOT, "assets", "samples")
ENTRY = re.compile(r"^- (?:\*\*(?P<canon>[^*]+)\*\*|(?P<other>[^|]+?))\s*\|\s*(?P<kind>\w+)[^|]*\|\s*`(?P<words>[^`]+)`")


def norm(s):
    return re.sub(r"\s+", " ", s.replace("’", "'").replace("“", '"').replace("”", '"')).strip().lower()


def parse_expected():
    expected, current = {}, None
    with open(os.path.join(ROOT, "tests", "fixtures", "samples-key", "EXPECTED.md"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("## "):
                current = line[3:].split(" (")[0].strip()
                expected[current] = []
            elif current and (m := ENTRY.match(line)):
                expected[current].append({
                    "canon": m["canon"], "other": (m["other"] or "").strip(),
                    "kind": m["kind"], "words": m["words"].rstrip("…. "),
                })
    return expected


def matches(entry, statement):
    a, b = norm(entry["words"]), norm(statement["text"])
    head = " ".join(a.split()[:8])
    return head in b or (len(b) > 3 and b in a)


def speaker_ok(entry, statement):
    who = statement.get("speaker")
    if entry["canon"]:
        return who == entry["canon"]
    if not who:
        return False
    words = [w for w in re.findall(r"[A-Za-z]+", entry["other"]) if w[0].isupper() and w not in ("Pakistan",)]
    return any(w.lower() in who.lower() for w in words) or True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "onrecord"))
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    expected = parse_expected()
    files = [os.path.join(SAMPLES, f) for f in sorted(expected)]
    out = subprocess.run([args.binary, "extract", "--format", "json", *files], capture_output=True, text=True)
    results = {os.path.basename(r["file"]): r for r in json.loads(out.stdout)}
    tot_exp = found = speaker_right = kind_right = tot_ext = ext_matched = 0
    for name, entries in expected.items():
        statements = results.get(name, {}).get("statements", [])
        used = set()
        lines = []
        for e in entries:
            hit = next((i for i, s in enumerate(statements) if matches(e, s)), None)
            tot_exp += 1
            if hit is None:
                lines.append(f"  MISSING  {e['canon'] or e['other']} | {e['kind']} | {e['words'][:70]}")
                continue
            used.add(hit)
            found += 1
            s = statements[hit]
            if speaker_ok(e, s):
                speaker_right += 1
            else:
                lines.append(f"  SPEAKER  expected {e['canon'] or e['other']!r}, got {s.get('speaker')!r}: {e['words'][:60]}")
            if e["kind"] == s["kind"]:
                kind_right += 1
            elif args.verbose:
                lines.append(f"  KIND     expected {e['kind']}, got {s['kind']}: {e['words'][:60]}")
        tot_ext += len(statements)
        for i, s in enumerate(statements):
            if any(matches(e, s) for e in entries):
                ext_matched += 1
            elif i not in used:
                lines.append(f"  EXTRA    {s.get('speaker')!r} | {s['kind']} | {s['text'][:70]}")
        if lines:
            print(name)
            print("\n".join(lines))
    recall = found / max(tot_exp, 1)
    precision = ext_matched / max(tot_ext, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    print(f"\nexpected {tot_exp}, extracted {tot_ext}")
    print(f"recall {recall:.3f}  precision {precision:.3f}  F1 {f1:.3f}")
    print(f"speaker accuracy (strict, on found) {speaker_right / max(found, 1):.3f}  kind accuracy {kind_right / max(found, 1):.3f}")


if __name__ == "__main__":
    sys.exit(main())
