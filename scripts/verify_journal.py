#!/usr/bin/env python3
"""Verify an exported Comity journal without Comity: an independent implementation of the
published rule, using only Python's standard library.

    hash(n) = SHA-256( bytes(hash(n-1)) || canonical_json({actor, kind, payload, seq, time}) )

where hash(0) is 32 zero bytes and canonical JSON has keys sorted at every level, no
whitespace, and UTF-8 text. Usage: python3 scripts/verify_journal.py journal.jsonl
"""
import hashlib
import json
import sys


def canonical(obj):
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def main(path):
    prev = bytes(32)
    seq = 0
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            e = json.loads(line)
            seq += 1
            if e["seq"] != seq:
                sys.exit(f"{path}: line {lineno}: expected entry {seq}, found {e['seq']}")
            if bytes.fromhex(e["prev_hash"]) != prev:
                sys.exit(f"{path}: line {lineno}: entry {seq}: chain broken (prev_hash does not match)")
            body = {k: e[k] for k in ("actor", "kind", "payload", "seq", "time")}
            digest = hashlib.sha256(prev + canonical(body)).digest()
            if digest.hex() != e["hash"]:
                sys.exit(f"{path}: line {lineno}: entry {seq}: altered (contents hash to {digest.hex()})")
            prev = digest
    if seq == 0:
        sys.exit(f"{path}: empty journal")
    print(f"{path}: {seq} entries verified independently, head {prev.hex()}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: verify_journal.py JOURNAL.jsonl")
    main(sys.argv[1])
