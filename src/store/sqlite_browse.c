/*
 * sqlite_browse.c - the SQLite backend of the browse aggregate (browse.h).
 *
 * Each query names its columns with the field names of the API; column 0,
 * "_key", is the paging key.  Money leaves as whole rupiah (every bill amount
 * is rounded to the rupiah), NIKs as text (16 digits do not fit a JSON
 * number exactly).
 */
#include "compat.h"

#include "store/browse.h"
#include "store/sqlite_int.h"

/*
 * What a partner user (?9, 0: anyone) may see: its partner and the partners
 * below it (the tree of 003_partners.sql); a person with a membership paid
 * by one of them or with an employer that is one of their units.
 */
#define PARTNER_TREE                                                                  \
	"(WITH RECURSIVE tree(id) AS (SELECT ?9 UNION SELECT p.id FROM partners p "      \
	"JOIN tree t ON p.parent_id = t.id) SELECT id FROM tree)"
#define SCOPE_PERSON(nik)                                                            \
	"(?9 = 0 OR EXISTS (SELECT 1 FROM memberships sm LEFT JOIN employers se "       \
	"ON se.id = sm.employer_id WHERE sm.person_nik = " nik " AND "                  \
	"((sm.payer_kind = 'partner' AND sm.payer_ref IN " PARTNER_TREE ") "           \
	"OR se.partner_id IN " PARTNER_TREE ")))"
#define SCOPE_EMPLOYER(e) "(?9 = 0 OR " e ".partner_id IN " PARTNER_TREE ")"

#define PERSON_COLUMNS                                                                      \
	"p.nik AS _key, CAST(p.nik AS TEXT) AS nik, p.name AS name, p.birth_date AS birth_date, " \
	"p.sex AS sex, p.region_code AS region_code, r.name AS region_name, p.phone AS phone "
#define PERSON_FROM "FROM persons p LEFT JOIN regions r ON r.code = p.region_code "

static const char sql_persons_all[] = "SELECT " PERSON_COLUMNS PERSON_FROM
	"WHERE p.nik > ?1 AND " SCOPE_PERSON("p.nik") " ORDER BY p.nik LIMIT ?2";
static const char sql_persons_nik[] = "SELECT " PERSON_COLUMNS PERSON_FROM
	"WHERE p.nik = ?3 AND p.nik > ?1 AND " SCOPE_PERSON("p.nik") " LIMIT ?2";
static const char sql_persons_kpj[] = "SELECT " PERSON_COLUMNS PERSON_FROM
	"WHERE p.nik IN (SELECT person_nik FROM memberships WHERE kpj = ?3) AND p.nik > ?1 AND "
	SCOPE_PERSON("p.nik") " ORDER BY p.nik LIMIT ?2";
static const char sql_persons_name[] = "SELECT " PERSON_COLUMNS PERSON_FROM
	"WHERE p.name LIKE ?3 ESCAPE '\\' AND p.nik > ?1 AND " SCOPE_PERSON("p.nik")
	" ORDER BY p.nik LIMIT ?2";
static const char sql_person[] = "SELECT " PERSON_COLUMNS PERSON_FROM "WHERE p.nik = ?1";
static const char sql_person_scope[] = "SELECT " SCOPE_PERSON("?1");
static const char sql_employer_scope[] =
	"SELECT count(*) FROM employers e WHERE e.id = ?1 AND " SCOPE_EMPLOYER("e");

#define PROGRAMS_TEXT(col)                                                            \
	"rtrim(CASE WHEN " col " & 1 THEN 'JKK ' ELSE '' END || CASE WHEN " col        \
	" & 2 THEN 'JKM ' ELSE '' END || CASE WHEN " col " & 4 THEN 'JHT ' ELSE '' END || " \
	"CASE WHEN " col " & 8 THEN 'JP ' ELSE '' END || CASE WHEN " col              \
	" & 16 THEN 'JKP' ELSE '' END)"

#define MEMBERSHIP_COLUMNS                                                                   \
	"m.id AS membership_id, m.kpj AS kpj, m.segment AS segment, m.employer_id AS employer_id, " \
	"e.npp AS employer_npp, e.name AS employer_name, m.wage_sen / 100 AS wage, "          \
	PROGRAMS_TEXT("m.programs") " AS programs, m.start_date AS start_date, "              \
	"m.end_date AS end_date, m.occupation AS occupation, m.payer_kind AS payer_kind, "    \
	"CAST(m.payer_ref AS TEXT) AS payer_ref, m.inactive_since AS inactive_since "

