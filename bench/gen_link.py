#!/usr/bin/env python3
"""Writes a synthetic registry and licensing list for the linkage benchmark.

usage: gen_link.py EMPLOYERS LICENCES OUT_DIR [SEED]
Writes OUT_DIR/employers.csv (npp,name,nib,npwp,region_code) and
OUT_DIR/licences.csv (nib,name,legal_form,region_code,kbli,employees,avg_wage,
licensed_on): employers spread over the 35 regencies of Central Java with
names drawn from words of Pekalongan business names (so common words repeat
as they do in a real registry), a quarter of them with a NIB; half of the
licences are registered employers (a fifth of those by NIB, the rest by a
name written another way: legal form moved, case, a typo, two words
swapped, words run together), half are new businesses.
"""
import random
import sys

n_emp, n_lic, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
R = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 7)
REG = ["33.%02d" % i for i in range(1, 30)] + ["33.%02d" % i for i in range(71, 77)]
SECTOR = ["Batik", "Batik Tulis", "Tekstil", "Konveksi", "Garmen", "Mebel", "Perikanan",
          "Bangunan", "Teknik", "Motor", "Elektronik", "Kopi", "Roti", "Catering",
          "Percetakan", "Farma", "Kayu", "Plastik", "Logistik", "Transport", "Kontraktor",
          "Grosir", "Sembako", "Bordir", "Tenun", "Kerajinan", "Agro", "Bengkel", "Apotek",
          "Klinik"]
WORD = ["Jaya", "Abadi", "Makmur", "Sejahtera", "Sentosa", "Mandiri", "Berkah", "Barokah",
        "Sumber", "Rejeki", "Maju", "Mulia", "Karya", "Putra", "Putri", "Indah", "Cahaya",
        "Mitra", "Utama", "Bersama", "Sinar", "Nusantara", "Persada", "Gemilang", "Cemerlang",
        "Lestari", "Agung", "Baru", "Harapan", "Anugerah", "Amanah", "Hidayah", "Prima",
        "Perkasa", "Sakti", "Santoso", "Rahayu", "Wijaya", "Kencana", "Mekar", "Lancar",
        "Setia", "Bintang", "Samudra", "Pelangi", "Permata", "Mustika", "Arta", "Tunggal",
        "Sehati", "Sukses", "Family", "Citra", "Griya", "Duta", "Surya", "Mulya", "Sari",
        "Rizki", "Fajar"]
PLACE = ["Kauman", "Pesindon", "Buaran", "Wiradesa", "Kajen", "Comal", "Bojong", "Tirto",
         "Kedungwuni", "Warungasem", "Petarukan", "Ulujami", "Bandar", "Limpung", "Subah",
         "Tulis", "Gringsing", "Randudongkal", "Moga", "Belik", "Taman", "Sragi", "Siwalan",
         "Karanganyar", "Doro", "Talun", "Paninggaran", "Kandangserang", "Lebakbarang",
         "Petungkriyono", "Karangdadap", "Wonopringgo", "Bligo", "Sapuran", "Medono",
         "Kergon", "Podosugih", "Pringrejo", "Krapyak", "Degayu", "Panjang", "Poncol"]
PERSON = ["Slamet", "Siti", "Budi", "Dewi", "Agus", "Sri", "Ahmad", "Nur", "Eko", "Rina",
          "Joko", "Wahyu", "Hadi", "Yuni", "Karim", "Ridwan", "Fauzi", "Aminah", "Bambang",
          "Suharto", "Rahmat", "Hasan", "Yusuf", "Ismail", "Sutrisno", "Wibowo", "Haryanto",
          "Sulastri", "Kartini", "Mulyadi", "Supriyadi", "Riyanto", "Darmawan", "Nugroho",
          "Hartono", "Kusuma", "Maryam", "Zainal", "Syamsul", "Munawar", "Khoirul",
          "Nurhayati", "Fatimah", "Mahmud", "Basuki", "Purwanto", "Suryani", "Wartini"]
FORMS = ["PT", "CV", "CV", "UD", "UD", "PT", "Koperasi", ""]


def name():
    """A name as registries hold them: a trade and a word or two, often the
    owner's or the village's name too, so that few names repeat in a regency."""
    k = R.random()
    if k < 0.6:
        w = [R.choice(SECTOR)] + R.sample(WORD, R.choice([1, 2, 2]))
    elif k < 0.85:
        w = R.sample(WORD, R.choice([2, 3]))
    else:
        w = [R.choice(SECTOR), R.choice(PERSON), R.choice(PERSON)]
    if R.random() < 0.7:
        w.append(R.choice(PERSON) if R.random() < 0.5 else R.choice(PLACE))
    return " ".join(w)


def variant(form, base):
    w = base.split()
    op = R.randrange(5)
    if op == 1:
        k = R.randrange(len(w))
        if len(w[k]) >= 5:
            i = R.randrange(1, len(w[k]) - 1)
            w[k] = w[k][:i] + w[k][i + 1:]
    elif op == 2 and len(w) >= 3:
        w[1], w[2] = w[2], w[1]
    elif op == 3 and len(w) >= 2:
        w[0:2] = [w[0] + w[1]]
    body = " ".join(w)
    s = R.randrange(3)
    if not form:
        return body
    return form + ". " + body if s == 0 else body.upper() + ", " + form if s == 1 else form + " " + body


def digits(n):
    return str(R.randrange(1, 10)) + "".join(R.choice("0123456789") for _ in range(n - 1))


emps = []
with open(out + "/employers.csv", "w") as f:
    f.write("npp,name,nib,npwp,region_code\n")
    for i in range(n_emp):
        form, base, reg = R.choice(FORMS), name(), R.choice(REG)
        nib = digits(13) if R.random() < 0.25 else ""
        npp = "%08d" % (10000000 + i)
        f.write("%s,%s,%s,,%s.01\n" % (npp, (form + " " + base).strip(), nib, reg))
        emps.append((form, base, reg, nib))

kblis = ["13134", "14111", "47111", "10710", "31001", "03111", "41011", "56101"]
with open(out + "/licences.csv", "w") as f:
    f.write("nib,name,legal_form,region_code,kbli,employees,avg_wage,licensed_on\n")
    seen = set()
    for i in range(n_lic):
        if R.random() < 0.5:
            form, base, reg, nib = R.choice(emps)
            if not nib or R.random() < 0.8:
                nib = digits(13)
            nm = variant(form, base)
        else:
            reg, nib, nm = R.choice(REG), digits(13), (R.choice(FORMS) + " " + name()).strip()
        while nib in seen:
            nib = digits(13)
        seen.add(nib)
        f.write("%s,\"%s\",,%s.01,%s,%d,%d,2026-%02d-%02d\n" % (
            nib, nm, reg, R.choice(kblis), R.randrange(1, 60), R.randrange(20, 50) * 100000,
            R.randrange(1, 11), R.randrange(1, 29)))
