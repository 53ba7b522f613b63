/*
 * vocab.c - the vocabulary of the demonstration registry (see vocab.h):
 * regencies and district weights, occupations, employer sectors and their
 * name patterns, government offices, markets, religious units, and the words
 * names and addresses are made of.  Tables only; the order of entries is
 * part of the demo's output for a seed.
 */
#include "compat.h"

#include "demo/vocab.h"

/* ---- geography: the four regencies of the Pekalongan branch ---- */

const struct vocab_regency vocab_regencies[VOCAB_REG_COUNT] = {
	[VOCAB_REG_KOTA] = {"33.75", "33.75.01"},
	[VOCAB_REG_KAB] = {"33.26", "33.26.08"},
	[VOCAB_REG_BATANG] = {"33.25", "33.25.11"},
	[VOCAB_REG_PEMALANG] = {"33.27", "33.27.08"},
};

const int vocab_profile_weights[VOCAB_PROF_COUNT][VOCAB_REG_COUNT] = {
	{600, 200, 100, 100},
	{650, 175, 85, 90},
	{1000, 0, 0, 0},
};

const char *const vocab_hot_sets[VOCAB_HOT_COUNT][VOCAB_HOT_MAX] = {
	[VOCAB_HOT_NONE] = {NULL},
	/* Batik kampungs of the city; Pekajangan (Kedungwuni), Buaran, Wiradesa, Tirto. */
	[VOCAB_HOT_BATIK] = {"33.75.01", "33.75.02", "33.75.04", "33.26.12", "33.26.13", "33.26.14",
			     "33.26.15", "33.26.16", NULL},
	/* The north coast: the city's fishing port, Wonokerto, Siwalan, Batang, Pemalang. */
	[VOCAB_HOT_COAST] = {"33.75.03", "33.26.15", "33.26.17", "33.26.19", "33.25.09", "33.25.11",
			     "33.25.13", "33.25.15", "33.27.08", "33.27.09", "33.27.10", "33.27.13",
			     NULL},
	/* Towns: the city, the regency capitals and the market towns. */
	[VOCAB_HOT_URBAN] = {"33.75.01", "33.75.02", "33.75.03", "33.75.04", "33.26.08", "33.26.13",
			     "33.26.16", "33.25.11", "33.27.08", "33.27.12", NULL},
};

const struct vocab_urban vocab_urban_weights[] = {
	{"33.75.01", 10}, {"33.75.02", 10}, {"33.75.03", 9}, {"33.75.04", 8},
	{"33.26.08", 8},  {"33.26.16", 9},  {"33.26.13", 9}, {"33.26.14", 7},
	{"33.26.15", 8},  {"33.26.12", 5},  {"33.26.11", 5}, {"33.26.10", 5},
	{"33.26.17", 4},  {"33.26.19", 4},  {"33.26.18", 4}, {"33.26.09", 4},
	{"33.26.06", 2},  {"33.26.05", 2},  {"33.26.01", 1}, {"33.26.02", 1},
	{"33.26.03", 1},  {"33.26.04", 1},  {"33.25.11", 10}, {"33.25.13", 4},
	{"33.25.12", 4},  {"33.25.08", 4},  {"33.25.07", 4}, {"33.25.09", 3},
	{"33.25.10", 3},  {"33.25.02", 3},  {"33.27.08", 10}, {"33.27.09", 7},
	{"33.27.10", 6},  {"33.27.12", 6},  {"33.27.13", 4}, {"33.27.07", 4},
};

const size_t vocab_nurban_weights = ARRAY_SIZE(vocab_urban_weights);

/* ---- occupations ---- */

