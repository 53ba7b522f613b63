#!/usr/bin/env python3
"""Writes a synthetic workers file (and its employers) for the import benchmark.

usage: gen_workers.py N OUT_DIR [SEED]
Writes OUT_DIR/employers.csv (N/250 employers) and OUT_DIR/workers.csv (N rows,
the columns of docs/formats.md).  Every row is valid: unique NIKs of real
Kota Pekalongan / Kab. Pekalongan districts, PU with an employer or BPU without.
"""
import random
import sys

n = int(sys.argv[1])
out = sys.argv[2]
rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
districts = ["337501", "337502", "337503", "337504", "332601", "332602", "332603", "332604"]
first = ["Slamet", "Siti", "Budi", "Dewi", "Agus", "Sri", "Muhammad", "Nur", "Eko", "Rina",
         "Joko", "Wahyu", "Tri", "Dwi", "Ahmad", "Fitri", "Bambang", "Lestari", "Hadi", "Yuni"]
last = ["Riyadi", "Aminah", "Santoso", "Lestari", "Prasetyo", "Wahyuni", "Hidayat", "Rahayu",
        "Saputra", "Kurniawan", "Setiawan", "Handayani", "Susanto", "Purnomo", "Utami"]
jobs = ["Pembatik", "Pedagang", "Nelayan", "Guru", "Staf administrasi", "Penjahit", "Buruh"]
n_emp = max(1, n // 250)
npps = ["%08d" % (10000000 + i * 7) for i in range(n_emp)]
with open(out + "/employers.csv", "w") as f:
    f.write("npp,name,nib,npwp,kbli,region_code,address,scale,risk_group,kind\n")
    for i, npp in enumerate(npps):
        d = districts[i % len(districts)]
        f.write("%s,Usaha Batik %d,,,13134,%s.%s.%s,,small,2,company\n" % (npp, i, d[:2], d[2:4], d[4:]))

# Unique NIKs: walk (district, date, serial) without repeats.
seen = set()
with open(out + "/workers.csv", "w") as f:
    f.write("nik,name,birth_date,sex,kpj,employer_npp,segment,wage,programs,start_date,"
            "end_date,occupation,region_code,phone\n")
    for i in range(n):
        while True:
            d = rnd.choice(districts)
            y = rnd.randint(1960, 2004)
            m = rnd.randint(1, 12)
            day = rnd.randint(1, 28)
            female = rnd.random() < 0.5
            serial = rnd.randint(1, 9999)
            nik = "%s%02d%02d%02d%04d" % (d, day + (40 if female else 0), m, y % 100, serial)
            if nik not in seen:
                seen.add(nik)
                break
        pu = rnd.random() < 0.7
        wage = rnd.randint(2000000, 6000000) if pu else rnd.randint(10, 30) * 100000
        f.write("%s,%s %s,%04d-%02d-%02d,%s,%011d,%s,%s,%d,%s,%04d-%02d-01,,%s,%s.%s.%s,08%010d\n" % (
            nik, rnd.choice(first), rnd.choice(last), y, m, day, "F" if female else "M",
            20000000000 + i, rnd.choice(npps) if pu else "", "PU" if pu else "BPU", wage,
            "JKK JKM JHT JP" if pu else "JKK JKM", rnd.randint(2015, 2025), rnd.randint(1, 12),
            rnd.choice(jobs), d[:2], d[2:4], d[4:], i))