/* In the order of memberships_key (employer, segment, start): no sort. */
static const char sql_person_memberships[] =
	"SELECT m.id AS _key, " MEMBERSHIP_COLUMNS
	"FROM memberships m LEFT JOIN employers e ON e.id = m.employer_id "
	"WHERE m.person_nik = ?1 ORDER BY coalesce(m.employer_id, 0), m.segment, m.start_date";

#define BILL_COLUMNS                                                                        \
	"b.id AS _key, b.id AS id, substr(b.period, 1, 4) || '-' || substr(b.period, 5, 2) AS period, " \
	"b.payer_kind AS payer_kind, CAST(b.payer_ref AS TEXT) AS payer_ref, "                 \
	"CASE b.payer_kind WHEN 'employer' THEN e.npp ELSE CAST(b.payer_ref AS TEXT) END AS payer_code, " \
	"CASE b.payer_kind WHEN 'employer' THEN e.name WHEN 'participant' THEN p.name END AS payer_name, " \
	"b.due_date AS due_date, b.lines AS lines, b.total_sen / 100 AS total, "               \
	"b.paid_sen / 100 AS paid, b.fine_sen / 100 AS fine, b.fine_paid_sen / 100 AS fine_paid, " \
	"(b.total_sen - b.paid_sen + b.fine_sen - b.fine_paid_sen) / 100 AS outstanding, "     \
	"CASE WHEN b.paid_sen < b.total_sen OR b.fine_paid_sen < b.fine_sen THEN 'open' "       \
	"ELSE 'paid' END AS status "
#define BILL_FROM                                                                          \
	"FROM bills b LEFT JOIN employers e ON b.payer_kind = 'employer' AND e.id = b.payer_ref " \
	"LEFT JOIN persons p ON b.payer_kind = 'participant' AND p.nik = b.payer_ref "

static const char sql_bills[] =
	"SELECT " BILL_COLUMNS BILL_FROM
	"WHERE (?1 = 0 OR b.id < ?1) AND (?3 IS NULL OR b.payer_kind = ?3) "
	"AND (?4 = 0 OR b.payer_ref = ?4) AND (?5 = 0 OR b.period = ?5) "
	"AND (?6 = 0 OR (?6 = 1) = (b.paid_sen < b.total_sen OR b.fine_paid_sen < b.fine_sen)) "
	"AND (?9 = 0 OR (b.payer_kind = 'partner' AND b.payer_ref IN " PARTNER_TREE ")) "
	"ORDER BY b.id DESC LIMIT ?2";

/* One payer's bills, newest period first, through bills_payer (no sort);
 * the period is the paging key (a payer has one bill a period). */
static const char sql_bills_payer[] =
	"SELECT b.period AS _key, " BILL_COLUMNS BILL_FROM
	"WHERE b.payer_kind = ?3 AND b.payer_ref = ?4 AND (?1 = 0 OR b.period < ?1) "
	"AND (?5 = 0 OR b.period = ?5) "
	"AND (?6 = 0 OR (?6 = 1) = (b.paid_sen < b.total_sen OR b.fine_paid_sen < b.fine_sen)) "
	"AND (?9 = 0 OR (b.payer_kind = 'partner' AND b.payer_ref IN " PARTNER_TREE ")) "
	"ORDER BY b.period DESC LIMIT ?2";

#define EMPLOYER_COLUMNS                                                                    \
	"e.id AS _key, e.id AS id, e.npp AS npp, e.name AS name, e.nib AS nib, e.npwp AS npwp, " \
	"e.kbli AS kbli, k.title AS kbli_title, e.region_code AS region_code, "                \
	"r.name AS region_name, e.address AS address, e.scale AS scale, "                      \
	"e.risk_group AS risk_group, e.kind AS kind, e.partner_id AS partner_id, "             \
	"e.reported_workers AS reported_workers "
#define EMPLOYER_FROM                                                                      \
	"FROM employers e LEFT JOIN regions r ON r.code = e.region_code "                      \
	"LEFT JOIN kbli k ON k.code = e.kbli "

/* A partner sees its units (employers of its tree). */
static const char sql_employers[] = "SELECT " EMPLOYER_COLUMNS EMPLOYER_FROM
	"WHERE e.id > ?1 AND " SCOPE_EMPLOYER("e") " AND (?3 IS NULL OR e.npp = ?3 OR e.nib = ?3 "
	"OR e.name LIKE ?4 ESCAPE '\\') ORDER BY e.id LIMIT ?2";
static const char sql_employer[] = "SELECT " EMPLOYER_COLUMNS ", "
	"(SELECT count(*) FROM memberships m WHERE m.employer_id = e.id) AS memberships "
	EMPLOYER_FROM "WHERE e.id = ?1";
