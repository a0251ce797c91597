#!/usr/bin/env python3
"""Independent checker of a sortition result against its instance (stdlib only).

Usage:
    python3 scripts/check_sortition.py INSTANCE_DIR RESULT.json [--min-at-least X] [--require-weights]

INSTANCE_DIR holds the instance in the shared peers' format:
    people.csv      id,<feature>,...         one row per pool member (first column if no `id`)
    categories.csv  feature,value,min,max    one quota row per feature value
    instance.json   {"panel_size": k, ...}

RESULT.json is written by `comity sortition select` or by the sortition peer
(shared/peers/sortition_peer.py). Fields read:
    pool_size, panel_size, algorithm, seconds, min_probability   (required)
    panels            list; each element is either a list of ids, or {"weight": w, "members": [ids]}
    panel             the drawn panel (list of ids), optional
    probabilities     {id: float}, optional unless --require-weights
    weights           optional list of weights parallel to `panels` (also accepted:
                      `panel_weights`, or `distribution.weights`), for id-list panels

The peer's JSON has no panel weights: its `panels` are the panel(s) *drawn* from the
distribution (by default one), not the distribution's support. For such a result only the
panels' quotas and the probability sums are checked; with weights present, every person's
probability is also recomputed from the panels and compared with `probabilities`.

Checks:
  - pool_size and panel_size agree with the instance;
  - every panel (and the drawn panel) has exactly panel_size distinct ids from the pool and
    meets every quota row: min <= #members with that value <= max;
  - weights (if any) are finite, >= 0 and sum to 1 within 1e-9;
  - with weights: sum of the weights of the panels containing a person == probabilities[id]
    within 1e-6, for every pool member;
  - probabilities (if any) cover exactly the pool, lie in [0, 1] and sum to panel_size
    within 1e-6; min_probability == min(probabilities) within 1e-9;
  - min_probability <= panel_size / pool_size (the mean) + 1e-9;
  - with --min-at-least X: min_probability >= X - 1e-6.

Feature values are compared case-insensitively after trimming spaces, as the peer library does.
Prints a one-line summary on stdout. Exit status: 0 all checks pass, 1 some check failed
(the first failures are listed on stderr), 2 the inputs could not be read.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from pathlib import Path

WEIGHT_SUM_TOL = 1e-9  # weights must sum to 1 within this
PROB_TOL = 1e-6  # recomputed vs reported per-person probability; sum of probabilities vs k
MIN_TOL = 1e-9  # min_probability vs min(probabilities); also min <= k/n
MIN_AT_LEAST_TOL = 1e-6  # --min-at-least slack
MAX_LISTED = 10  # failures printed in detail


class InputError(Exception):
    """An input file is missing or malformed (exit 2, not a check failure)."""


def norm(value: str) -> str:
    """Normalise a feature value for comparison (case-insensitive, trimmed)."""
    return value.strip().casefold()


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    try:
        with open(path, newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            header = [h.strip() for h in (reader.fieldnames or [])]
            reader.fieldnames = header
            return header, list(reader)
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc}") from exc


def load_instance(inst: Path):
    """Return (people: {id: {feature: normalised value}}, quotas: [(feature, value, min, max)], k)."""
    cat_head, cat_rows = read_csv(inst / "categories.csv")
    for col in ("feature", "value", "min", "max"):
        if col not in cat_head:
            raise InputError(f"{inst / 'categories.csv'}: no column {col!r} (header {cat_head})")
    quotas = []
    for i, row in enumerate(cat_rows, start=2):
        try:
            lo, hi = int(row["min"]), int(row["max"])
        except (TypeError, ValueError) as exc:
            raise InputError(f"{inst / 'categories.csv'} line {i}: bad min/max: {exc}") from exc
        quotas.append((row["feature"].strip(), norm(row["value"]), lo, hi))
    features = sorted({f for f, _, _, _ in quotas})

    people_head, people_rows = read_csv(inst / "people.csv")
    if not people_head:
        raise InputError(f"{inst / 'people.csv'} is empty")
    id_col = "id" if "id" in people_head else people_head[0]
    missing = [f for f in features if f not in people_head]
    if missing:
        raise InputError(f"{inst / 'people.csv'}: no column for feature(s) {missing}")
    people: dict[str, dict[str, str]] = {}
    for i, row in enumerate(people_rows, start=2):
        pid = (row.get(id_col) or "").strip()
        if not pid or pid in people:
            raise InputError(f"{inst / 'people.csv'} line {i}: empty or duplicate id {pid!r}")
        people[pid] = {f: norm(row.get(f) or "") for f in features}

    try:
        meta = json.loads((inst / "instance.json").read_text(encoding="utf-8"))
        k = int(meta["panel_size"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{inst / 'instance.json'}: cannot read panel_size: {exc}") from exc
    return people, quotas, k


def is_number(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def extract_panels(res: dict, fail) -> tuple[list[list], list[float] | None]:
    """Return (member lists, weights or None) from the result's `panels` in any accepted form."""
    raw = res.get("panels")
    if not isinstance(raw, list):
        fail(f"`panels` is missing or not a list (got {type(raw).__name__})")
        return [], None
    members: list[list] = []
    weights: list[float] = []
    n_obj = sum(isinstance(p, dict) for p in raw)
    if 0 < n_obj < len(raw):
        fail("`panels` mixes objects and plain id lists")
    for i, p in enumerate(raw):
        if isinstance(p, dict):
            m, w = p.get("members"), p.get("weight")
            if not isinstance(m, list):
                fail(f"panels[{i}]: `members` is missing or not a list")
                m = []
            if not is_number(w):
                fail(f"panels[{i}]: `weight` is missing or not a finite number ({w!r})")
                w = 0.0
            members.append(m)
            weights.append(float(w))
        elif isinstance(p, list):
            members.append(p)
        else:
            fail(f"panels[{i}] is neither a list of ids nor an object ({type(p).__name__})")
    if n_obj and n_obj == len(raw):
        return members, weights

    # Plain id lists: the weights may sit in a parallel list elsewhere.
    dist = res.get("distribution")
    for key, parallel in (("weights", res.get("weights")),
                          ("panel_weights", res.get("panel_weights")),
                          ("distribution.weights", dist.get("weights") if isinstance(dist, dict) else None)):
        if parallel is None:
            continue
        if not isinstance(parallel, list) or len(parallel) != len(members):
            fail(f"`{key}` is not a list parallel to `panels` ({len(members)} panels)")
            return members, None
        bad = [i for i, w in enumerate(parallel) if not is_number(w)]
        if bad:
            fail(f"`{key}`[{bad[0]}] is not a finite number ({parallel[bad[0]]!r})")
            return members, None
        return members, [float(w) for w in parallel]
    return members, None


