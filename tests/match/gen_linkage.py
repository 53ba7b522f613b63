#!/usr/bin/env python3
"""Writes tests/match/linkage.csv: a labelled set for record linkage.

Each row is a pair (licence, registered employer) with a truth label: 1 the
licence is that employer's, 0 it is not.  A licence with no label-1 row
belongs to no registered employer (a lead).  The registry the linker is
tested against is every employer named in the file.

The variants are the ones seen on licensing office lists: the legal form
before, after or inside the name and spelled P.T. / PT. / Perseroan
Terbatas, Tbk added, letter case, pre-1972 spelling (Djaja), common
abbreviations, a typo (a letter changed, dropped, doubled or two swapped),
two words swapped, no NIB in the registry, the same name registered in two
regencies, and firms whose names share most words with a registered one but
are other firms.  Deterministic: the same file on every run.
"""
import csv
import random
import sys

R = random.Random(20261122)

REGENCIES = ["33.75", "33.26", "33.25", "33.27"]  # Kota/Kab. Pekalongan, Batang, Pemalang
DISTRICT = {"33.75": ["33.75.01", "33.75.02", "33.75.03", "33.75.04"],
            "33.26": ["33.26.01", "33.26.05", "33.26.10", "33.26.14"],
            "33.25": ["33.25.01", "33.25.04", "33.25.09", "33.25.12"],
            "33.27": ["33.27.01", "33.27.03", "33.27.08", "33.27.11"]}

SECTOR = ["Batik", "Batik Tulis", "Batik Cap", "Tekstil", "Konveksi", "Garmen", "Mebel",
          "Perikanan", "Bangunan", "Teknik", "Motor", "Elektronik", "Kopi", "Roti",
          "Catering", "Percetakan", "Farma", "Kayu", "Plastik", "Logistik", "Transport",
          "Kontraktor", "Grosir", "Sembako", "Bordir", "Tenun", "Kerajinan", "Agro"]
WORD = ["Jaya", "Abadi", "Makmur", "Sejahtera", "Sentosa", "Mandiri", "Berkah", "Barokah",
        "Sumber", "Rejeki", "Maju", "Mulia", "Karya", "Putra", "Putri", "Indah", "Cahaya",
        "Mitra", "Utama", "Bersama", "Sinar", "Nusantara", "Persada", "Gemilang",
        "Cemerlang", "Lestari", "Agung", "Baru", "Harapan", "Anugerah", "Amanah", "Hidayah",
        "Prima", "Perkasa", "Sakti", "Santoso", "Rahayu", "Wijaya", "Kencana", "Mekar",
        "Lancar", "Setia", "Bintang", "Samudra", "Pelangi", "Permata", "Mustika", "Arta",
        "Tunggal", "Sehati", "Sukses", "Family", "Citra", "Griya", "Duta", "Surya"]
PERSON = ["Haji Slamet", "Hj. Siti Aminah", "Budi Santoso", "Ahmad Fauzi", "Rahmat",
          "Sri Rejeki", "Muh. Ridwan", "Abdul Karim", "Suharto", "Wahyudi", "Nur Hidayah",
          "Agus Salim", "Bambang", "Tri Utomo", "Eko Prasetyo", "Dewi Lestari"]
PLACE = ["Pekalongan", "Batang", "Pemalang", "Kajen", "Wiradesa", "Comal", "Bojong",
         "Kedungwuni", "Buaran", "Warungasem", "Petarukan", "Tirto", "Pesindon", "Kauman"]
FORMS = [("PT", 30), ("CV", 35), ("UD", 18), ("Koperasi", 5), ("Yayasan", 4), ("", 8)]

ABBREV = {"Sejahtera": ["Sej.", "Sejahtra"], "Mandiri": ["Mdr"], "Industri": ["Ind."],
          "Santoso": ["Santosa"], "Nusantara": ["Nus."], "Sentosa": ["Sentausa"],
          "Mulia": ["Moelia", "Mulya"], "Brothers": ["Bros"], "Tekstil": ["Textile"]}
OLD = {"Jaya": "Djaja", "Cahaya": "Tjahaja", "Mulia": "Moelia", "Wijaya": "Widjaja",
       "Surya": "Soerja", "Santoso": "Santoso", "Putra": "Poetra", "Rejeki": "Redjeki",
       "Sinar": "Sinar", "Utama": "Oetama", "Kencana": "Kentjana"}


