"""A synthetic list and query stream for the screening benchmark (issue 16).

    python3 scripts/gen_screening.py LIST.jsonl QUERIES.csv [--entities 10000] [--queries 1000000] [--seed 7]

The list is FollowTheMoney JSON lines: persons (70 %), companies (25 %) and vessels (5 %),
each with a Sanction entity; persons have an alias in Cyrillic or Arabic script for a third
of them, a birth date and a nationality. Names are drawn as real name streams are: common
given names and surnames by a Zipf law (many people are called Mohammed, Maria or Wang),
with a long tail of generated surnames. The queries are customers (the same law, so they
share first names and surnames with listed people) and, for 2 %, listed names written
otherwise: another script, words in another order, a letter changed, a word dropped.
Deterministic for a seed. No real person's data: the names are combinations.
"""

import argparse
import csv
import json
import random

GIVEN = """Mohammed Ahmed Ali Omar Hassan Hussein Ibrahim Youssef Khalid Abdullah Mustafa Mahmoud
Ivan Sergei Vladimir Alexander Dmitry Andrei Alexei Nikolai Mikhail Oleg Igor Yuri Viktor Pavel
Maria Anna Elena Olga Natalia Irina Svetlana Tatiana Fatima Aisha Zainab Maryam Leila Nadia
John James Robert Michael William David Richard Joseph Thomas Charles Daniel Matthew George
Jose Juan Carlos Luis Miguel Jorge Pedro Manuel Antonio Francisco Javier Diego Rafael
Wei Li Ming Jun Hua Jian Ping Yan Lei Hong Kim Min Jae Sung Young Hyun Hiroshi Takeshi Kenji
Ahmad Reza Ali-Reza Mehdi Hamid Saeed Majid Farhad Arash Dariusz Piotr Tomasz Krzysztof Jan
Mamadou Ousmane Ibrahima Amadou Moussa Abdoulaye Seydou Kofi Kwame Chinedu Emeka Oluwaseun
Ana Sofia Isabella Camila Valentina Lucia Carmen Rosa Teresa Laura Sarah Emma Olivia Sophie""".split()

SURNAMES = """Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Kim Lee Park Choi Jung Kang Nguyen Tran
Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez
Ivanov Smirnov Kuznetsov Popov Vasiliev Petrov Sokolov Mikhailov Novikov Fedorov Morozov Volkov
Alekseev Lebedev Semenov Egorov Pavlov Kozlov Stepanov Nikolaev Orlov Andreev Makarov Nikitin
Khan Hussain Ahmed Ali Shah Rahman Hassan Mahmoud Ibrahim Abdullah Haddad Khoury Nasser Saleh
Kadri Mansour Aziz Karimi Hosseini Rezaei Mohammadi Ahmadi Moradi Jafari Tehrani Farahani
Muller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Rossi Russo Ferrari
Bianchi Romano Colombo Silva Santos Oliveira Souza Pereira Costa Rodrigues Almeida Nowak Kowalski
Wisniewski Kaminski Diallo Traore Keita Coulibaly Toure Ba Sow Okafor Mensah Boateng Osei""".split()

SYLLABLES = "ka ra to mi shi ta na ri ko lo ve mo za be du sa le ni go ha pe fu ro ga zo ch an el or ur im as".split()
ENDINGS = ["ov", "ova", "enko", "son", "ez", "i", "ian", "escu", "ski", "berg", "ani", "oglu", "uk", "in", ""]

CYR = {"a": "а", "b": "б", "v": "в", "g": "г", "d": "д", "e": "е", "z": "з", "i": "и", "y": "й",
       "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "r": "р", "s": "с", "t": "т",
       "u": "у", "f": "ф", "h": "х", "c": "ц", "j": "дж", "w": "в", "x": "кс", "q": "к"}
CYR2 = {"sh": "ш", "ch": "ч", "zh": "ж", "kh": "х", "ya": "я", "yu": "ю", "ts": "ц"}
ARA = {"a": "ا", "b": "ب", "t": "ت", "j": "ج", "h": "ه", "d": "د", "r": "ر", "z": "ز", "s": "س",
       "f": "ف", "q": "ق", "k": "ك", "l": "ل", "m": "م", "n": "ن", "w": "و", "y": "ي", "i": "ي",
       "u": "و", "o": "و", "e": "", "g": "غ", "v": "ف", "p": "ب", "c": "ك", "x": "كس"}
ARA2 = {"sh": "ش", "kh": "خ", "th": "ث", "gh": "غ", "dh": "ذ"}


def translit(word, table, pairs):
    out, i, w = [], 0, word.lower()
    while i < len(w):
        if w[i:i + 2] in pairs:
            out.append(pairs[w[i:i + 2]])
            i += 2
        else:
            out.append(table.get(w[i], w[i]))
            i += 1
    word = "".join(out)
    # Arabic writes long vowels: a word is never left a single letter.
    return word if len(word) > 1 else word + table.get("i", "")


def zipf_pick(rng, pool, s=1.1):
    # Rank r with probability ∝ 1 / r^s: a few names are very common.
    weights = zipf_pick.cache.get((len(pool), s))
    if weights is None:
        weights = [1 / (r + 1) ** s for r in range(len(pool))]
        zipf_pick.cache[(len(pool), s)] = weights
    return rng.choices(pool, weights=weights)[0]


zipf_pick.cache = {}