def check_panel(label: str, ids, people, quotas, k: int, fail) -> None:
    """Size, distinct known ids, and every quota row."""
    if not isinstance(ids, list):
        fail(f"{label}: not a list of ids")
        return
    bad_type = [x for x in ids if not isinstance(x, str)]
    if bad_type:
        fail(f"{label}: ids must be strings, got {bad_type[0]!r}")
        return
    if len(ids) != k:
        fail(f"{label}: {len(ids)} members, panel_size is {k}")
    if len(set(ids)) != len(ids):
        dups = sorted({x for x in ids if ids.count(x) > 1})
        fail(f"{label}: repeated id(s) {dups[:5]}")
    unknown = [x for x in ids if x not in people]
    if unknown:
        fail(f"{label}: id(s) not in the pool {unknown[:5]}")
    members = [people[x] for x in set(ids) if x in people]
    for feature, value, lo, hi in quotas:
        n = sum(1 for p in members if p[feature] == value)
        if not lo <= n <= hi:
            fail(f"{label}: quota {feature}={value}: {n} selected, allowed [{lo}, {hi}]")


def check(inst: Path, res_path: Path, min_at_least: float | None, require_weights: bool):
    """Run every check; return (failures, notes) where notes feed the summary line."""
    people, quotas, k = load_instance(inst)
    try:
        res = json.loads(res_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read {res_path}: {exc}") from exc
    if not isinstance(res, dict):
        raise InputError(f"{res_path}: top level is not a JSON object")

    failures: list[str] = []
    fail = failures.append
    notes: dict = {"algorithm": res.get("algorithm"), "n": len(people), "k": k}

    # Instance-level sanity: every pool value should have a quota row (a warning only).
    rows = {(f, v) for f, v, _, _ in quotas}
    unquoted = sorted({(f, v) for p in people.values() for f, v in p.items() if (f, v) not in rows})
    if unquoted:
        print(f"warning: {inst}: value(s) with no quota row {unquoted[:5]}", file=sys.stderr)

    for key in ("pool_size", "panel_size", "algorithm", "seconds", "min_probability", "panels"):
        if key not in res:
            fail(f"required key `{key}` is missing")
    if res.get("pool_size") != len(people):
        fail(f"pool_size is {res.get('pool_size')!r}, the instance has {len(people)} people")
    if res.get("panel_size") != k:
        fail(f"panel_size is {res.get('panel_size')!r}, instance.json says {k}")

    # Panels (the distribution's support, or the peer's drawn panels) and the drawn panel.
    members, weights = extract_panels(res, fail)
    for i, ids in enumerate(members):
        check_panel(f"panels[{i}]", ids, people, quotas, k, fail)
    if "panel" in res and res["panel"] is not None:
        check_panel("panel (drawn)", res["panel"], people, quotas, k, fail)
        notes["drawn"] = True
    notes["panels"] = len(members)
    notes["weighted"] = weights is not None
    if require_weights and weights is None:
        fail("--require-weights: the panels carry no weights")
    if weights is not None:
        neg = [(i, w) for i, w in enumerate(weights) if w < 0]
        if neg:
            fail(f"{len(neg)} negative weight(s), first panels[{neg[0][0]}] = {neg[0][1]!r}")
        total = math.fsum(weights)
        if abs(total - 1.0) > WEIGHT_SUM_TOL:
            fail(f"weights sum to {total!r}, not 1 (tolerance {WEIGHT_SUM_TOL})")

    # Per-person probabilities.
    probs = res.get("probabilities")
    if probs is None:
        if require_weights:
            fail("--require-weights: `probabilities` is missing")
        notes["probabilities"] = False
    elif not isinstance(probs, dict):
        fail("`probabilities` is not an object id -> number")
        probs = None
    else:
        notes["probabilities"] = True
        missing = [p for p in people if p not in probs]
        extra = [p for p in probs if p not in people]
        if missing:
            fail(f"probabilities: {len(missing)} pool member(s) missing, e.g. {missing[:5]}")
        if extra:
            fail(f"probabilities: {len(extra)} id(s) not in the pool, e.g. {extra[:5]}")
        bad = [(p, v) for p, v in probs.items() if not is_number(v) or not -MIN_TOL <= v <= 1 + MIN_TOL]
        if bad:
            fail(f"probabilities: {len(bad)} value(s) not a number in [0, 1], e.g. {bad[:3]}")
            probs = None
    if probs is not None:
        total = math.fsum(probs.values())
        notes["sum"] = total
        if abs(total - k) > PROB_TOL:
            fail(f"probabilities sum to {total!r}, panel_size is {k} (tolerance {PROB_TOL})")
        if weights is not None:
            recomputed = dict.fromkeys(people, 0.0)
            for ids, w in zip(members, weights):
                for pid in set(ids) if isinstance(ids, list) else ():
                    if pid in recomputed:
                        recomputed[pid] += w
            off = [(p, recomputed[p], probs[p]) for p in people
                   if p in probs and abs(recomputed[p] - probs[p]) > PROB_TOL]
            if off:
                p, got, said = off[0]
                fail(f"{len(off)} person(s) whose probability from panels x weights differs from "
                     f"`probabilities` by > {PROB_TOL}; first {p}: computed {got!r}, reported {said!r}")

    # min_probability.
    mp = res.get("min_probability")
    if mp is not None and not is_number(mp):
        fail(f"min_probability is not a finite number ({mp!r})")
        mp = None
    notes["min"] = mp
    if mp is not None:
        if probs:
            true_min = min(probs.values())
            if abs(mp - true_min) > MIN_TOL:
                fail(f"min_probability {mp!r} != min of probabilities {true_min!r}")
        if people and mp > k / len(people) + MIN_TOL:
            fail(f"min_probability {mp!r} exceeds the mean k/n = {k / len(people)!r}")
    if min_at_least is not None:
        notes["at_least"] = min_at_least
        if mp is None:
            fail(f"--min-at-least {min_at_least}: min_probability is absent")
        elif mp < min_at_least - MIN_AT_LEAST_TOL:
            fail(f"min_probability {mp!r} < required {min_at_least!r} (tolerance {MIN_AT_LEAST_TOL})")
    return failures, notes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("instance", type=Path, help="instance directory (people.csv, categories.csv, instance.json)")
    ap.add_argument("result", type=Path, help="result JSON (comity sortition select, or the peer)")
    ap.add_argument("--min-at-least", type=float, metavar="X",
                    help="also require min_probability >= X - 1e-6 (e.g. the peer's maximin value)")
    ap.add_argument("--require-weights", action="store_true",
                    help="fail unless panels carry weights and per-person probabilities are present")
    args = ap.parse_args(argv)

    try:
        failures, notes = check(args.instance, args.result, args.min_at_least, args.require_weights)
    except InputError as exc:
        print(f"ERROR {args.result}: {exc}", file=sys.stderr)
        return 2

    parts = [f"{notes.get('algorithm')} n={notes['n']} k={notes['k']}",
             f"{notes.get('panels', 0)} panel(s) {'weighted' if notes.get('weighted') else 'unweighted'}"]
    if notes.get("drawn"):
        parts.append("drawn panel")
    if notes.get("probabilities"):
        parts.append(f"sum p={notes.get('sum', float('nan')):.6f}")
    else:
        parts.append("no probabilities")
    if notes.get("min") is not None:
        parts.append(f"min p={notes['min']:.6f}")
    if notes.get("at_least") is not None:
        parts.append(f">= {notes['at_least']:.6f} required")
    verdict = "OK" if not failures else f"FAIL ({len(failures)} problem(s))"
    print(f"{verdict} {args.result}: " + ", ".join(parts))
    for msg in failures[:MAX_LISTED]:
        print(f"  - {msg}", file=sys.stderr)
    if len(failures) > MAX_LISTED:
        print(f"  ... and {len(failures) - MAX_LISTED} more", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