static const char sql_employer_workers[] =
	"SELECT m.id AS _key, CAST(p.nik AS TEXT) AS nik, p.name AS name, " MEMBERSHIP_COLUMNS
	"FROM memberships m JOIN persons p ON p.nik = m.person_nik "
	"LEFT JOIN employers e ON e.id = m.employer_id "
	"WHERE m.employer_id = ?3 AND m.id > ?1 ORDER BY m.id LIMIT ?2";

/* Steps st to the end, handing every row to fn as a record of its named columns. */
static jr_err emit_rows(struct sqlite_store *q, sqlite3_stmt *st, store_record_fn fn, void *ctx,
			struct errbuf *eb, const char *what)
{
	struct store_field f[STORE_RECORD_MAX];
	int ncol = sqlite3_column_count(st), rc;
	jr_err e = JR_EOK;
	if (ncol > STORE_RECORD_MAX)
		ncol = STORE_RECORD_MAX;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < ncol; i++) {
			f[i].name = sqlite3_column_name(st, i);
			switch (sqlite3_column_type(st, i)) {
			case SQLITE_NULL:
				f[i].type = STORE_FIELD_NULL;
				break;
			case SQLITE_INTEGER:
			case SQLITE_FLOAT:
				f[i].type = STORE_FIELD_INT;
				f[i].i = sqlite3_column_int64(st, i);
				break;
			default:
				f[i].type = STORE_FIELD_TEXT;
				f[i].s = (const char *)sqlite3_column_text(st, i);
				if (!f[i].s)
					f[i].type = STORE_FIELD_NULL;
			}
		}
		struct store_record r = {(size_t)ncol, f};
		if ((e = fn(ctx, &r)) != JR_EOK)
			break;
	}
	if (e == JR_EOK && rc != SQLITE_DONE)
		e = db_error(q, eb, what);
	sqlite3_reset(st);
	return e;
}

static const char sql_begin[] = "BEGIN";
static const char sql_end[] = "COMMIT";

static jr_err sb_begin(struct store *s, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_cached(q, sql_begin, eb);
	if (!st)
		return JR_EDB;
	jr_err e = sqlite3_step(st) == SQLITE_DONE ? JR_EOK : db_error(q, eb, "memulai baca");
	sqlite3_reset(st);
	return e;
}

static void sb_end(struct store *s)
{
	struct sqlite_store *q = sq(s);
	struct errbuf eb;
	sqlite3_stmt *st = stmt_cached(q, sql_end, &eb);
	if (st) {
		sqlite3_step(st);
		sqlite3_reset(st);
	}
	if (!sqlite3_get_autocommit(q->db))
		sq_exec(s, "ROLLBACK", &eb);
}

static bool all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return n > 0;
}

/* "%text%" with LIKE's wildcards escaped, into buf; false when too long. */
static bool like_pattern(const char *text, char *buf, size_t size)
{
	size_t o = 0;
	buf[o++] = '%';
	for (const char *p = text; *p; p++) {
		if (o + 4 >= size)
			return false;
		if (*p == '%' || *p == '_' || *p == '\\')
			buf[o++] = '\\';
		buf[o++] = *p;
	}
	buf[o++] = '%';
	buf[o] = '\0';
	return true;
}

static void bind_page(sqlite3_stmt *st, const struct store_browse_query *q)
{
	sqlite3_bind_int64(st, 1, q->after);
	sqlite3_bind_int64(st, 2, q->limit > 0 ? q->limit : -1);
	sqlite3_bind_int64(st, 9, q->partner);
}

static jr_err sb_persons(struct store *s, const struct store_browse_query *q, store_record_fn fn,
			 void *ctx, struct errbuf *eb)
{
	struct sqlite_store *qs = sq(s);
	const char *text = q->q ? q->q : "";
	size_t n = strlen(text);
	char like[3 * NAME_MAX_BYTES];
	const char *sql = sql_persons_all;
	if (n == NIK_DIGITS && all_digits(text, n))
		sql = sql_persons_nik;
	else if (n == KPJ_SIZE - 1 && all_digits(text, n))
		sql = sql_persons_kpj;
	else if (n) {
		if (!like_pattern(text, like, sizeof(like)))
			return errbuf_set(eb, JR_EINVALID, "teks pencarian terlalu panjang");
		sql = sql_persons_name;
	}
	sqlite3_stmt *st = stmt_cached(qs, sql, eb);
	if (!st)
		return JR_EDB;
	bind_page(st, q);
	if (sql == sql_persons_nik)
		sqlite3_bind_int64(st, 3, strtoll(text, NULL, 10));
	else if (sql == sql_persons_kpj)
		sqlite3_bind_text(st, 3, text, -1, SQLITE_STATIC);
	else if (sql == sql_persons_name)
		sqlite3_bind_text(st, 3, like, -1, SQLITE_STATIC);
	return emit_rows(qs, st, fn, ctx, eb, "mencari orang");
}

