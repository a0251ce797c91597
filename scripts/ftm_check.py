"""Strictly validate a FollowTheMoney JSON-lines file with followthemoney 4.11.2.

Usage: PYTHON scripts/ftm_check.py FILE.jsonl   (PYTHON: a venv with followthemoney==4.11.2)

`ftm validate` (the official CLI) only re-parses and re-emits: it drops unknown
properties and invalid values silently. This script reports them as errors:
bad JSON, missing id, unknown or abstract schema, unknown or stub (reverse)
property, non-string values, values the property type rejects, missing required
properties, and anything model.get_proxy(data, cleaned=False) refuses.
Values that FtM would normalise to something else, and entity references to ids
that are not in the file, are reported as warnings (not errors).
Prints "ok N entities" and exits 0, or prints the errors and exits 1.
"""

import json
import sys

from followthemoney import model
from followthemoney.exc import FollowTheMoneyException


def check(path):
    errors, warnings, ids, refs, n = [], [], set(), [], 0
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            n += 1

            def err(msg):
                errors.append(f"line {lineno}: {msg}")

            try:
                data = json.loads(line)
            except ValueError as exc:
                err(f"invalid JSON: {exc}")
                continue
            if not isinstance(data, dict):
                err("not a JSON object")
                continue
            eid = data.get("id")
            if not isinstance(eid, str) or not eid:
                err("missing or non-string id")
            else:
                if eid in ids:
                    err(f"duplicate id {eid!r}")
                ids.add(eid)
            schema = model.get(data.get("schema") or "")
            if schema is None:
                err(f"unknown schema {data.get('schema')!r}")
                continue
            if schema.abstract:
                err(f"abstract schema {schema.name}")
            props = data.get("properties", {})
            if not isinstance(props, dict):
                err("properties is not an object")
                continue
            for name, values in props.items():
                prop = schema.get(name)
                if prop is None:
                    err(f"{schema.name} has no property {name!r}")
                    continue
                if prop.stub:
                    err(f"{schema.name}.{name} is a reverse (stub) property")
                    continue
                if not isinstance(values, list) or not all(
                    isinstance(v, str) for v in values
                ):
                    err(f"{name}: values must be a list of strings, got {values!r}")
                    continue
                for v in values:
                    cleaned = prop.type.clean_text(v, format=prop.format)
                    if not cleaned or not prop.type.validate(v, format=prop.format):
                        err(f"{name} ({prop.type.name}): invalid value {v!r}")
                    elif cleaned != v:
                        warnings.append(
                            f"line {lineno}: {name}: {v!r} normalises to {cleaned!r}"
                        )
                    if prop.type.name == "entity" and cleaned:
                        refs.append((lineno, name, cleaned))
            for name in sorted(schema.required):
                if not props.get(name):
                    err(f"{schema.name} missing required property {name!r}")
            try:
                model.get_proxy(dict(data), cleaned=False)
            except FollowTheMoneyException as exc:
                err(f"get_proxy refused: {exc}")
    for lineno, name, ref in refs:
        if ref not in ids:
            warnings.append(f"line {lineno}: {name} references unknown id {ref!r}")
    return n, errors, warnings


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: ftm_check.py FILE.jsonl")
    n, errors, warnings = check(sys.argv[1])
    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)
    if errors:
        for e in errors:
            print(f"error: {e}")
        print(f"FAILED: {len(errors)} errors in {n} entities")
        sys.exit(1)
    print(f"ok {n} entities")


if __name__ == "__main__":
    main()