/* A set private to this file, and one vocab.h declares. */
#define OCCSET(id, ...)                                         \
	static const struct vocab_occ id##_v[] = {__VA_ARGS__}; \
	static const struct vocab_occset id = {id##_v, ARRAY_SIZE(id##_v)}
#define OCCSET_PUBLIC(id, ...)                                  \
	static const struct vocab_occ id##_v[] = {__VA_ARGS__}; \
	const struct vocab_occset id = {id##_v, ARRAY_SIZE(id##_v)}

OCCSET(occ_batik, {"Pembatik", 40, 750, 18, 60}, {"Tukang cap batik", 15, 150, 0, 0},
       {"Pewarna kain", 10, 100, 0, 0}, {"Penjahit", 10, 800, 0, 0},
       {"Staf administrasi", 8, 600, 20, 50}, {"Pengemas", 7, 700, 0, 0},
       {"Tenaga pemasaran", 5, 500, 20, 45}, {"Pengemudi", 5, 0, 22, 55});
OCCSET(occ_garment, {"Penjahit", 45, 800, 0, 0}, {"Operator mesin jahit", 15, 750, 18, 45},
       {"Pemotong kain", 10, 300, 0, 0}, {"Quality control", 5, 600, 20, 45},
       {"Staf administrasi", 8, 600, 20, 50}, {"Pengemas", 10, 700, 0, 0},
       {"Satpam", 4, 0, 22, 55}, {"Mandor produksi", 3, 400, 28, 55});
OCCSET(occ_shop, {"Pramuniaga", 40, 650, 18, 40}, {"Kasir", 18, 800, 18, 40},
       {"Staf gudang", 14, 100, 0, 0}, {"Staf administrasi", 10, 600, 20, 50},
       {"Pengemudi", 8, 0, 22, 55}, {"Tenaga pemasaran", 6, 500, 20, 45},
       {"Satpam", 4, 0, 22, 55});
OCCSET(occ_fishproc, {"Buruh pengolahan ikan", 50, 600, 0, 0}, {"Pengasap ikan", 10, 300, 0, 0},
       {"Penyortir ikan", 12, 700, 0, 0}, {"Staf gudang", 8, 100, 0, 0},
       {"Pengemudi", 8, 0, 22, 55}, {"Staf administrasi", 5, 600, 20, 50},
       {"Buruh angkut", 7, 0, 18, 50});
OCCSET(occ_fishing, {"Anak buah kapal", 60, 0, 18, 55}, {"Nakhoda", 8, 0, 30, 58},
       {"Juru mesin kapal", 10, 0, 22, 58}, {"Buruh bongkar muat ikan", 15, 50, 18, 55},
       {"Staf administrasi", 4, 500, 20, 50}, {"Juru masak kapal", 3, 0, 20, 55});
OCCSET(occ_food, {"Juru masak", 28, 600, 0, 0}, {"Pelayan", 28, 600, 18, 40},
       {"Kasir", 12, 800, 18, 40}, {"Pencuci piring", 10, 500, 0, 0},
       {"Buruh produksi makanan", 17, 650, 0, 0}, {"Kurir", 5, 50, 18, 40});
OCCSET(occ_hotel, {"Resepsionis", 15, 600, 20, 40}, {"Petugas kebersihan kamar", 25, 550, 0, 0},
       {"Juru masak", 12, 400, 0, 0}, {"Pelayan restoran", 15, 550, 18, 40},
       {"Satpam", 8, 0, 22, 55}, {"Teknisi", 6, 0, 22, 55},
       {"Staf administrasi", 8, 600, 20, 50}, {"Manajer", 2, 400, 30, 58});
OCCSET(occ_construction_staff, {"Staf administrasi", 20, 600, 20, 50},
       {"Pelaksana lapangan", 25, 50, 22, 55}, {"Drafter", 10, 300, 20, 45},
       {"Estimator", 8, 300, 22, 55}, {"Pengemudi", 12, 0, 22, 55},
       {"Mandor", 15, 0, 28, 58}, {"Operator alat berat", 10, 0, 22, 55});
OCCSET(occ_transport, {"Pengemudi", 40, 0, 22, 58}, {"Kernet", 15, 0, 18, 45},
       {"Kurir", 20, 100, 18, 40}, {"Staf gudang", 10, 100, 0, 0},
       {"Staf administrasi", 10, 600, 20, 50}, {"Mekanik", 5, 0, 20, 55});
OCCSET(occ_finance, {"Teller", 25, 700, 20, 40}, {"Staf pembiayaan", 25, 400, 22, 50},
       {"Penagih", 18, 200, 22, 50}, {"Staf administrasi", 22, 600, 20, 50},
       {"Satpam", 6, 0, 22, 55}, {"Manajer", 4, 400, 30, 58});
OCCSET(occ_workshop, {"Mekanik", 50, 0, 18, 55}, {"Tukang las", 15, 0, 18, 55},
       {"Kasir", 10, 800, 18, 40}, {"Staf administrasi", 10, 600, 20, 50},
       {"Pencuci kendaraan", 15, 50, 18, 35});
OCCSET(occ_clinic, {"Perawat", 35, 750, 22, 50}, {"Bidan", 12, 1000, 22, 50},
       {"Dokter", 8, 500, 26, 58}, {"Tenaga farmasi", 8, 750, 22, 50},
       {"Analis laboratorium", 6, 700, 22, 50}, {"Staf administrasi", 15, 600, 20, 50},
       {"Petugas kebersihan", 8, 400, 0, 0}, {"Satpam", 5, 0, 22, 55},
       {"Tenaga kesehatan", 10, 700, 22, 50});
OCCSET(occ_personal, {"Penata rambut", 30, 700, 18, 45}, {"Tukang cukur", 15, 0, 18, 50},
       {"Petugas laundry", 35, 700, 0, 0}, {"Kasir", 10, 800, 18, 40},
       {"Kurir", 10, 50, 18, 40});
OCCSET(occ_tutor, {"Pengajar", 55, 600, 20, 50}, {"Instruktur", 20, 400, 22, 50},
       {"Staf administrasi", 20, 600, 20, 50}, {"Petugas kebersihan", 5, 400, 0, 0});
OCCSET_PUBLIC(vocab_occ_gov_office,
	      {"Staf administrasi", 40, 550, 20, 55}, {"Tenaga honorer", 15, 500, 20, 50},
	      {"Pengemudi", 10, 0, 25, 56}, {"Petugas kebersihan", 12, 400, 0, 0},
	      {"Satpam", 8, 0, 22, 55}, {"Pramu kantor", 10, 400, 0, 0},
	      {"Operator komputer", 5, 600, 20, 45});
OCCSET(occ_gov_edu, {"Guru honorer", 55, 650, 22, 50}, {"Tenaga kependidikan", 15, 550, 22, 55},
       {"Penjaga sekolah", 10, 0, 25, 58}, {"Staf administrasi", 15, 600, 20, 55},
       {"Pustakawan honorer", 5, 700, 22, 50});
OCCSET_PUBLIC(vocab_occ_gov_health,
	      {"Tenaga kesehatan", 20, 700, 22, 50}, {"Perawat", 25, 750, 22, 50},
	      {"Bidan", 12, 1000, 22, 50}, {"Staf administrasi", 15, 600, 20, 55},
	      {"Petugas kebersihan", 10, 400, 0, 0}, {"Satpam", 6, 0, 22, 55},
	      {"Pengemudi ambulans", 4, 0, 25, 56}, {"Tenaga farmasi", 4, 750, 22, 50});
OCCSET(occ_gov_env, {"Petugas kebersihan", 45, 350, 0, 0}, {"Sopir truk sampah", 20, 0, 25, 56},
       {"Petugas taman", 15, 200, 0, 0}, {"Staf administrasi", 10, 600, 20, 55},
       {"Petugas TPA", 10, 100, 20, 56});
OCCSET(occ_gov_order, {"Anggota Satpol PP non-ASN", 50, 150, 20, 50},
       {"Petugas pemadam kebakaran", 30, 30, 20, 50}, {"Staf administrasi", 10, 500, 20, 55},
       {"Pengemudi", 10, 0, 25, 56});
OCCSET(occ_gov_trade, {"Petugas pemungut retribusi pasar", 40, 300, 22, 56},
       {"Petugas kebersihan pasar", 25, 400, 0, 0}, {"Staf administrasi", 20, 600, 20, 55},
       {"Petugas keamanan pasar", 15, 0, 22, 56});
OCCSET(occ_gov_transport, {"Juru parkir", 40, 50, 20, 58},
       {"Petugas Dishub non-ASN", 30, 100, 20, 50},
       {"Staf administrasi", 15, 600, 20, 55}, {"Pengemudi", 15, 0, 25, 56});
OCCSET(occ_gov_works, {"Petugas pemeliharaan jalan", 35, 20, 20, 56},
       {"Petugas drainase", 20, 20, 20, 56},
       {"Staf administrasi", 25, 550, 20, 55}, {"Pengemudi", 10, 0, 25, 56},
       {"Operator alat berat", 10, 0, 22, 55});
OCCSET_PUBLIC(vocab_occ_gov_kel,
	      {"Staf kelurahan", 45, 500, 20, 55}, {"Linmas", 25, 50, 20, 58},
	      {"Petugas kebersihan", 15, 400, 0, 0}, {"Pramu kantor", 15, 400, 0, 0});
OCCSET_PUBLIC(vocab_occ_gov_desa,
	      {"Perangkat desa", 50, 300, 25, 58}, {"Kepala dusun", 15, 100, 30, 58},
	      {"Staf administrasi desa", 20, 600, 20, 50}, {"Linmas", 15, 50, 20, 58});
OCCSET(occ_rel_school, {"Guru", 55, 650, 22, 58}, {"Guru tidak tetap", 10, 650, 22, 45},
       {"Tenaga kependidikan", 15, 550, 22, 55}, {"Staf tata usaha", 10, 600, 20, 55},
       {"Penjaga sekolah", 5, 0, 25, 58}, {"Petugas kebersihan", 5, 400, 0, 0});
OCCSET(occ_rel_social, {"Pengasuh panti", 40, 600, 22, 58}, {"Staf administrasi", 30, 600, 20, 55},
       {"Amil zakat", 20, 400, 22, 58}, {"Juru masak", 10, 800, 25, 58});
OCCSET(occ_univ, {"Dosen", 35, 500, 26, 58}, {"Tenaga kependidikan", 35, 550, 22, 55},
       {"Staf administrasi", 15, 600, 20, 55}, {"Satpam", 8, 0, 22, 55},
       {"Petugas kebersihan", 7, 400, 0, 0});
OCCSET_PUBLIC(vocab_occ_market,
	      {"Petugas pemungut retribusi pasar", 30, 300, 22, 58},
	      {"Petugas kebersihan pasar", 30, 400, 0, 0},
	      {"Petugas keamanan pasar", 25, 0, 22, 58}, {"Staf administrasi", 10, 600, 20, 55},
	      {"Juru parkir", 5, 0, 20, 58});
OCCSET(occ_coop_batik, {"Staf administrasi", 25, 600, 20, 55}, {"Pramuniaga", 25, 700, 18, 40},
       {"Staf gudang", 20, 100, 0, 0}, {"Pembatik", 20, 750, 18, 60}, {"Kasir", 10, 800, 18, 40});
OCCSET(occ_coop_fish, {"Petugas tempat pelelangan ikan", 30, 300, 20, 56},
       {"Juru lelang ikan", 15, 200, 25, 58}, {"Staf administrasi", 25, 600, 20, 55},
       {"Buruh bongkar muat ikan", 20, 50, 18, 55}, {"Kasir", 10, 800, 18, 40});
OCCSET_PUBLIC(vocab_occ_jakon,
	      {"Buruh bangunan", 45, 20, 18, 55}, {"Tukang batu", 20, 0, 20, 58},
	      {"Tukang kayu", 12, 0, 20, 58}, {"Tukang besi", 10, 0, 20, 55},
	      {"Mandor", 5, 0, 28, 58}, {"Operator alat berat", 3, 0, 22, 55},
	      {"Pelaksana lapangan", 5, 50, 22, 55});
/* BPU */
OCCSET(occ_nelayan, {"Nelayan", 80, 20, 18, 60}, {"Buruh nelayan", 20, 30, 18, 55});
OCCSET(occ_pedagang, {"Pedagang pasar", 50, 600, 20, 60}, {"Pedagang kaki lima", 25, 450, 18, 60},
       {"Pedagang sayur keliling", 10, 600, 20, 60}, {"Pedagang ikan", 15, 550, 20, 60});
OCCSET(occ_ojol, {"Pengemudi ojek online", 85, 60, 19, 50}, {"Kurir online", 15, 150, 19, 45});
OCCSET(occ_pembatik, {"Pembatik rumahan", 70, 850, 18, 60}, {"Penjahit rumahan", 20, 800, 18, 60},
       {"Tukang cap batik", 10, 150, 20, 58});
OCCSET_PUBLIC(vocab_occ_religious,
	      {"Marbot masjid", 30, 0, 25, 60}, {"Guru ngaji", 25, 550, 25, 60},
	      {"Imam masjid", 10, 0, 35, 60}, {"Lebe", 20, 0, 35, 60},
	      {"Pengurus musala", 15, 200, 25, 60});

/* ---- employers ---- */

static const struct vocab_name_pat pat_batik[] = {
	{"Batik %W", "13134", 2, 3, 20, 0, NULL, 0},
	{"Batik %W %W", "13134", 2, 3, 15, 0, NULL, 0},
	{"Batik Tulis %W", "13134", 2, 3, 10, 0, NULL, 0},
	{"Batik Cap %W", "13134", 3, 3, 8, 0, NULL, 0},
	{"Rumah Batik %W", "13134", 2, 2, 6, 0, NULL, SCALE_MEDIUM},
	{"Batik Tulis Bu %P", "13134", 2, 2, 8, 0, NULL, SCALE_SMALL},
	{"Batik Pak %M", "13134", 2, 3, 6, 0, NULL, SCALE_MEDIUM},
	{"UD Batik %W", "13134", 2, 3, 8, 0, NULL, 0},
	{"CV Batik %W %W", "13134", 3, 3, 6, 0, NULL, 0},
	{"Batik Printing %W", "13133", 3, 3, 4, 0, NULL, 0},
	{"Celup Kain %W", "13132", 3, 3, 3, 0, NULL, 0},
};
static const struct vocab_name_pat pat_garment[] = {
	{"Konveksi %W", "14111", 2, 3, 20, 0, NULL, 0},
	{"Konveksi %W %W", "14111", 2, 3, 10, 0, NULL, 0},
	{"CV %W Garment", "14111", 2, 3, 8, 0, NULL, 0},
	{"PT %W %W Garmindo", "14111", 2, 3, 4, 0, NULL, 0},
	{"Penjahit %M", "14120", 2, 2, 8, 0, NULL, SCALE_SMALL},
	{"Konveksi Bu %P", "14111", 2, 2, 8, 0, NULL, SCALE_SMALL},
	{"CV %W Busana", "14111", 2, 3, 6, 0, NULL, 0},
	{"Sarung Tenun %W", "13121", 3, 3, 5, 0, NULL, 0},
};
static const struct vocab_name_pat pat_textile[] = {
	{"Toko Batik %W", "47711", 2, 2, 20, 0, NULL, 0},
	{"Grosir Batik %W %W", "46411", 2, 2, 10, 0, NULL, 0},
	{"Toko Kain %W", "47511", 2, 2, 10, 0, NULL, SCALE_MEDIUM},
	{"UD %W Tekstil", "46411", 2, 2, 8, 0, NULL, 0},
	{"CV %W Tekstil", "46411", 2, 2, 5, 0, NULL, 0},
	{"Batik %W Online", "47912", 2, 2, 5, 0, NULL, SCALE_SMALL},
};
static const struct vocab_name_pat pat_fishproc[] = {
	{"UD %W Ikan Asin", "10211", 3, 3, 10, 0, NULL, 0},
	{"Pengasapan Ikan %M", "10212", 3, 3, 8, 0, NULL, SCALE_SMALL},
	{"CV %W Mina", "10213", 3, 4, 6, 0, NULL, 0},
	{"PT %W Bahari", "10213", 3, 4, 4, 0, NULL, 0},
	{"UD Pindang %W", "10214", 3, 3, 8, 0, NULL, SCALE_MEDIUM},
	{"CV %W Samudra", "10219", 3, 3, 5, 0, NULL, 0},
	{"Kerupuk Ikan %W", "10794", 2, 3, 5, 0, NULL, SCALE_MEDIUM},
};
static const struct vocab_name_pat pat_fishing[] = {
	{"UD %W Bahari", "03111", 4, 5, 10, 0, NULL, 0},
	{"CV %W Samudra", "03111", 4, 5, 8, 0, NULL, 0},
	{"PT Perikanan %W %W", "03111", 4, 5, 5, 0, NULL, 0},
	{"CV Kapal %W", "03112", 4, 5, 5, 0, NULL, 0},
};
static const struct vocab_name_pat pat_retail[] = {
	{"Toko %W", "47191", 2, 2, 20, 0, NULL, SCALE_MEDIUM},
	{"Toko %W %W", "47191", 2, 2, 10, 0, NULL, 0},
	{"Toko Bangunan %W", "47528", 2, 2, 10, 0, NULL, SCALE_MEDIUM},
	{"Toko Kelontong %M", "47111", 2, 2, 10, 0, NULL, SCALE_SMALL},
	{"Minimarket %W", "47111", 2, 2, 8, 0, NULL, 0},
	{"Toko Emas %W", "47735", 2, 2, 5, 0, NULL, SCALE_MEDIUM},
	{"Apotek %W", "47721", 1, 2, 6, 0, NULL, SCALE_SMALL},
	{"Toko Elektronik %W", "47420", 2, 2, 4, 0, NULL, SCALE_MEDIUM},
	{"Toko Plastik %W", "47737", 2, 2, 4, 0, NULL, SCALE_SMALL},
	{"Toko Sembako Bu %P", "47111", 2, 2, 8, 0, NULL, SCALE_SMALL},
	{"Dealer Motor %W", "45403", 2, 2, 3, VOCAB_HOT_URBAN, NULL, 0},
	{"Toko Seluler %W", "47414", 2, 2, 5, 0, NULL, SCALE_SMALL},
};
static const struct vocab_name_pat pat_food[] = {
	{"Rumah Makan %W", "56101", 2, 2, 12, 0, NULL, SCALE_MEDIUM},
	{"Warung Soto Tauto %M", "56102", 2, 2, 10, 0, NULL, SCALE_SMALL},
	{"Nasi Megono Bu %P", "56102", 2, 2, 8, 0, NULL, SCALE_SMALL},
	{"Garang Asem %W", "56102", 2, 2, 5, 0, NULL, SCALE_SMALL},
	{"Kopi Tahlil %W", "56103", 2, 2, 4, 0, NULL, SCALE_SMALL},
	{"Roti %W", "10710", 2, 2, 6, 0, NULL, SCALE_MEDIUM},
	{"Kerupuk %W", "10794", 2, 3, 6, 0, NULL, 0},
	{"Katering Bu %P", "56210", 2, 2, 5, 0, NULL, SCALE_SMALL},
	{"Warung Makan Bu %P", "56102", 2, 2, 10, 0, NULL, SCALE_SMALL},
	{"Kue Basah %W", "10792", 2, 2, 4, 0, NULL, SCALE_SMALL},
};
static const struct vocab_name_pat pat_hotel[] = {
	{"Hotel %W", "55120", 2, 2, 10, 0, NULL, 0},
	{"Hotel %W Syariah", "55120", 2, 2, 6, 0, NULL, SCALE_MEDIUM},
	{"Hotel %W %W", "55110", 2, 2, 4, 0, NULL, 0},
	{"Penginapan %W", "55130", 2, 2, 5, 0, NULL, SCALE_SMALL},
	{"Wisma %W", "55199", 2, 2, 4, 0, NULL, SCALE_SMALL},
};
static const struct vocab_name_pat pat_construction[] = {
	{"CV %W Konstruksi", "41011", 4, 4, 15, 0, NULL, 0},
	{"CV %W %W Konstruksi", "41012", 4, 4, 8, 0, NULL, 0},
	{"PT %W Karya", "41016", 4, 4, 10, 0, NULL, 0},
	{"PT %W Karya Utama", "42101", 4, 4, 6, 0, NULL, 0},
	{"PT %W %W Karya", "42201", 4, 4, 5, 0, NULL, 0},
	{"CV %W Bangun", "41011", 4, 4, 8, 0, NULL, 0},
	{"CV %W Interior", "43302", 4, 4, 4, 0, NULL, SCALE_SMALL},
	{"CV %W Teknik", "42209", 4, 4, 4, 0, NULL, 0},
};
static const struct vocab_name_pat pat_transport[] = {
	{"CV %W Trans", "49431", 4, 4, 10, 0, NULL, 0},
	{"PT %W Logistik", "52291", 3, 4, 5, 0, NULL, 0},
	{"Ekspedisi %W", "53201", 3, 4, 8, 0, NULL, SCALE_MEDIUM},
	{"PO %W", "49213", 4, 4, 4, 0, NULL, 0},
	{"CV %W Transport", "49229", 4, 4, 5, 0, NULL, 0},
};
static const struct vocab_name_pat pat_finance[] = {
	{"PT BPR %W %W", "64131", 1, 1, 10, VOCAB_HOT_URBAN, NULL, 0},
	{"PT BPR Syariah %W", "64132", 1, 1, 6, VOCAB_HOT_URBAN, NULL, 0},
	{"PT BPR %W", "64131", 1, 1, 6, VOCAB_HOT_URBAN, NULL, 0},
};
static const struct vocab_name_pat pat_workshop[] = {
	{"Bengkel %W Motor", "45407", 2, 3, 15, 0, NULL, SCALE_SMALL},
	{"Bengkel %M", "45407", 2, 3, 10, 0, NULL, SCALE_SMALL},
	{"Bengkel Las %W", "25119", 3, 3, 6, 0, NULL, SCALE_SMALL},
	{"Bengkel Mobil %W", "45201", 2, 3, 6, 0, NULL, SCALE_MEDIUM},
	{"Cuci Motor %W", "45202", 2, 2, 4, 0, NULL, SCALE_MICRO},
};
static const struct vocab_name_pat pat_clinic[] = {
	{"Klinik Pratama %W", "86105", 2, 2, 10, VOCAB_HOT_URBAN, NULL, SCALE_MEDIUM},
	{"Klinik %W Medika", "86105", 2, 2, 8, VOCAB_HOT_URBAN, NULL, SCALE_MEDIUM},
	{"Klinik Bersalin %W", "86105", 2, 2, 5, 0, NULL, SCALE_SMALL},
	{"Laboratorium Klinik %W", "86903", 2, 2, 3, VOCAB_HOT_URBAN, NULL, SCALE_SMALL},
	{"Praktik Dokter Gigi %M", "86203", 1, 2, 3, VOCAB_HOT_URBAN, NULL, SCALE_MICRO},
};
static const struct vocab_name_pat pat_personal[] = {
	{"Salon %P", "96112", 1, 2, 10, 0, NULL, SCALE_SMALL},
	{"Laundry %W", "96200", 2, 2, 10, 0, NULL, SCALE_SMALL},
	{"Pangkas Rambut %W", "96111", 1, 2, 6, 0, NULL, SCALE_MICRO},
	{"Penatu %W", "96200", 2, 2, 4, 0, NULL, SCALE_SMALL},
};
static const struct vocab_name_pat pat_tutor[] = {
	{"Bimbel %W", "85495", 1, 1, 10, VOCAB_HOT_URBAN, NULL, SCALE_SMALL},
	{"Lembaga Kursus %W", "85499", 1, 1, 5, 0, NULL, SCALE_SMALL},
	{"LPK %W", "85498", 1, 1, 5, 0, NULL, SCALE_SMALL},
	{"Kursus Komputer %W", "85492", 1, 1, 4, VOCAB_HOT_URBAN, NULL, SCALE_SMALL},
};
static const struct vocab_name_pat pat_coop[] = {
	{"Koperasi Batik %W", "46411", 2, 2, 10, VOCAB_HOT_BATIK, &occ_coop_batik, 0},
	{"Koperasi Pengrajin Batik %W %W", "46411", 2, 2, 5, VOCAB_HOT_BATIK, &occ_coop_batik, 0},
	{"KUD Mina %W", "46206", 2, 3, 8, VOCAB_HOT_COAST, &occ_coop_fish, 0},
	{"KUD Mina %W %W", "46206", 2, 3, 4, VOCAB_HOT_COAST, &occ_coop_fish, 0},
	{"KSP %W %W", "64141", 1, 1, 10, 0, &occ_finance, 0},
	{"KSPPS BMT %W", "64145", 1, 1, 8, 0, &occ_finance, 0},
	{"Koperasi Karyawan %W", "64142", 1, 1, 3, 0, &occ_finance, SCALE_SMALL},
	{"Koperasi Pedagang Pasar %W", "64141", 1, 1, 4, VOCAB_HOT_URBAN, &occ_finance, 0},
};

#define PATS(a) a, ARRAY_SIZE(a)

const struct vocab_sector vocab_sectors[VOCAB_SEC_COUNT] = {
	/* key, kind, share, scale_pm; pats, occ, hot, nib_pm, under_pm, fewer_pm, wage_up_pm */
	[VOCAB_SEC_BATIK] = {"batik", EKIND_COMPANY, 230, {750, 200, 45, 5},
			     PATS(pat_batik), &occ_batik, VOCAB_HOT_BATIK, 800, 200, 200, 100},
	[VOCAB_SEC_GARMENT] = {"garment", EKIND_COMPANY, 70, {550, 300, 120, 30},
			       PATS(pat_garment), &occ_garment, VOCAB_HOT_BATIK, 850, 150, 180,
			       100},
	[VOCAB_SEC_TEXTILE_TRADE] = {"textile", EKIND_COMPANY, 70, {700, 250, 45, 5},
				     PATS(pat_textile), &occ_shop, VOCAB_HOT_BATIK, 850, 120, 180,
				     150},
	[VOCAB_SEC_FISH_PROC] = {"fishproc", EKIND_COMPANY, 40, {500, 350, 130, 20},
				 PATS(pat_fishproc), &occ_fishproc, VOCAB_HOT_COAST, 800, 200, 200,
				 80},
	[VOCAB_SEC_FISHING] = {"fishing", EKIND_COMPANY, 20, {400, 450, 140, 10},
			       PATS(pat_fishing), &occ_fishing, VOCAB_HOT_COAST, 750, 150, 200,
			       250},
	[VOCAB_SEC_RETAIL] = {"retail", EKIND_COMPANY, 150, {800, 170, 27, 3},
			      PATS(pat_retail), &occ_shop, VOCAB_HOT_NONE, 850, 150, 180, 120},
	[VOCAB_SEC_FOOD] = {"food", EKIND_COMPANY, 90, {750, 220, 28, 2},
			    PATS(pat_food), &occ_food, VOCAB_HOT_NONE, 800, 200, 180, 80},
	[VOCAB_SEC_HOTEL] = {"hotel", EKIND_COMPANY, 15, {200, 500, 250, 50},
			     PATS(pat_hotel), &occ_hotel, VOCAB_HOT_URBAN, 950, 80, 150, 250},
	[VOCAB_SEC_CONSTRUCTION] = {"construction", EKIND_COMPANY, 70, {300, 500, 180, 20},
				    PATS(pat_construction), &occ_construction_staff,
				    VOCAB_HOT_URBAN, 950, 100, 180, 350},
	[VOCAB_SEC_TRANSPORT] = {"transport", EKIND_COMPANY, 30, {600, 300, 90, 10},
				 PATS(pat_transport), &occ_transport, VOCAB_HOT_URBAN, 900, 120,
				 180, 200},
	[VOCAB_SEC_FINANCE] = {"finance", EKIND_COMPANY, 10, {100, 550, 300, 50},
			       PATS(pat_finance), &occ_finance, VOCAB_HOT_URBAN, 1000, 20, 60, 600},
	[VOCAB_SEC_WORKSHOP] = {"workshop", EKIND_COMPANY, 35, {850, 140, 10, 0},
				PATS(pat_workshop), &occ_workshop, VOCAB_HOT_NONE, 750, 150, 180,
				150},
	[VOCAB_SEC_CLINIC] = {"clinic", EKIND_COMPANY, 15, {300, 550, 140, 10},
			      PATS(pat_clinic), &occ_clinic, VOCAB_HOT_URBAN, 950, 60, 120, 450},
	[VOCAB_SEC_PERSONAL] = {"personal", EKIND_COMPANY, 20, {900, 100, 0, 0},
				PATS(pat_personal), &occ_personal, VOCAB_HOT_URBAN, 700, 200, 150,
				80},
	[VOCAB_SEC_TUTOR] = {"tutor", EKIND_COMPANY, 10, {700, 280, 20, 0},
			     PATS(pat_tutor), &occ_tutor, VOCAB_HOT_URBAN, 800, 150, 150, 200},
	[VOCAB_SEC_GOV] = {"gov", EKIND_GOVERNMENT_OFFICE, 30, {0},
			   NULL, 0, &vocab_occ_gov_office, VOCAB_HOT_NONE, 0, 350, 600, 150},
	[VOCAB_SEC_RELIGIOUS] = {"religious", EKIND_RELIGIOUS_UNIT, 50, {0},
				 NULL, 0, &occ_rel_school, VOCAB_HOT_NONE, 300, 250, 150, 300},
	[VOCAB_SEC_MARKET] = {"market", EKIND_MARKET, 15, {0},
			      NULL, 0, &vocab_occ_market, VOCAB_HOT_URBAN, 0, 200, 300, 100},
	[VOCAB_SEC_COOP] = {"coop", EKIND_COOPERATIVE, 30, {650, 300, 50, 0},
			    PATS(pat_coop), &occ_finance, VOCAB_HOT_NONE, 700, 100, 200, 250},
};

/* Government offices (OPD), the big employers of contract workers first. */
const struct vocab_opd vocab_opds[] = {
	{"Dinas Pendidikan %R", "84121", 1, SCALE_LARGE, &occ_gov_edu},
	{"Dinas Kesehatan %R", "84122", 1, SCALE_MEDIUM, &vocab_occ_gov_health},
	{"Dinas Lingkungan Hidup %R", "84127", 2, SCALE_LARGE, &occ_gov_env},
	{"Satuan Polisi Pamong Praja %R", "84119", 2, SCALE_MEDIUM, &occ_gov_order},
	{"Dinas Perhubungan %R", "84119", 2, SCALE_MEDIUM, &occ_gov_transport},
	{"Dinas Perdagangan, Koperasi dan UKM %R", "84119", 1, SCALE_MEDIUM, &occ_gov_trade},
	{"Dinas Pekerjaan Umum dan Penataan Ruang %R", "84119", 3, SCALE_MEDIUM, &occ_gov_works},
	{"Sekretariat Daerah %R", "84112", 1, SCALE_MEDIUM, &vocab_occ_gov_office},
	{"Dinas Sosial %R", "84124", 1, SCALE_SMALL, &vocab_occ_gov_office},
	{"Dinas Perindustrian dan Tenaga Kerja %R", "84119", 1, SCALE_SMALL, &vocab_occ_gov_office},
	{"Dinas Kependudukan dan Pencatatan Sipil %R", "84119", 1, SCALE_SMALL,
	 &vocab_occ_gov_office},
	{"Dinas Penanaman Modal dan PTSP %R", "84119", 1, SCALE_SMALL, &vocab_occ_gov_office},
	{"Dinas Komunikasi dan Informatika %R", "84119", 1, SCALE_SMALL, &vocab_occ_gov_office},
	{"Dinas Kelautan dan Perikanan %R", "84119", 1, SCALE_SMALL, &vocab_occ_gov_office},
	{"Dinas Pertanian dan Pangan %R", "84119", 1, SCALE_SMALL, &vocab_occ_gov_office},
	{"Dinas Pariwisata, Kepemudaan dan Olahraga %R", "84126", 1, SCALE_SMALL,
	 &vocab_occ_gov_office},
	{"Dinas Perumahan dan Kawasan Permukiman %R", "84123", 1, SCALE_SMALL,
	 &vocab_occ_gov_office},
	{"Dinas Perpustakaan dan Kearsipan %R", "84126", 1, SCALE_SMALL, &vocab_occ_gov_office},
	{"Badan Perencanaan Pembangunan Daerah %R", "84114", 1, SCALE_SMALL, &vocab_occ_gov_office},
	{"Badan Keuangan Daerah %R", "84113", 1, SCALE_SMALL, &vocab_occ_gov_office},
	{"Badan Kepegawaian dan Pengembangan SDM %R", "84119", 1, SCALE_SMALL,
	 &vocab_occ_gov_office},
	{"Badan Penanggulangan Bencana Daerah %R", "84234", 2, SCALE_SMALL, &vocab_occ_gov_office},
	{"Badan Kesatuan Bangsa dan Politik %R", "84119", 1, SCALE_MICRO, &vocab_occ_gov_office},
	{"Inspektorat %R", "84119", 1, SCALE_SMALL, &vocab_occ_gov_office},
	{"Sekretariat DPRD %R", "84111", 1, SCALE_SMALL, &vocab_occ_gov_office},
};
const size_t vocab_nopds = ARRAY_SIZE(vocab_opds);

/* The regency hospital of each regency: a village or a district code. */
const struct vocab_place vocab_hospitals[VOCAB_REG_COUNT] = {
	{"RSUD Bendan Kota Pekalongan", "33.75.01.1006"},
	{"RSUD Kajen", "33.26.08"},
	{"RSUD Batang", "33.25.11"},
	{"RSUD dr. M. Ashari Pemalang", "33.27.08"},
};

/* Markets by name, with the district they stand in. */
const struct vocab_place vocab_markets[] = {
	{"Pasar Banjarsari", "33.75.02"},  {"Pasar Grogolan", "33.75.03"},
	{"Pasar Kraton", "33.75.03"},      {"Pasar Sugihwaras", "33.75.02"},
	{"Pasar Podosugih", "33.75.01"},   {"Pasar Bandengan", "33.75.03"},
	{"Pasar Medono", "33.75.01"},      {"Pasar Poncol", "33.75.02"},
	{"Pasar Anyar", "33.75.02"},       {"Pasar Sorogenen", "33.75.02"},
	{"Pasar Grosir Setono", "33.75.02"}, {"Pasar Kuripan", "33.75.04"},
	{"Pasar Buaran", "33.75.04"},      {"Pasar Kajen", "33.26.08"},
	{"Pasar Wiradesa", "33.26.16"},    {"Pasar Kedungwuni", "33.26.13"},
	{"Pasar Bligo", "33.26.14"},       {"Pasar Doro", "33.26.06"},
	{"Pasar Kesesi", "33.26.09"},      {"Pasar Sragi", "33.26.10"},
	{"Pasar Bojong", "33.26.11"},      {"Pasar Karanganyar", "33.26.07"},
	{"Pasar Wonopringgo", "33.26.12"}, {"Pasar Batang", "33.25.11"},
	{"Pasar Limpung", "33.25.08"},     {"Pasar Bandar", "33.25.02"},
	{"Pasar Subah", "33.25.09"},       {"Pasar Tulis", "33.25.10"},
	{"Pasar Gringsing", "33.25.07"},   {"Pasar Pagi Pemalang", "33.27.08"},
	{"Pasar Comal", "33.27.12"},       {"Pasar Randudongkal", "33.27.07"},
	{"Pasar Moga", "33.27.01"},        {"Pasar Petarukan", "33.27.10"},
	{"Pasar Belik", "33.27.03"},       {"Pasar Taman", "33.27.09"},
};
const size_t vocab_nmarkets = ARRAY_SIZE(vocab_markets);

/* Amal usaha of Muhammadiyah and NU; numbered ones repeat per town. */
const struct vocab_rel_tpl vocab_rel_tpls[] = {
	{"SD Muhammadiyah %N %T", "85121", 1, SCALE_SMALL, SCALE_SMALL, &occ_rel_school, 18, true},
	{"SMP Muhammadiyah %N %T", "85122", 1, SCALE_SMALL, SCALE_SMALL, &occ_rel_school, 9, true},
	{"SMA Muhammadiyah %N %T", "85220", 1, SCALE_SMALL, SCALE_MEDIUM, &occ_rel_school, 3, true},
	{"SMK Muhammadiyah %N %T", "85220", 1, SCALE_SMALL, SCALE_MEDIUM, &occ_rel_school, 4, true},
	{"TK Aisyiyah Bustanul Athfal %N %T", "85132", 1, SCALE_MICRO, SCALE_MICRO,
	 &occ_rel_school, 14, true},
	{"Klinik PKU Muhammadiyah %T", "86105", 2, SCALE_SMALL, SCALE_MEDIUM, &occ_clinic, 3,
	 false},
	{"Panti Asuhan Muhammadiyah %T", "87902", 1, SCALE_MICRO, SCALE_SMALL, &occ_rel_social, 2,
	 false},
	{"BTM Muhammadiyah %T", "64145", 1, SCALE_MICRO, SCALE_SMALL, &occ_finance, 2, false},
	{"MI Ma'arif NU %N %T", "85121", 1, SCALE_MICRO, SCALE_SMALL, &occ_rel_school, 14, true},
	{"MTs Ma'arif NU %N %T", "85122", 1, SCALE_SMALL, SCALE_SMALL, &occ_rel_school, 7, true},
	{"SMK Ma'arif NU %N %T", "85220", 1, SCALE_SMALL, SCALE_MEDIUM, &occ_rel_school, 3, true},
	{"RA Muslimat NU %N %T", "85132", 1, SCALE_MICRO, SCALE_MICRO, &occ_rel_school, 10, true},
	{"Klinik Pratama NU %T", "86105", 2, SCALE_SMALL, SCALE_SMALL, &occ_clinic, 2, false},
	{"Pondok Pesantren %A %T", "85499", 1, SCALE_MICRO, SCALE_SMALL, &occ_rel_school, 6,
	 false},
};
const size_t vocab_nrel_tpls = ARRAY_SIZE(vocab_rel_tpls);

/* Single units written first, whatever the scale. */
const struct vocab_rel_special vocab_rel_specials[] = {
	{"RS PKU Muhammadiyah Pekajangan", "33.26.13.1013", "86103", 2, SCALE_LARGE, &occ_clinic},
	{"Universitas Muhammadiyah Pekajangan Pekalongan", "33.26.13.1013", "85321", 1,
	 SCALE_MEDIUM, &occ_univ},
};
const size_t vocab_nrel_specials = ARRAY_SIZE(vocab_rel_specials);

/* ---- words and names ---- */

static const char *const biz_words_v[] = {
	"Sejahtera", "Makmur",   "Jaya",     "Abadi",     "Mulya",     "Sentosa",  "Berkah",
	"Barokah",   "Rejeki",   "Maju",     "Mandiri",   "Sinar",     "Cahaya",   "Mitra",
	"Karya",     "Bina",     "Putra",    "Putri",     "Sari",      "Indah",    "Agung",
	"Utama",     "Lestari",  "Rahayu",   "Sehati",    "Amanah",    "Nusantara", "Bahari",
	"Samudra",   "Pesisir",  "Kencana",  "Mekar",     "Mustika",   "Permata",  "Harapan",
	"Bintang",   "Mentari",  "Surya",    "Pelangi",   "Anugrah",   "Rizki",    "Fajar",
	"Gemilang",  "Santosa",  "Langgeng", "Tunggal",   "Sekar",     "Jagad",    "Larasati",
	"Pesona",    "Sido Mukti", "Sido Luhur", "Jlamprang", "Buketan", "Truntum", "Kawung",
	"Parang",    "Sekar Jagad", "Tiga Negeri", "Mega Mendung", "Puspa", "Wijaya", "Kartika",
	"Setia",     "Budi",     "Luhur",    "Sumber",    "Murni",     "Kurnia",   "Dian",
	"Arta",      "Graha",    "Prima",    "Tama",      "Cipta",     "Asri",     "Alam",
	"Samudera",  "Mina",     "Lancar",   "Sukses",    "Kharisma",  "Insani",   "Madani",
};
const struct vocab_words vocab_biz_words = {biz_words_v, ARRAY_SIZE(biz_words_v)};

static const char *const arabic_words_v[] = {
	"Al-Hikmah", "Darul Ulum", "Al-Ikhlas", "Salafiyah", "Nurul Huda", "Miftahul Huda",
	"Al-Falah", "Darussalam", "Al-Hidayah", "Al-Anwar", "Manbaul Ulum", "Nurul Islam",
	"Al-Mubarok", "Darul Falah", "Hidayatul Mubtadiin", "Roudlotul Quran", "Al-Munawwir",
	"Raudlatul Muta'allimin", "Al-Fatah", "Baitul Hikmah",
};
const struct vocab_words vocab_arabic_words = {arabic_words_v, ARRAY_SIZE(arabic_words_v)};

static const char *const male_first_v[] = {
	"Slamet",   "Agus",     "Budi",     "Eko",      "Joko",     "Bambang",  "Sugeng",
	"Heru",     "Hadi",     "Tri",      "Dwi",      "Wahyu",    "Yusuf",    "Rizki",
	"Fajar",    "Arif",     "Andi",     "Dedi",     "Didik",    "Hendra",   "Iwan",
	"Rahmat",   "Rudi",     "Sutrisno", "Supriyadi", "Sunarto", "Suparman", "Sukirno",
	"Suyatno",  "Tarmuji",  "Waluyo",   "Yanto",    "Zainal",   "Abdul",    "Ali",
	"Anwar",    "Ari",      "Aris",     "Bayu",     "Dimas",    "Danang",   "Dani",
	"Edi",      "Fauzan",   "Fikri",    "Gilang",   "Hafiz",    "Hasan",    "Husein",
	"Ilham",    "Imam",     "Irfan",    "Jamal",    "Khoirul",  "Lukman",   "Mahmud",
	"Mukhlis",  "Nanang",   "Nasrul",   "Purnomo",  "Priyo",    "Qomarudin", "Ridwan",
	"Rohman",   "Saiful",   "Samsul",   "Sarif",    "Solikhin", "Subur",    "Sugiarto",
	"Sulaiman", "Taufik",   "Teguh",    "Umar",     "Wawan",    "Yoga",     "Yudi",
	"Zaenal",   "Adi",      "Aji",      "Bagus",    "Catur",    "Darto",    "Daryono",
	"Fadli",    "Ghofur",   "Hartono",  "Imron",    "Jumadi",   "Kasmuri",  "Kusnadi",
	"Lutfi",    "Maryono",  "Mujiono",  "Muslih",   "Casmadi",  "Carsono",  "Darsono",
	"Warsono",  "Tarsono",  "Kasdi",    "Rasmono",  "Sodikin",  "Mustakim", "Nur",
	"Rofiq",    "Syaiful",  "Toha",     "Wahid",    "Zaki",     "Alfian",   "Bima",
	"Dicky",    "Galih",    "Krisna",   "Reza",     "Rendi",    "Satria",   "Tegar",
	"Yogi",     "Akbar",    "Farhan",   "Hanif",    "Naufal",
};
const struct vocab_words vocab_male_first = {male_first_v, ARRAY_SIZE(male_first_v)};

static const char *const male_second_v[] = {
	"Riyadi",   "Santoso",  "Prasetyo", "Hidayat",  "Saputra",  "Nugroho",  "Setiawan",
	"Wibowo",   "Susanto",  "Purnomo",  "Hartono",  "Kurniawan", "Firmansyah", "Ramadhan",
	"Pratama",  "Maulana",  "Hakim",    "Syahputra", "Wijaya",  "Gunawan",  "Hermawan",
	"Sulistyo", "Utomo",    "Yulianto", "Priyanto", "Suryanto", "Haryanto", "Mulyono",
	"Wahyudi",  "Fauzi",    "Rahman",   "Hamzah",   "Ismail",   "Mustofa",  "Nurhadi",
	"Anshori",  "Arifin",   "Baihaqi",  "Fadilah",  "Habibi",   "Iskandar", "Kholil",
	"Mahfud",   "Muttaqin", "Rosyid",   "Shodiq",   "Sobirin",  "Zuhdi",    "Abdullah",
	"Ashari",   "Bahtiar",  "Efendi",   "Faisal",   "Junaedi",  "Khoiri",   "Misbah",
	"Rifai",    "Sahroni",  "Syaifullah", "Wahid",  "Yusuf",    "Zulfikar", "Aditya",
	"Budiman",  "Darmawan", "Hidayatullah", "Irawan", "Kusuma", "Nugraha",  "Permana",
	"Rachmadi", "Saifudin", "Triyono",  "Widodo",   "Yulianto", "Zakaria",  "Hasanudin",
	"Mubarok",  "Nasrullah", "Rofiudin", "Ubaidillah",
};
const struct vocab_words vocab_male_second = {male_second_v, ARRAY_SIZE(male_second_v)};

/* Before a man's given name, mostly in the younger generations. */
static const char *const male_prefixes_v[] = {"Muhammad", "Ahmad", "Moh.", "Achmad"};
const struct vocab_words vocab_male_prefixes = {male_prefixes_v, ARRAY_SIZE(male_prefixes_v)};

static const char *const female_first_v[] = {
	"Sri",      "Dewi",     "Nur",      "Ani",      "Eni",      "Endang",   "Sumarni",
	"Suminah",  "Sutini",   "Wartini",  "Kartini",  "Rina",     "Ratna",    "Yuni",
	"Fitri",    "Nurul",    "Aminah",   "Fatimah",  "Khotimah", "Maesaroh", "Munawaroh",
	"Umi",      "Ulfa",     "Laila",    "Lina",     "Lia",      "Mega",     "Nining",
	"Puji",     "Rini",     "Rita",     "Tutik",    "Yanti",    "Yulia",    "Zahra",
	"Aisyah",   "Anisa",    "Dian",     "Dina",     "Eka",      "Evi",      "Fika",
	"Hana",     "Indah",    "Intan",    "Kurnia",   "Maya",     "Novi",     "Putri",
	"Rizka",    "Salma",    "Tika",     "Vina",     "Wulan",    "Yeni",     "Zulaikha",
	"Nafisah",  "Muslimah", "Khusnul",  "Rohmah",   "Sholikhah", "Mahmudah", "Nikmah",
	"Istiqomah", "Mardiyah", "Daryati", "Suwarni",  "Tarsini",  "Casmini",  "Darsini",
	"Warsini",  "Rasini",   "Tasripah", "Kasminah", "Sumiyati", "Juariyah", "Komariyah",
	"Nurhayati", "Siska",   "Ayu",      "Bella",    "Citra",    "Della",    "Elsa",
	"Febri",    "Hesti",    "Ika",      "Jihan",    "Kiki",     "Lulu",     "Nadia",
	"Okta",     "Reni",     "Sinta",    "Tia",      "Vivi",     "Winda",    "Yuli",
	"Aulia",    "Amelia",   "Fina",     "Naila",    "Zakiyah",  "Alfiyah",  "Hikmah",
};
const struct vocab_words vocab_female_first = {female_first_v, ARRAY_SIZE(female_first_v)};

static const char *const female_second_v[] = {
	"Aminah",   "Lestari",  "Wahyuni",  "Rahayu",   "Handayani", "Rahmawati", "Susanti",
	"Kurniasih", "Puspitasari", "Wulandari", "Fitriani", "Maharani", "Safitri", "Anggraini",
	"Pratiwi",  "Setyaningsih", "Nurhayati", "Sulistyowati", "Purwanti", "Mulyani",
	"Hidayati", "Khasanah", "Mukaromah", "Nurjanah", "Rohmawati", "Utami",  "Yuliana",
	"Zulfa",    "Azizah",   "Fauziah",  "Hasanah",  "Insani",   "Jannah",   "Latifah",
	"Mardiana", "Nuraini",  "Qomariyah", "Rofiah",  "Salamah",  "Sholihah", "Ulfah",
	"Widyastuti", "Yulianti", "Zahro",  "Agustina", "Damayanti", "Oktaviani", "Novitasari",
	"Permatasari", "Ramadhani", "Septiani", "Kusumawati", "Astuti", "Indriani", "Lestiani",
	"Marlina",  "Nurlaela", "Rosidah",  "Saputri",  "Triana",   "Wijayanti", "Yuniarti",
	"Amalia",   "Fadhilah", "Hidayah",  "Khoiriyah", "Maulida", "Munawaroh", "Nafisah",
	"Rizkiyah", "Solichah", "Umairoh",  "Zuhriyah", "Andriani", "Febriyanti", "Kartikasari",
	"Maryam",   "Nurfitri", "Sari",
};
const struct vocab_words vocab_female_second = {female_second_v, ARRAY_SIZE(female_second_v)};

static const char *const streets_v[] = {
	"Hayam Wuruk", "Gajah Mada", "KH. Mansyur", "Dr. Wahidin", "Dr. Sutomo", "Diponegoro",
	"Sultan Agung", "Jenderal Sudirman", "Ahmad Yani", "Imam Bonjol", "Urip Sumoharjo",
	"Kurinci", "Sriwijaya", "Merdeka", "Veteran", "Pemuda", "Mataram", "Kartini", "Patiunus",
	"Jlamprang", "Perintis Kemerdekaan", "Seruni", "Cempaka", "Melati", "Kenanga", "Teratai",
	"Anggrek", "Mawar", "Dr. Cipto", "Gatot Subroto", "Pahlawan", "KH. Ahmad Dahlan",
	"KH. Hasyim Asyari", "Letjen Suprapto", "Pattimura", "Hasanudin", "Truntum", "Sekar Jagad",
	"Progo", "Bengawan Solo", "Kalimantan", "Sumatera", "Semeru", "Slamet",
};
const struct vocab_words vocab_streets = {streets_v, ARRAY_SIZE(streets_v)};

static const char *const phone_prefixes_v[] = {
	"0812", "0813", "0821", "0822", "0823", "0851", "0852", "0853", "0856", "0857",
	"0858", "0877", "0878", "0895", "0896", "0897", "0881", "0882", "0838", "0831",
};
const struct vocab_words vocab_phone_prefixes = {phone_prefixes_v, ARRAY_SIZE(phone_prefixes_v)};

/* ---- informal (BPU) categories ---- */

const struct vocab_bpu_cat vocab_bpu_cats[] = {
	{"nelayan", 1500, &occ_nelayan, VOCAB_HOT_COAST, VOCAB_PROF_BPU,
	 12, 25, 100, 500, 200, 40},
	{"pedagang", 1450, &occ_pedagang, VOCAB_HOT_URBAN, VOCAB_PROF_BPU,
	 15, 30, 250, 700, 200, 60},
	{"ojol", 750, &occ_ojol, VOCAB_HOT_URBAN, VOCAB_PROF_BPU,
	 20, 30, 300, 1000, 300, 150},
	{"pembatik", 730, &occ_pembatik, VOCAB_HOT_BATIK, VOCAB_PROF_BPU,
	 10, 20, 100, 400, 150, 50},
};
const size_t vocab_nbpu_cats = ARRAY_SIZE(vocab_bpu_cats);
