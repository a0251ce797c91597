"""Synthetic statements of support for the initiatives' ingest benchmark (issue 17).

    python3 scripts/gen_signatures.py OUT.csv TRUTH.json --count 10000000 [--seed 17] [--exact 0.02] [--fuzzy 0.005]

Writes `name,nationality,birth_date,id_number,address,postcode` rows for the Alliance of
Democracies' members (nationalities drawn by the square root of the population, as the
charter's minimums are), streaming, so 10,000,000 rows take no more memory than one. A share
`--exact` of rows sign a second time with the same member and ID number (written with other
spaces and case); a share `--fuzzy` sign again with their name written otherwise (case,
accents, word order), the same birth date and postcode, and an ID number with a typo (never
the same typo twice). Every row carries an ID number (a letter and twelve digits, so that two
people share one about once in 10,000,000 rows), so exact duplicates are those of the same
member and ID number.
TRUTH.json lists the 1-based file lines of each kind (the header is line 1). Deterministic
for a seed; no real person's data.
"""

import argparse
import csv
import json
import math
import random
import unicodedata

GIVEN = """Ana Amira Bruno Chen Dario Elena Farah Gustavo Hana Ingrid Jonas Kofi Leila Mateus Nadia
Omar Priya Quentin Rosa Sven Tomás Ursula Vikram Wanjiru Ximena Yusuf Zofia José Åsa Zoë Mohammed
Maria Wei Li Ivan Olga Fatima John Sofia Kwame Aiko Lucía Emma Noor Rafael Hye-jin Daniel Ama
Carlos Mei Ahmed Anna Juan Sara David Laura Pedro Marta Ali Nina Paul Eva Tariq Ines Jan Lena""".split()
FAMILY = """Silva Müller Nguyen Kowalski Okafor Rossi García Tanaka Haddad Novak Jensen Mensah Popescu
Fernandes Kim Larsen Moreau Singh O'Brien Horvath Ivanova Yılmaz Costa Bianchi Schmidt Dubois
Wang Li Zhang Chen Park Lee Santos Oliveira Pereira Gómez Rodríguez López Martínez Hernández
Sato Suzuki Takahashi Kumar Sharma Patel Das Ali Khan Ahmed Hussain Nowak Wiśniewski Lewandowski
Johansson Andersson Nielsen Hansen Petrov Smirnov Kovač Horvat Jovanović Papadopoulos Murphy
Kelly Walsh Smith Jones Brown Taylor Wilson Martin Bernard Thomas Robert Richard Petit Durand""".split()


def members(path):
    """(ISO3, weight) of the members the shipped charter founds: every state of the registry
    rated Free or Partly Free in FIW 2025 (territories are not), weighted by the square root
    of its 2025 population."""
    pop = {}
    with open(path + "/population_un_wpp2024.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["year"] == "2025":
                pop[r["iso3"]] = int(r["population"])
    known = set()
    with open(path + "/countries.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            # The registry: the 193 UN members, Taiwan and Kosovo.
            if r["un_member"] == "True" or r["iso3"] in ("TWN", "XKX"):
                known.add(r["iso3"])
    rated = {}
    with open(path + "/freedom_house.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["iso3"] and r["edition"] == "2025":
                rated[r["iso3"]] = r["status"]
    out = [(s, math.sqrt(pop[s])) for s, st in sorted(rated.items())
           if st in ("F", "PF") and s in pop and s in known]
    return out


def varied(name, rng):
    """The same name written otherwise: case, accents or word order."""
    k = rng.randrange(3)
    if k == 0:
        return name.upper()
    if k == 1:
        return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()
    w = name.split()
    return " ".join(reversed(w))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("truth")
    ap.add_argument("--count", type=int, default=10_000_000)
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--exact", type=float, default=0.02)
    ap.add_argument("--fuzzy", type=float, default=0.005)
    ap.add_argument("--data", default="data")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    ms = members(a.data)
    states = [m[0] for m in ms]
    cum = []
    t = 0.0
    for _, w in ms:
        t += w
        cum.append(t)
    # The people who sign again: a reservoir of earlier rows to repeat.
    reservoir = []
    # A fuzzy duplicate's ID number has a typo: never one given before, so that two of them
    # are not exact duplicates of each other.
    typos = set()
    truth = {"exact": [], "fuzzy": [], "rows": a.count}
    with open(a.out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "nationality", "birth_date", "id_number", "address", "postcode"])
        for i in range(a.count):
            line = i + 2
            roll = rng.random()
            if reservoir and roll < a.exact:
                p = reservoir[rng.randrange(len(reservoir))]
                idn = p[3].lower() if rng.random() < 0.5 else " ".join(p[3][j:j + 3] for j in range(0, len(p[3]), 3))
                row = [p[0], p[1], p[2], idn, p[4], p[5]]
                truth["exact"].append(line)
            elif reservoir and roll < a.exact + a.fuzzy:
                p = reservoir[rng.randrange(len(reservoir))]
                while True:
                    typo = p[3][:-2] + f"{rng.randrange(100):02d}"
                    if typo != p[3] and (p[1], typo) not in typos:
                        typos.add((p[1], typo))
                        break
                row = [varied(p[0], rng), p[1], p[2], typo, p[4], p[5]]
                truth["fuzzy"].append(line)
            else:
                x = rng.random() * t
                lo, hi = 0, len(cum) - 1
                while lo < hi:
                    mid = (lo + hi) // 2
                    if cum[mid] < x:
                        lo = mid + 1
                    else:
                        hi = mid
                row = [
                    f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}",
                    states[lo],
                    f"{1940 + rng.randrange(66)}-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}",
                    f"{rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}{rng.randrange(10**12):012d}",
                    f"{1 + rng.randrange(300)} {rng.choice(FAMILY)} Street",
                    f"{rng.randrange(100000):05d}",
                ]
                if len(reservoir) < 200_000:
                    reservoir.append(row)
                elif rng.random() < 0.01:
                    reservoir[rng.randrange(len(reservoir))] = row
            w.writerow(row)
    with open(a.truth, "w", encoding="utf-8") as f:
        json.dump(truth, f)


if __name__ == "__main__":
    main()
