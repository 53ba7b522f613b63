/*
 * refdata.c - parses the embedded reference CSVs (see refdata.h).
 *
 * The files are read with the same CSV reader as users' files: the data is
 * ours, but it came from outside (idn-area-data, BPS, hand-compiled decrees)
 * and a malformed row must fail loudly at build/test time, not be skipped.
 */
#include "compat.h"

#include "core/money.h"
#include "embedded.h"
#include "ingest/csvread.h"
#include "ingest/refdata.h"

/* Reads every record after the header of an embedded CSV, calling fn. */
static jr_err each_row(const unsigned char *data, size_t len, const char *what, size_t minfields,
		       jr_err (*fn)(void *ctx, const struct csvrecord *rec, struct errbuf *eb),
		       void *ctx, struct errbuf *eb)
{
	struct csvreader *r;
	struct csvrecord rec;
	jr_err rc = csvreader_open_mem((const char *)data, len, &r, eb);
	if (rc != JR_EOK)
		return rc;
	bool header = true;
	while ((rc = csvreader_next(r, &rec, eb)) == JR_EOK) {
		if (header) {
			header = false;
			continue;
		}
		if (rec.nfields < minfields) {
			rc = errbuf_set(eb, JR_EPARSE, "data %s baris %zu: %zu kolom, perlu %zu", what,
					rec.line, rec.nfields, minfields);
			break;
		}
		rc = fn(ctx, &rec, eb);
		if (rc != JR_EOK)
			break;
	}
	csvreader_free(r);
	return rc == JR_EEOF ? JR_EOK : rc;
}

static jr_err add_region(void *ctx, const struct csvrecord *rec, struct errbuf *eb)
{
	return region_index_add(ctx, rec->field[0], rec->field[rec->nfields == 2 ? 1 : 2], eb);
}

static jr_err add_kbli(void *ctx, const struct csvrecord *rec, struct errbuf *eb)
{
	(void)eb;
	struct refdata *r = ctx;
	/* codebook columns: kategori,digit,kode,judul,deskripsi; level 5 = kelompok */
	if (strcmp(rec->field[1], "5") != 0 || rec->len[2] != 5)
		return JR_EOK;
	memcpy(r->kbli[r->nkbli++], rec->field[2], KBLI_SIZE);
	return JR_EOK;
}

/* Parses one UMK row: year,province_code,regency_code,regency_name,umk_idr,... */
static jr_err umk_row(const struct csvrecord *rec, int *year, int64_t *sen, struct errbuf *eb)
{
	char *end;
	long y = strtol(rec->field[0], &end, 10);
	if (*end || y < 2000 || y > 2100)
		return errbuf_set(eb, JR_EPARSE, "data UMK baris %zu: tahun '%s' salah", rec->line,
				  rec->field[0]);
	*year = (int)y;
	return money_parse(rec->field[4], rec->len[4], sen, eb);
}

static jr_err add_umk(void *ctx, const struct csvrecord *rec, struct errbuf *eb)
{
	struct refdata *r = ctx;
	struct umk_entry *u = &r->umk[r->numk];
	jr_err err = umk_row(rec, &u->year, &u->amount_sen, eb);
	if (err != JR_EOK)
		return err;
	if (rec->len[2] >= sizeof(u->regency_code))
		return errbuf_set(eb, JR_EPARSE, "data UMK baris %zu: kode '%s' salah", rec->line,
				  rec->field[2]);
	memcpy(u->regency_code, rec->field[2], rec->len[2] + 1);
	r->numk++;
	return JR_EOK;
}

static int cmp_umk(const void *a, const void *b)
{
	const struct umk_entry *x = a, *y = b;
	int c = strcmp(x->regency_code, y->regency_code);
	return c ? c : (x->year > y->year) - (x->year < y->year);
}

/* Lines in an embedded CSV: an upper bound on its records. */
static size_t line_bound(const unsigned char *data, size_t len)
{
	size_t n = 1;
	for (size_t i = 0; i < len; i++)
		n += data[i] == '\n';
	return n;
}

static int cmp_kbli(const void *a, const void *b)
{
	return memcmp(a, b, KBLI_SIZE);
}