def pick_form():
    t = sum(w for _, w in FORMS)
    x = R.randrange(t)
    for f, w in FORMS:
        if x < w:
            return f
        x -= w
    return ""


def base_name():
    kind = R.random()
    if kind < 0.55:
        words = [R.choice(SECTOR)] + R.sample(WORD, R.choice([1, 2, 2]))
    elif kind < 0.75:
        words = R.sample(WORD, R.choice([2, 3]))
    elif kind < 0.88:
        words = [R.choice(SECTOR), R.choice(PERSON)]
    else:
        words = [R.choice(PLACE), R.choice(SECTOR), R.choice(WORD)]
    return " ".join(words)


def registry_style(form, name):
    """How the registry writes it."""
    s = R.random()
    full = (form + " " + name) if form else name
    if s < 0.5:
        return full.upper()
    if s < 0.8:
        return (form + ". " + name) if form in ("PT", "CV", "UD") else full
    return full


def typo(word):
    if len(word) < 5:
        return word
    i = R.randrange(1, len(word) - 1)
    op = R.randrange(4)
    letters = "aiueonrstkml"
    if op == 0:
        return word[:i] + R.choice(letters) + word[i + 1:]
    if op == 1:
        return word[:i] + word[i + 1:]
    if op == 2:
        return word[:i] + word[i] + word[i:]
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def variant(form, name, ops):
    words = name.split()
    lf_col = ""
    for op in ops:
        if op == "typo":
            cand = [k for k, w in enumerate(words) if len(w) >= 5]
            if cand:
                k = R.choice(cand)
                words[k] = typo(words[k])
        elif op == "swap" and len(words) >= 3:
            k = R.randrange(1, len(words) - 1)
            words[k], words[k + 1] = words[k + 1], words[k]
        elif op == "swap" and len(words) == 2:
            words.reverse()
        elif op == "abbrev":
            for k, w in enumerate(words):
                if w in ABBREV:
                    words[k] = R.choice(ABBREV[w])
                    break
        elif op == "old":
            for k, w in enumerate(words):
                if w in OLD:
                    words[k] = OLD[w]
                    break
        elif op == "spacing" and len(words) >= 2:
            k = R.randrange(len(words) - 1)
            words[k:k + 2] = [words[k] + words[k + 1]]
    body = " ".join(words)
    style = R.choice(["front", "dotted", "back", "pt_tbk", "column", "long", "upper", "lower"])
    if not form:
        style = R.choice(["upper", "lower", "plain"])
    if style == "front":
        out = form + " " + body
    elif style == "dotted":
        out = ".".join(form) + ". " + body if len(form) == 2 else form + ". " + body
    elif style == "back":
        out = body.upper() + ", " + form
    elif style == "pt_tbk":
        out = (form + " " + body + (" Tbk" if form == "PT" else ""))
    elif style == "column":
        out, lf_col = body, form
    elif style == "long":
        longf = {"PT": "Perseroan Terbatas", "CV": "Commanditaire Vennootschap",
                 "UD": "Usaha Dagang"}.get(form, form)
        out = longf + " " + body
    elif style == "upper":
        out = ((form + " ") if form else "") + body.upper()
    elif style == "lower":
        out = ((form + " ") if form else "") + body.lower()
    else:
        out = body
    return out, lf_col


def digits(n):
    return str(R.randrange(1, 9)) + "".join(str(R.randrange(10)) for _ in range(n - 1))