static jr_err one_key(struct store *s, const char *sql, int64_t key, store_record_fn fn,
		      void *ctx, struct errbuf *eb, const char *what)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_cached(q, sql, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, key);
	return emit_rows(q, st, fn, ctx, eb, what);
}

static jr_err sb_person(struct store *s, int64_t nik, store_record_fn fn, void *ctx,
			struct errbuf *eb)
{
	return one_key(s, sql_person, nik, fn, ctx, eb, "membaca orang");
}

static jr_err sb_person_in_scope(struct store *s, int64_t nik, int64_t partner, bool *in,
				 struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_cached(q, sql_person_scope, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, nik);
	sqlite3_bind_int64(st, 9, partner);
	if (sqlite3_step(st) != SQLITE_ROW) {
		jr_err e = db_error(q, eb, "memeriksa cakupan mitra");
		sqlite3_reset(st);
		return e;
	}
	*in = sqlite3_column_int(st, 0) != 0;
	sqlite3_reset(st);
	return JR_EOK;
}

static jr_err sb_employer_in_scope(struct store *s, int64_t id, int64_t partner, bool *in,
				   struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_cached(q, sql_employer_scope, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 9, partner);
	if (sqlite3_step(st) != SQLITE_ROW) {
		jr_err e = db_error(q, eb, "memeriksa cakupan mitra");
		sqlite3_reset(st);
		return e;
	}
	*in = sqlite3_column_int(st, 0) != 0;
	sqlite3_reset(st);
	return JR_EOK;
}

static jr_err sb_person_memberships(struct store *s, int64_t nik, store_record_fn fn, void *ctx,
				    struct errbuf *eb)
{
	return one_key(s, sql_person_memberships, nik, fn, ctx, eb, "membaca kepesertaan");
}

static jr_err sb_bills(struct store *s, const struct store_browse_query *q, store_record_fn fn,
		       void *ctx, struct errbuf *eb)
{
	struct sqlite_store *qs = sq(s);
	bool one_payer = q->payer_kind != PAYER_KIND_NONE && q->payer_ref;
	sqlite3_stmt *st = stmt_cached(qs, one_payer ? sql_bills_payer : sql_bills, eb);
	if (!st)
		return JR_EDB;
	bind_page(st, q);
	if (q->payer_kind != PAYER_KIND_NONE)
		sqlite3_bind_text(st, 3, payer_kind_name(q->payer_kind), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, q->payer_ref);
	sqlite3_bind_int(st, 5, q->period);
	sqlite3_bind_int(st, 6, q->status);
	return emit_rows(qs, st, fn, ctx, eb, "membaca tagihan");
}

static jr_err sb_employers(struct store *s, const struct store_browse_query *q,
			   store_record_fn fn, void *ctx, struct errbuf *eb)
{
	struct sqlite_store *qs = sq(s);
	char like[3 * NAME_MAX_BYTES];
	const char *text = q->q ? q->q : "";
	sqlite3_stmt *st = stmt_cached(qs, sql_employers, eb);
	if (!st)
		return JR_EDB;
	bind_page(st, q);
	if (*text) {
		if (!like_pattern(text, like, sizeof(like)))
			return errbuf_set(eb, JR_EINVALID, "teks pencarian terlalu panjang");
		sqlite3_bind_text(st, 3, text, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, like, -1, SQLITE_STATIC);
	}
	return emit_rows(qs, st, fn, ctx, eb, "mencari pemberi kerja");
}

static jr_err sb_employer(struct store *s, int64_t id, store_record_fn fn, void *ctx,
			  struct errbuf *eb)
{
	return one_key(s, sql_employer, id, fn, ctx, eb, "membaca pemberi kerja");
}

static jr_err sb_employer_workers(struct store *s, const struct store_browse_query *q,
				  store_record_fn fn, void *ctx, struct errbuf *eb)
{
	struct sqlite_store *qs = sq(s);
	sqlite3_stmt *st = stmt_cached(qs, sql_employer_workers, eb);
	if (!st)
		return JR_EDB;
	bind_page(st, q);
	sqlite3_bind_int64(st, 3, q->payer_ref);
	return emit_rows(qs, st, fn, ctx, eb, "membaca tenaga kerja");
}

const struct store_browse_ops sqlite_browse_ops = {
	.begin = sb_begin,
	.end = sb_end,
	.persons = sb_persons,
	.person = sb_person,
	.person_in_scope = sb_person_in_scope,
	.employer_in_scope = sb_employer_in_scope,
	.person_memberships = sb_person_memberships,
	.bills = sb_bills,
	.employers = sb_employers,
	.employer = sb_employer,
	.employer_workers = sb_employer_workers,
};