jr_err refdata_load(struct refdata **out, struct errbuf *eb)
{
	struct refdata *r = calloc(1, sizeof(*r));
	jr_err rc = JR_EOK;
	*out = NULL;
	if (!r || !(r->regions = region_index_new())) {
		free(r);
		return errbuf_set(eb, JR_ENOMEM, "memori tidak cukup");
	}
	static const struct {
		const unsigned char *data;
		const size_t *len;
		const char *what;
	} files[] = {
		{data_provinces, &data_provinces_len, "provinsi"},
		{data_regencies, &data_regencies_len, "kabupaten/kota"},
		{data_districts, &data_districts_len, "kecamatan"},
		{data_villages, &data_villages_len, "kelurahan/desa"},
	};
	for (size_t i = 0; i < ARRAY_SIZE(files) && rc == JR_EOK; i++)
		rc = each_row(files[i].data, *files[i].len, files[i].what, 2, add_region, r->regions,
			      eb);
	if (rc == JR_EOK) {
		region_index_finish(r->regions);
		/* One slot per line is plenty (quoted newlines only make it roomier). */
		r->kbli = calloc(line_bound(data_kbli, data_kbli_len), sizeof(*r->kbli));
		r->umk = calloc(line_bound(data_umk, data_umk_len), sizeof(*r->umk));
		if (!r->kbli || !r->umk)
			rc = errbuf_set(eb, JR_ENOMEM, "memori tidak cukup");
	}
	if (rc == JR_EOK)
		rc = each_row(data_kbli, data_kbli_len, "KBLI", 4, add_kbli, r, eb);
	if (rc == JR_EOK)
		rc = each_row(data_umk, data_umk_len, "UMK", 8, add_umk, r, eb);
	if (rc != JR_EOK) {
		refdata_free(r);
		return rc;
	}
	qsort(r->kbli, r->nkbli, sizeof(*r->kbli), cmp_kbli);
	qsort(r->umk, r->numk, sizeof(*r->umk), cmp_umk);
	*out = r;
	return JR_EOK;
}

void refdata_free(struct refdata *r)
{
	if (!r)
		return;
	region_index_free(r->regions);
	free(r->kbli);
	free(r->umk);
	free(r);
}

bool refdata_kbli_known(const struct refdata *r, const char *code)
{
	char key[KBLI_SIZE] = {0};
	size_t n = strlen(code);
	if (n != 5)
		return false;
	memcpy(key, code, 5);
	return bsearch(key, r->kbli, r->nkbli, sizeof(*r->kbli), cmp_kbli) != NULL;
}

bool refdata_umk(const struct refdata *r, const char *regency_code, int year, int64_t *sen)
{
	struct umk_entry key = {.year = year};
	size_t n = strlen(regency_code);
	if (n >= sizeof(key.regency_code))
		return false;
	memcpy(key.regency_code, regency_code, n + 1);
	const struct umk_entry *u = bsearch(&key, r->umk, r->numk, sizeof(*r->umk), cmp_umk);
	if (u)
		*sen = u->amount_sen;
	return u != NULL;
}

struct install_ctx {
	struct store *s;
	struct errbuf *eb;
};

static jr_err put_region(void *ctx, const char *code, enum region_level level, const char *name)
{
	struct install_ctx *ic = ctx;
	return store_region_put(ic->s, code, (int)level, name, ic->eb);
}

static jr_err put_umk(void *ctx, const struct csvrecord *rec, struct errbuf *eb)
{
	/* year,province_code,regency_code,regency_name,umk_idr,decree,confidence,source_urls,note */
	struct store *s = ctx;
	int64_t sen;
	int year;
	jr_err rc = umk_row(rec, &year, &sen, eb);
	if (rc != JR_EOK)
		return rc;
	return store_umk_put(s, rec->field[2], year, sen, rec->field[5], rec->field[6],
			     rec->field[7], eb);
}

static jr_err put_kbli(void *ctx, const struct csvrecord *rec, struct errbuf *eb)
{
	struct store *s = ctx;
	char *end;
	long level = strtol(rec->field[1], &end, 10);
	if (*end || level < 1 || level > 5)
		return errbuf_set(eb, JR_EPARSE, "data KBLI baris %zu: level '%s' salah", rec->line,
				  rec->field[1]);
	return store_kbli_put(s, rec->field[2], rec->field[0], (int)level, rec->field[3], eb);
}

jr_err refdata_install(struct store *s, const struct refdata *r, bool *installed,
		       struct errbuf *eb)
{
	char version[128];
	*installed = false;
	jr_err rc = store_meta_get(s, "refdata_version", version, sizeof(version), eb);
	if (rc != JR_EOK || !strcmp(version, REFDATA_VERSION))
		return rc;
	struct install_ctx ic = {s, eb};
	rc = region_index_each(r->regions, put_region, &ic);
	if (rc == JR_EOK)
		rc = each_row(data_umk, data_umk_len, "UMK", 8, put_umk, s, eb);
	if (rc == JR_EOK)
		rc = each_row(data_kbli, data_kbli_len, "KBLI", 4, put_kbli, s, eb);
	if (rc == JR_EOK)
		rc = store_meta_set(s, "refdata_version", REFDATA_VERSION, eb);
	if (rc == JR_EOK)
		*installed = true;
	return rc;
}