def main(path):
    employers = []   # dicts
    seen = set()

    def norm_key(reg, name):
        return (reg, name.lower())

    def add_employer(name, form, reg, with_nib):
        npp = "%08d" % (10000000 + len(employers) * 37 + R.randrange(30))
        e = {"npp": npp, "name": registry_style(form, name), "form": form, "base": name,
             "region": R.choice(DISTRICT[reg]), "reg": reg,
             "nib": digits(13) if with_nib else "", "npwp": ""}
        employers.append(e)
        seen.add(norm_key(reg, name))
        return e

    for _ in range(300):
        for _try in range(50):
            name, reg = base_name(), R.choice(REGENCIES)
            if norm_key(reg, name) not in seen:
                break
        add_employer(name, pick_form(), reg, R.random() < 0.25)
    # the same name registered in two regencies (two firms)
    twins = []
    for _ in range(25):
        for _try in range(50):
            name = base_name()
            r1, r2 = R.sample(REGENCIES, 2)
            if norm_key(r1, name) not in seen and norm_key(r2, name) not in seen:
                break
        f = pick_form()
        twins.append((add_employer(name, f, r1, False), add_employer(name, f, r2, False)))

    rows = []
    lic_no = [0]

    def licence(name, lf, region, nib):
        lic_no[0] += 1
        return {"licence": "L%04d" % lic_no[0], "name": name, "legal_form": lf,
                "region": region, "nib": nib}

    def pair(lic, emp, label):
        rows.append([lic["licence"], lic["nib"], lic["name"], lic["legal_form"], lic["region"],
                     emp["npp"], emp["name"], emp["region"], emp["nib"], label])

    def decoy(lic, emp):
        """A label-0 pair with the most word-sharing other employer of the regency."""
        words = set(emp["base"].lower().split())
        best, bn = None, 0
        for o in employers:
            if o is emp or o["reg"] != emp["reg"]:
                continue
            n = len(words & set(o["base"].lower().split()))
            if n > bn:
                best, bn = o, n
        if best is not None:
            pair(lic, best, 0)

    ops_menu = [[], ["typo"], ["swap"], ["abbrev"], ["old"], ["spacing"], ["typo", "swap"],
                ["old", "typo"], ["abbrev", "swap"], []]
    # licences of registered employers, linked by name (no NIB in the registry)
    plain = [e for e in employers if not e["nib"]]
    for e in R.sample(plain, 200):
        name, lf = variant(e["form"], e["base"], R.choice(ops_menu))
        lic = licence(name, lf, R.choice(DISTRICT[e["reg"]]), digits(13))
        pair(lic, e, 1)
        decoy(lic, e)
    # linked by NIB (the registry knows it), the name written any way
    for e in [e for e in employers if e["nib"]][:30]:
        name, lf = variant(e["form"], e["base"], R.choice(ops_menu))
        lic = licence(name, lf, R.choice(DISTRICT[e["reg"]]), e["nib"])
        pair(lic, e, 1)
    # the same name in two regencies: the licence's regency decides
    for a, b in twins:
        name, lf = variant(a["form"], a["base"], R.choice([[], ["typo"], ["swap"]]))
        lic = licence(name, lf, R.choice(DISTRICT[a["reg"]]), digits(13))
        pair(lic, a, 1)
        pair(lic, b, 0)
    # other firms: most words shared with a registered one, one word different
    for e in R.sample(employers, 90):
        words = e["base"].split()
        for _try in range(50):
            k = R.randrange(len(words))
            pool = WORD if words[k] in WORD else SECTOR if words[k] in SECTOR else WORD
            new = words[:k] + [R.choice(pool)] + words[k + 1:]
            nb = " ".join(new)
            if nb != e["base"] and norm_key(e["reg"], nb) not in seen:
                break
        name, lf = variant(pick_form() or e["form"], nb, [])
        lic = licence(name, lf, R.choice(DISTRICT[e["reg"]]), digits(13))
        pair(lic, e, 0)
    # a registered name, but the licence is in a regency where no firm has it
    for e in R.sample(employers, 30):
        others = [r for r in REGENCIES if norm_key(r, e["base"]) not in seen]
        if not others:
            continue
        reg = R.choice(others)
        name, lf = variant(e["form"], e["base"], [])
        lic = licence(name, lf, R.choice(DISTRICT[reg]), digits(13))
        pair(lic, e, 0)
    # new firms with new names
    for _ in range(40):
        for _try in range(50):
            name, reg = base_name(), R.choice(REGENCIES)
            if norm_key(reg, name) not in seen:
                break
        e = {"npp": "", "name": "", "region": "", "nib": "", "base": name, "reg": reg}
        n2, lf = variant(pick_form(), name, [])
        lic = licence(n2, lf, R.choice(DISTRICT[reg]), digits(13))
        rows.append([lic["licence"], lic["nib"], lic["name"], lic["legal_form"],
                     lic["region"], "", "", "", "", 0])

    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["licence", "licence_nib", "licence_name", "licence_legal_form",
                    "licence_region", "employer_npp", "employer_name", "employer_region",
                    "employer_nib", "label"])
        w.writerows(rows)
        # every registered employer, so that the registry is whole
        for e in employers:
            w.writerow(["", "", "", "", "", e["npp"], e["name"], e["region"], e["nib"], ""])


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tests/match/linkage.csv")