def surname(rng):
    # A quarter from the common surnames, the rest from the long tail real populations have.
    if rng.random() < 0.25:
        return zipf_pick(rng, SURNAMES, 0.9)
    word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))) + rng.choice(ENDINGS)
    return word.capitalize()


def person_name(rng):
    words = [zipf_pick(rng, GIVEN, 0.8)]
    if rng.random() < 0.3:
        words.append(zipf_pick(rng, GIVEN, 0.8))
    words.append(surname(rng))
    return " ".join(words)


COMPANY_WORDS = """Trading Energy Oil Gas Shipping Maritime Logistics Holding Group Investment Capital
Industrial Systems Technologies Metals Mining Construction Defense Aviation Import Export General
Global International United National Eastern Northern Golden Star Silver Ocean Delta Alpha""".split()
FORMS = ["LLC", "Ltd", "JSC", "PJSC", "GmbH", "SA", "FZE", "Co", "Limited", "OOO", ""]
VESSEL_WORDS = """Star Sea Ocean Wave Pearl Eagle Falcon Queen King Princess Spirit Glory Fortune
Hope Victory Pioneer Horizon Voyager Arrow Aurora Neptune Atlas Orion Phoenix""".split()


def company_name(rng):
    own = surname(rng) if rng.random() < 0.7 else rng.choice(COMPANY_WORDS)
    words = [own] + rng.sample(COMPANY_WORDS, rng.randint(1, 2))
    form = rng.choice(FORMS)
    return " ".join(words + ([form] if form else []))


def vessel_name(rng):
    words = rng.sample(VESSEL_WORDS, rng.randint(1, 2))
    if rng.random() < 0.4:
        words.append(str(rng.randint(1, 30)))
    return " ".join(words)


def birth(rng):
    y = rng.randint(1940, 2000)
    r = rng.random()
    if r < 0.2:
        return str(y)
    if r < 0.3:
        return f"{y}-{rng.randint(1, 12):02d}"
    return f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


COUNTRIES = "ru ir sy kp by ve cn mm ae tr lb iq af ng ml sd ly cu ni zw".split()


def imo(six):
    """An IMO ship number: six digits and their check digit."""
    digits = [int(d) for d in f"{six:06d}"]
    check = sum(d * w for d, w in zip(digits, range(7, 1, -1))) % 10
    return f"IMO{six:06d}{check}"


def vary(rng, name, schema):
    """A listed name written otherwise."""
    words = name.split()
    r = rng.random()
    if r < 0.25 and schema == "Person":
        return " ".join(translit(w, CYR, CYR2) for w in words)
    if r < 0.4 and schema == "Person":
        return " ".join(translit(w, ARA, ARA2) for w in words)
    if r < 0.6 and len(words) > 1:
        return " ".join(words[-1:] + words[:-1])
    if r < 0.8:
        i = rng.randrange(len(words))
        w = words[i]
        if len(w) > 3:
            j = rng.randrange(1, len(w))
            w = w[:j] + rng.choice("aeiouy") + w[j + 1:]
        words[i] = w
        return " ".join(words)
    if len(words) > 2:
        del words[rng.randrange(len(words))]
    return " ".join(words).upper()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("list")
    ap.add_argument("queries")
    ap.add_argument("--entities", type=int, default=10000)
    ap.add_argument("--queries-count", "--queries-n", dest="n", type=int, default=1000000)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    listed = []
    with open(a.list, "w", encoding="utf-8") as f:
        for i in range(a.entities):
            r = rng.random()
            schema = "Person" if r < 0.7 else "Company" if r < 0.95 else "Vessel"
            eid = f"bench-{i}"
            props = {}
            if schema == "Person":
                name = person_name(rng)
                props["name"] = [name]
                if rng.random() < 0.33:
                    table, pairs = (CYR, CYR2) if rng.random() < 0.5 else (ARA, ARA2)
                    props["alias"] = [" ".join(translit(w, table, pairs) for w in name.split())]
                props["birthDate"] = [birth(rng)]
                props["nationality"] = [rng.choice(COUNTRIES)]
            elif schema == "Company":
                name = company_name(rng)
                props["name"] = [name]
                props["jurisdiction"] = [rng.choice(COUNTRIES)]
            else:
                name = vessel_name(rng)
                props["name"] = [name]
                props["imoNumber"] = [imo(900000 + i)]
                props["flag"] = [rng.choice(COUNTRIES)]
            listed.append((name, schema, props.get("birthDate", [None])[0],
                           (props.get("nationality") or props.get("jurisdiction") or props.get("flag"))[0]))
            f.write(json.dumps({"id": eid, "schema": schema, "properties": props}, ensure_ascii=False) + "\n")
            f.write(json.dumps({"id": f"{eid}-sanction", "schema": "Sanction",
                                "properties": {"entity": [eid], "program": ["BENCH"],
                                               "authority": ["Synthetic"]}}) + "\n")
    with open(a.queries, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "birth_date", "country", "schema"])
        for i in range(a.n):
            if rng.random() < 0.02:
                name, schema, born, country = rng.choice(listed)
                w.writerow([f"q{i}", vary(rng, name, schema), born or "", country, schema])
            else:
                r = rng.random()
                if r < 0.85:
                    w.writerow([f"q{i}", person_name(rng), birth(rng) if rng.random() < 0.7 else "",
                                rng.choice(COUNTRIES) if rng.random() < 0.5 else "", "Person"])
                else:
                    w.writerow([f"q{i}", company_name(rng), "", "", "Company"])


if __name__ == "__main__":
    main()
