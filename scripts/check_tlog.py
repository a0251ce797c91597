#!/usr/bin/env python3
"""Check Comity's transparency log without Comity: an independent implementation of
RFC 6962's Merkle tree and proofs and of the C2SP signed checkpoint, from the specifications.

    leaf(seq)  = SHA-256(0x00 || the 32 raw bytes of entry seq's chain hash)
    node(l, r) = SHA-256(0x01 || l || r)
    MTH(D[n])  = node(MTH(D[0:k]), MTH(D[k:n])), k the largest power of two below n

Usage:
    python3 scripts/check_tlog.py JOURNAL.jsonl --checkpoint NOTE [--key VKEY] [PROOF.json ...]

The checkpoint's root must be the MTH of the journal's first `size` entries; each proof (as
`comity journal prove --format json` prints it) must be exactly the audit path (PATH) or the
consistency proof (PROOF) the RFC defines. With --key, the checkpoint's Ed25519 signature is
checked too (needs the `cryptography` package; skipped with a message without it).
"""
import base64
import hashlib
import json
import sys


def leaf(h):
    return hashlib.sha256(b"\x00" + h).digest()


def node(l, r):
    return hashlib.sha256(b"\x01" + l + r).digest()


def split(n):
    k = 1
    while k * 2 < n:
        k *= 2
    return k


class Tree:
    def __init__(self, leaves):
        self.leaves = leaves
        self.memo = {}

    def mth(self, lo, hi):
        if hi - lo == 0:
            return hashlib.sha256(b"").digest()
        if hi - lo == 1:
            return self.leaves[lo]
        key = (lo, hi)
        if key not in self.memo:
            k = split(hi - lo)
            self.memo[key] = node(self.mth(lo, lo + k), self.mth(lo + k, hi))
        return self.memo[key]

    def path(self, m, lo, hi):
        n = hi - lo
        if n <= 1:
            return []
        k = split(n)
        if m < k:
            return self.path(m, lo, lo + k) + [self.mth(lo + k, hi)]
        return self.path(m - k, lo + k, hi) + [self.mth(lo, lo + k)]

    def subproof(self, m, lo, hi, b):
        n = hi - lo
        if m == n:
            return [] if b else [self.mth(lo, hi)]
        k = split(n)
        if m <= k:
            return self.subproof(m, lo, lo + k, b) + [self.mth(lo + k, hi)]
        return self.subproof(m - k, lo + k, hi, False) + [self.mth(lo, lo + k)]


def read_leaves(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            out.append(leaf(bytes.fromhex(json.loads(line)["hash"])))
    return out


def check_signature(note, vkey):
    name, key_id, material = vkey.strip().split("+", 2)
    raw = base64.b64decode(material)
    if raw[0] != 0x01 or len(raw) != 33:
        sys.exit(f"the key {vkey} is not an Ed25519 note key")
    want_id = hashlib.sha256(name.encode() + b"\n" + raw).digest()[:4]
    if want_id.hex() != key_id:
        sys.exit(f"the key {vkey}: its id does not fit its key")
    body, sigs = note.split("\n\n", 1)
    body += "\n"
    try:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    except ImportError:
        print("signature: skipped (no `cryptography` package)")
        return
    pub = Ed25519PublicKey.from_public_bytes(raw[1:])
    for line in sigs.splitlines():
        dash, who, sig = line.split(" ")
        if dash != "\u2014" or who != name:
            continue
        blob = base64.b64decode(sig)
        if blob[:4] != want_id:
            continue
        pub.verify(blob[4:], body.encode())  # raises if it does not verify
        print(f"signature: the checkpoint is signed by {name}")
        return
    sys.exit(f"the checkpoint carries no signature by {name}")


def main(argv):
    journal, rest = argv[0], argv[1:]
    checkpoint = key = None
    proofs = []
    i = 0
    while i < len(rest):
        if rest[i] == "--checkpoint":
            checkpoint, i = rest[i + 1], i + 2
        elif rest[i] == "--key":
            key, i = rest[i + 1], i + 2
        else:
            proofs.append(rest[i])
            i += 1
    tree = Tree(read_leaves(journal))
    n = len(tree.leaves)
    if checkpoint:
        note = open(checkpoint, encoding="utf-8").read()
        origin, size, root = note.split("\n")[:3]
        size = int(size)
        if size > n:
            sys.exit(f"{checkpoint}: signs {size} entries, the journal has {n}")
        if base64.b64decode(root) != tree.mth(0, size):
            sys.exit(f"{checkpoint}: its root is not the Merkle tree hash of the first {size} entries")
        print(f"{checkpoint}: {origin}, {size} entries, root {root} = MTH of the journal's first {size} entries")
        if key:
            check_signature(note, key)
    for p in proofs:
        doc = json.load(open(p, encoding="utf-8"))
        got = [base64.b64decode(h) for h in doc["hashes"]]
        if "leaf_index" in doc:
            m, size = doc["leaf_index"], doc["tree_size"]
            if not (0 <= m < size <= n):
                sys.exit(f"{p}: leaf {m} of a tree of {size} cannot be proved from a journal of {n}")
            want = tree.path(m, 0, size)
            what = f"inclusion of leaf {m} in the tree of {size}"
        else:
            a, b = doc["from"], doc["to"]
            if not (0 < a <= b <= n):
                sys.exit(f"{p}: consistency {a} -> {b} cannot be proved from a journal of {n}")
            want = [] if a == b else tree.subproof(a, 0, b, True)
            what = f"consistency of the tree of {a} with the tree of {b}"
        if got != want:
            sys.exit(f"{p}: not the RFC 6962 proof of {what}")
        print(f"{p}: the RFC 6962 proof of {what} ({len(got)} hashes)")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.setrecursionlimit(10_000)
    main(sys.argv[1:])
