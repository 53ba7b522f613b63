/*
 * sqlite_partners.c - partners, agreements, units and cohorts in SQLite
 * (003_partners.sql).  These statements run a few thousand times per
 * command at most, so each is prepared where it is used.
 */
#include "compat.h"

#include "store/partners.h"
#include "store/sqlite_int.h"

/* Steps a write; did as step_upsert; finalizes st. */
static jr_err write_once(struct sqlite_store *q, sqlite3_stmt *st, enum store_upsert *did,
			 struct errbuf *eb, const char *what)
{
	jr_err rc = step_upsert(q, st, did, eb, what);
	sqlite3_finalize(st);
	return rc;
}

static void bind_date(sqlite3_stmt *st, int i, struct date d)
{
	char buf[DATE_ISO_SIZE];
	date_format_iso(d, buf);
	sqlite3_bind_text(st, i, buf, -1, SQLITE_TRANSIENT);
}

/* ---- partners ---- */

/*
 * Steps a bound query for one id: *id is its first column, 0 when there is no
 * row.  A statement from sq_prepare is finalized, a cached one (stmt_get)
 * reset.
 */
static jr_err first_id(struct sqlite_store *q, sqlite3_stmt *st, bool cached, int64_t *id,
		       const char *what, struct errbuf *eb)
{
	int rc = sqlite3_step(st);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	if (cached)
		sqlite3_reset(st);
	else
		sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_error(q, eb, what);
	return JR_EOK;
}


#define PARTNER_COLS "id, name, kind, coalesce(region_code, ''), coalesce(parent_id, 0), " \
	"coalesce(contact, ''), coalesce(phone, '')"

static void read_partner(sqlite3_stmt *st, struct store_partner *p)
{
	p->id = sqlite3_column_int64(st, 0);
	copy_col(st, 1, p->name, sizeof(p->name));
	copy_col(st, 2, p->kind, sizeof(p->kind));
	copy_col(st, 3, p->region_code, sizeof(p->region_code));
	p->parent_id = sqlite3_column_int64(st, 4);
	copy_col(st, 5, p->contact, sizeof(p->contact));
	copy_col(st, 6, p->phone, sizeof(p->phone));
}

static void bind_partner(sqlite3_stmt *st, const struct store_partner *p)
{
	sqlite3_bind_text(st, 1, p->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, p->kind, -1, SQLITE_STATIC);
	bind_text_or_null(st, 3, p->region_code);
	bind_int_or_null(st, 4, p->parent_id);
	bind_text_or_null(st, 5, p->contact);
	bind_text_or_null(st, 6, p->phone);
}

/* The id of the partner with a natural key (name, region); 0 when none. */
static jr_err sqp_partner_id(struct store *s, const char *name, const char *region_code,
			     int64_t *id, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = sq_prepare(q, "SELECT id FROM partners WHERE name = ?1 "
				      "AND coalesce(region_code, '') = ?2", eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, region_code, -1, SQLITE_STATIC);
	return first_id(q, st, false, id, "mencari mitra", eb);
}

static jr_err sqp_partner_upsert(struct store *s, struct store_partner *p, int64_t batch_id,
				 enum store_upsert *did, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	/* Empty optional fields never erase what is known (as for employers). */
	sqlite3_stmt *st = sq_prepare(q,
		"INSERT INTO partners(name, kind, region_code, parent_id, contact, phone, batch_id) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
		"ON CONFLICT(name, coalesce(region_code, '')) DO UPDATE SET kind = excluded.kind, "
		"parent_id = coalesce(excluded.parent_id, parent_id), "
		"contact = coalesce(excluded.contact, contact), "
		"phone = coalesce(excluded.phone, phone) "
		"WHERE kind IS NOT excluded.kind "
		"OR (excluded.parent_id IS NOT NULL AND parent_id IS NOT excluded.parent_id) "
		"OR (excluded.contact IS NOT NULL AND contact IS NOT excluded.contact) "
		"OR (excluded.phone IS NOT NULL AND phone IS NOT excluded.phone)", eb);
	if (!st)
		return JR_EDB;
	bind_partner(st, p);
	bind_int_or_null(st, 7, batch_id);
	jr_err rc = write_once(q, st, did, eb, "menyimpan mitra");
	if (rc == JR_EOK)
		rc = sqp_partner_id(s, p->name, p->region_code, &p->id, eb);
	return rc;
}

static jr_err sqp_partner_add(struct store *s, struct store_partner *p, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	int64_t id;
	jr_err rc = sqp_partner_id(s, p->name, p->region_code, &id, eb);
	if (rc != JR_EOK)
		return rc;
	if (id)
		return errbuf_set(eb, JR_ECONFLICT, "mitra \"%s\" di wilayah ini sudah ada (id %" PRId64
				  ")", p->name, id);
	sqlite3_stmt *st = sq_prepare(q, "INSERT INTO partners(name, kind, region_code, parent_id, "
				   "contact, phone) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", eb);
	if (!st)
		return JR_EDB;
	bind_partner(st, p);
	rc = write_once(q, st, NULL, eb, "menyimpan mitra");
	if (rc == JR_EOK)
		p->id = sqlite3_last_insert_rowid(q->db);
	return rc;
}

static jr_err sqp_partner_get(struct store *s, int64_t id, struct store_partner *p, bool *found,
			      struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = sq_prepare(q, "SELECT " PARTNER_COLS " FROM partners WHERE id = ?1", eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	if (*found)
		read_partner(st, p);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_error(q, eb, "membaca mitra");
	return JR_EOK;
}

static jr_err sqp_partner_find(struct store *s, const char *name, int64_t *id, int *n,
			       struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = sq_prepare(q, "SELECT id FROM partners WHERE name = ?1 COLLATE NOCASE "
				   "ORDER BY id", eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	*n = 0;
	*id = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((*n)++ == 0)
			*id = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_error(q, eb, "mencari mitra");
	return JR_EOK;
}

static jr_err sqp_partners_each(struct store *s,
				jr_err (*fn)(void *ctx, const struct store_partner *p), void *ctx,
				struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = sq_prepare(q, "SELECT " PARTNER_COLS " FROM partners ORDER BY id", eb);
	if (!st)
		return JR_EDB;
	struct store_partner p;
	jr_err err = JR_EOK;
	int rc;
	while (err == JR_EOK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_partner(st, &p);
		err = fn(ctx, &p);
	}
	if (err == JR_EOK && rc != SQLITE_DONE)
		err = db_error(q, eb, "membaca mitra");
	sqlite3_finalize(st);
	return err;
}

static jr_err sqp_partner_is_within(struct store *s, int64_t id, int64_t ancestor, bool *within,
				    struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	/* The depth bound stops a cycle made outside Jaring from looping. */
	sqlite3_stmt *st = sq_prepare(q,
		"WITH RECURSIVE up(id, depth) AS (SELECT ?1, 0 UNION ALL "
		"SELECT p.parent_id, up.depth + 1 FROM partners p JOIN up ON p.id = up.id "
		"WHERE p.parent_id IS NOT NULL AND up.depth < 64) "
		"SELECT count(*) FROM up WHERE id = ?2", eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, ancestor);
	int rc = sqlite3_step(st);
	*within = rc == SQLITE_ROW && sqlite3_column_int64(st, 0) > 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_error(q, eb, "membaca induk mitra");
	return JR_EOK;
}

/* ---- agreements ---- */

#define AGREEMENT_COLS "id, coalesce(number, ''), title, partner_id, signed_on, valid_from, " \
	"valid_to, coalesce(target, -1), pays, role, coalesce(funding, ''), segments, sectors"

static void read_agreement(sqlite3_stmt *st, struct store_agreement *a)
{
	memset(a, 0, sizeof(*a));
	a->id = sqlite3_column_int64(st, 0);
	copy_col(st, 1, a->number, sizeof(a->number));
	copy_col(st, 2, a->title, sizeof(a->title));
	a->partner_id = sqlite3_column_int64(st, 3);
	col_date(st, 4, &a->signed_on);
	col_date(st, 5, &a->valid_from);
	col_date(st, 6, &a->valid_to);
	a->target = sqlite3_column_int64(st, 7);
	copy_col(st, 8, a->pays, sizeof(a->pays));
	copy_col(st, 9, a->role, sizeof(a->role));
	copy_col(st, 10, a->funding, sizeof(a->funding));
	copy_col(st, 11, a->segments, sizeof(a->segments));
	copy_col(st, 12, a->sectors, sizeof(a->sectors));
}

static jr_err agreement_key_id(struct sqlite_store *q, const struct store_agreement *a,
			       int64_t *id, struct errbuf *eb)
{
	char signed_on[DATE_ISO_SIZE];
	sqlite3_stmt *st = sq_prepare(q, a->number[0]
		? "SELECT id FROM agreements WHERE number = ?1"
		: "SELECT id FROM agreements WHERE number IS NULL AND partner_id = ?2 "
		  "AND title = ?3 AND signed_on = ?4", eb);
	if (!st)
		return JR_EDB;
	date_format_iso(a->signed_on, signed_on);
	if (a->number[0]) {
		sqlite3_bind_text(st, 1, a->number, -1, SQLITE_STATIC);
	} else {
		sqlite3_bind_int64(st, 2, a->partner_id);
		sqlite3_bind_text(st, 3, a->title, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, signed_on, -1, SQLITE_STATIC);
	}
	return first_id(q, st, false, id, "mencari PKS", eb);
}

static jr_err sqp_agreement_upsert(struct store *s, struct store_agreement *a, int64_t batch_id,
				   enum store_upsert *did, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	int64_t id;
	jr_err rc = agreement_key_id(q, a, &id, eb);
	if (rc != JR_EOK)
		return rc;
	sqlite3_stmt *st = sq_prepare(q, id
		? "UPDATE agreements SET title = ?2, partner_id = ?3, signed_on = ?4, "
		  "valid_from = ?5, valid_to = ?6, target = ?7, pays = ?8, role = ?9, "
		  "funding = ?10, segments = ?11, sectors = ?12 WHERE id = ?14 AND ("
		  "title IS NOT ?2 OR partner_id IS NOT ?3 OR signed_on IS NOT ?4 OR "
		  "valid_from IS NOT ?5 OR valid_to IS NOT ?6 OR target IS NOT ?7 OR "
		  "pays IS NOT ?8 OR role IS NOT ?9 OR funding IS NOT ?10 OR "
		  "segments IS NOT ?11 OR sectors IS NOT ?12)"
		: "INSERT INTO agreements(number, title, partner_id, signed_on, valid_from, "
		  "valid_to, target, pays, role, funding, segments, sectors, batch_id) "
		  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", eb);
	if (!st)
		return JR_EDB;
	bind_text_or_null(st, 1, a->number);
	sqlite3_bind_text(st, 2, a->title, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, a->partner_id);
	bind_date(st, 4, a->signed_on);
	bind_date(st, 5, a->valid_from);
	bind_date(st, 6, a->valid_to);
	if (a->target >= 0)
		sqlite3_bind_int64(st, 7, a->target);
	sqlite3_bind_text(st, 8, a->pays, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, a->role, -1, SQLITE_STATIC);
	bind_text_or_null(st, 10, a->funding);
	sqlite3_bind_text(st, 11, a->segments, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, a->sectors, -1, SQLITE_STATIC);
	if (id)
		sqlite3_bind_int64(st, 14, id);
	else
		bind_int_or_null(st, 13, batch_id);
	rc = write_once(q, st, did, eb, "menyimpan PKS");
	if (rc == JR_EOK && id && did && *did != STORE_UNCHANGED)
		*did = STORE_UPDATED;
	a->id = id ? id : sqlite3_last_insert_rowid(q->db);
	return rc;
}

static jr_err sqp_agreement_partner_add(struct store *s, int64_t agreement_id,
					int64_t partner_id, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = sq_prepare(q, "INSERT OR IGNORE INTO agreement_partners(agreement_id, "
				   "partner_id) VALUES (?1, ?2)", eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, agreement_id);
	sqlite3_bind_int64(st, 2, partner_id);
	return write_once(q, st, NULL, eb, "menyimpan penanda tangan PKS");
}

static jr_err sqp_agreement_get(struct store *s, int64_t id, struct store_agreement *a,
				bool *found, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = sq_prepare(q, "SELECT " AGREEMENT_COLS " FROM agreements WHERE id = ?1", eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	if (*found)
		read_agreement(st, a);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_error(q, eb, "membaca PKS");
	return JR_EOK;
}

static jr_err sqp_agreements_each(struct store *s, int64_t partner_id,
				  jr_err (*fn)(void *ctx, const struct store_agreement *a),
				  void *ctx, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = sq_prepare(q, "SELECT " AGREEMENT_COLS " FROM agreements "
				   "WHERE ?1 = 0 OR partner_id = ?1 ORDER BY id", eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, partner_id);
	struct store_agreement a;
	jr_err err = JR_EOK;
	int rc;
	while (err == JR_EOK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_agreement(st, &a);
		err = fn(ctx, &a);
	}
	if (err == JR_EOK && rc != SQLITE_DONE)
		err = db_error(q, eb, "membaca PKS");
	sqlite3_finalize(st);
	return err;
}

/* A membership counts as active on ?day as coverage counts it (003_partners.sql). */
#define ACTIVE_ON(m, day) "(" m ".start_date <= " day " AND (" m ".end_date IS NULL OR " m \
	".end_date >= " day ") AND (" m ".inactive_since IS NULL OR " m ".inactive_since > " day "))"

/* The partner and its descendants, as a recursive CTE named tree(id). */
#define PARTNER_TREE(param) "WITH RECURSIVE tree(id, depth) AS (SELECT " param ", 0 UNION " \
	"SELECT p.id, tree.depth + 1 FROM partners p JOIN tree ON p.parent_id = tree.id " \
	"WHERE tree.depth < 64) "

static jr_err sqp_agreement_tally(struct store *s, const struct store_agreement *a,
				  struct date day, struct store_agreement_tally *t,
				  struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	memset(t, 0, sizeof(*t));
	sqlite3_stmt *st = sq_prepare(q,
		PARTNER_TREE("?3")
		"SELECT (SELECT count(*) FROM cohorts WHERE agreement_id = ?1), "
		"(SELECT count(DISTINCT m.person_nik) FROM memberships m JOIN cohorts c "
		"  ON c.id = m.cohort_id WHERE c.agreement_id = ?1), "
		"(SELECT count(DISTINCT m.person_nik) FROM memberships m JOIN cohorts c "
		"  ON c.id = m.cohort_id WHERE c.agreement_id = ?1 AND " ACTIVE_ON("m", "?2") "), "
		"(SELECT count(*) FROM memberships m WHERE " ACTIVE_ON("m", "?4") " AND ("
		"  (m.payer_kind = 'partner' AND m.payer_ref IN (SELECT id FROM tree)) OR "
		"  m.employer_id IN (SELECT e.id FROM employers e WHERE e.partner_id IN "
		"  (SELECT id FROM tree)))), "
		"(SELECT count(*) FROM memberships m WHERE " ACTIVE_ON("m", "?2") " AND ("
		"  (m.payer_kind = 'partner' AND m.payer_ref IN (SELECT id FROM tree)) OR "
		"  m.employer_id IN (SELECT e.id FROM employers e WHERE e.partner_id IN "
		"  (SELECT id FROM tree)))), "
		"(SELECT count(*) FROM bills WHERE payer_kind = 'partner' AND payer_ref = ?3), "
		"(SELECT count(*) FROM bills WHERE payer_kind = 'partner' AND payer_ref = ?3 "
		"  AND paid_sen >= total_sen), "
		"(SELECT coalesce(sum(total_sen), 0) FROM bills WHERE payer_kind = 'partner' "
		"  AND payer_ref = ?3), "
		"(SELECT coalesce(sum(paid_sen), 0) FROM bills WHERE payer_kind = 'partner' "
		"  AND payer_ref = ?3)", eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, a->id);
	bind_date(st, 2, day);
	sqlite3_bind_int64(st, 3, a->partner_id);
	bind_date(st, 4, a->signed_on);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		t->cohorts = sqlite3_column_int64(st, 0);
		t->enrolled = sqlite3_column_int64(st, 1);
		t->active = sqlite3_column_int64(st, 2);
		t->active_at_signing = sqlite3_column_int64(st, 3);
		t->active_partner = sqlite3_column_int64(st, 4);
		t->bills = sqlite3_column_int64(st, 5);
		t->bills_paid = sqlite3_column_int64(st, 6);
		t->billed_sen = sqlite3_column_int64(st, 7);
		t->paid_sen = sqlite3_column_int64(st, 8);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_error(q, eb, "menghitung capaian PKS");
	return JR_EOK;
}

/* ---- cohorts ---- */

static jr_err sqp_cohort_add(struct store *s, struct store_cohort *c, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = sq_prepare(q, "INSERT INTO cohorts(agreement_id, enrolled_on, start_date, "
				   "end_date, file_name, batch_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, c->agreement_id);
	bind_date(st, 2, c->enrolled_on);
	bind_date(st, 3, c->start);
	bind_date(st, 4, c->end);
	sqlite3_bind_text(st, 5, c->file_name, -1, SQLITE_STATIC);
	bind_int_or_null(st, 6, c->batch_id);
	jr_err rc = write_once(q, st, NULL, eb, "menyimpan kohort");
	if (rc == JR_EOK)
		c->id = sqlite3_last_insert_rowid(q->db);
	return rc;
}

static jr_err sqp_person_active(struct store *s, int64_t nik, struct date day, bool *found,
				int64_t *agreement_id, char kpj[static KPJ_SIZE], struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_PERSON_ACTIVE, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, nik);
	bind_date(st, 2, day);
	int rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	*agreement_id = 0;
	kpj[0] = '\0';
	if (*found) {
		*agreement_id = sqlite3_column_int64(st, 0);
		copy_col(st, 1, kpj, KPJ_SIZE);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_error(q, eb, "memeriksa kepesertaan aktif");
	return JR_EOK;
}

static jr_err members_loop(struct sqlite_store *q, sqlite3_stmt *st,
			   jr_err (*fn)(void *ctx, const struct store_cohort_member *m),
			   void *ctx, struct errbuf *eb)
{
	struct store_cohort_member m;
	jr_err err = JR_EOK;
	int rc;
	while (err == JR_EOK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&m, 0, sizeof(m));
		m.nik = sqlite3_column_int64(st, 0);
		m.name = (const char *)sqlite3_column_text(st, 1);
		m.kpj = (const char *)sqlite3_column_text(st, 2);
		m.occupation = (const char *)sqlite3_column_text(st, 3);
		m.region_code = (const char *)sqlite3_column_text(st, 4);
		col_date(st, 5, &m.start);
		col_date(st, 6, &m.end);
		m.cohort_id = sqlite3_column_int64(st, 7);
		m.membership_id = sqlite3_column_int64(st, 8);
		m.active = sqlite3_column_int(st, 9) != 0;
		err = fn(ctx, &m);
	}
	if (err == JR_EOK && rc != SQLITE_DONE)
		err = db_error(q, eb, "membaca anggota kohort");
	sqlite3_finalize(st);
	return err;
}

#define MEMBER_COLS "m.person_nik, p.name, coalesce(m.kpj, ''), coalesce(m.occupation, ''), " \
	"coalesce(m.region_code, p.region_code, ''), m.start_date, m.end_date, m.cohort_id, m.id, "

static jr_err sqp_cohort_members_each(struct store *s, int64_t agreement_id, struct date day,
				      jr_err (*fn)(void *ctx, const struct store_cohort_member *m),
				      void *ctx, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = sq_prepare(q,
		"SELECT " MEMBER_COLS ACTIVE_ON("m", "?2")
		" FROM memberships m JOIN cohorts c ON c.id = m.cohort_id "
		"JOIN persons p ON p.nik = m.person_nik "
		"WHERE ?1 = 0 OR c.agreement_id = ?1 ORDER BY p.name, m.person_nik, m.start_date", eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, agreement_id);
	bind_date(st, 2, day);
	return members_loop(q, st, fn, ctx, eb);
}

static jr_err sqp_cohort_renewals_each(struct store *s, int64_t agreement_id, struct date from,
				       struct date to,
				       jr_err (*fn)(void *ctx, const struct store_cohort_member *m),
				       void *ctx, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = sq_prepare(q,
		"SELECT " MEMBER_COLS ACTIVE_ON("m", "?2")
		" FROM memberships m JOIN cohorts c ON c.id = m.cohort_id "
		"JOIN persons p ON p.nik = m.person_nik "
		"WHERE (?1 = 0 OR c.agreement_id = ?1) AND m.end_date BETWEEN ?2 AND ?3 "
		"AND NOT EXISTS (SELECT 1 FROM memberships n WHERE n.person_nik = m.person_nik "
		"  AND n.id <> m.id AND n.start_date > m.start_date) "
		"ORDER BY m.end_date, p.name, m.person_nik", eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, agreement_id);
	bind_date(st, 2, from);
	bind_date(st, 3, to);
	return members_loop(q, st, fn, ctx, eb);
}

static jr_err sqp_membership_set_cohort(struct store *s, int64_t membership_id,
					int64_t cohort_id, enum payer_kind payer_kind,
					int64_t payer_ref, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_MEMBERSHIP_COHORT, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, membership_id);
	sqlite3_bind_int64(st, 2, cohort_id);
	bind_text_or_null(st, 3, payer_kind_name(payer_kind));
	bind_int_or_null(st, 4, payer_ref);
	jr_err rc = step_upsert(q, st, NULL, eb, "menandai kepesertaan kohort");
	sqlite3_reset(st);
	return rc;
}

static jr_err sqp_membership_id(struct store *s, const struct membership_key *k, int64_t *id,
				bool *found, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_MEMBERSHIP_ID, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, k->person_nik);
	sqlite3_bind_int64(st, 2, k->employer_id);
	sqlite3_bind_text(st, 3, segment_name(k->segment), -1, SQLITE_STATIC);
	bind_date(st, 4, k->start);
	jr_err err = first_id(q, st, true, id, "mencari kepesertaan", eb);
	*found = *id != 0;
	return err;
}

static jr_err sqp_person_set_address(struct store *s, int64_t nik, const char *address,
				     struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = sq_prepare(q, "UPDATE persons SET address = ?2 WHERE nik = ?1 "
				   "AND address IS NOT ?2", eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, nik);
	sqlite3_bind_text(st, 2, address, -1, SQLITE_STATIC);
	return write_once(q, st, NULL, eb, "menyimpan alamat");
}

/* ---- units ---- */

static jr_err sqp_unit_set(struct store *s, int64_t employer_id, int64_t partner_id,
			   int64_t reported, enum store_upsert *did, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = sq_prepare(q, "UPDATE employers SET partner_id = ?2, "
				   "reported_workers = coalesce(?3, reported_workers) WHERE id = ?1 "
				   "AND (partner_id IS NOT ?2 OR (?3 IS NOT NULL AND "
				   "reported_workers IS NOT ?3))", eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, employer_id);
	sqlite3_bind_int64(st, 2, partner_id);
	if (reported >= 0)
		sqlite3_bind_int64(st, 3, reported);
	jr_err rc = write_once(q, st, did, eb, "menyimpan unit mitra");
	if (rc == JR_EOK && did && *did != STORE_UNCHANGED)
		*did = STORE_UPDATED;
	return rc;
}

static jr_err sqp_employer_by_npp(struct store *s, const char *npp, int64_t *id, bool *found,
				  struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = sq_prepare(q, "SELECT id FROM employers WHERE npp = ?1", eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_text(st, 1, npp, -1, SQLITE_STATIC);
	jr_err err = first_id(q, st, false, id, "mencari pemberi kerja", eb);
	*found = *id != 0;
	return err;
}

static jr_err sqp_reported_workers_each(struct store *s,
					jr_err (*fn)(void *ctx, int64_t employer_id,
						     int64_t partner_id, int64_t reported),
					void *ctx, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = sq_prepare(q, "SELECT id, coalesce(partner_id, 0), reported_workers "
				      "FROM employers WHERE reported_workers IS NOT NULL ORDER BY id", eb);
	if (!st)
		return JR_EDB;
	jr_err err = JR_EOK;
	int rc;
	while (err == JR_EOK && (rc = sqlite3_step(st)) == SQLITE_ROW)
		err = fn(ctx, sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
			 sqlite3_column_int64(st, 2));
	if (err == JR_EOK && rc != SQLITE_DONE)
		err = db_error(q, eb, "membaca jumlah pekerja yang dilaporkan mitra");
	sqlite3_finalize(st);
	return err;
}

static jr_err sqp_units_each(struct store *s, int64_t partner_id, struct date day,
			     jr_err (*fn)(void *ctx, const struct store_unit *u), void *ctx,
			     struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = sq_prepare(q,
		PARTNER_TREE("?1")
		"SELECT e.id, e.partner_id, e.npp, e.name, e.kind, "
		"(SELECT count(*) FROM memberships m WHERE m.employer_id = e.id AND "
		ACTIVE_ON("m", "?2") "), coalesce(e.reported_workers, -1) "
		"FROM employers e WHERE e.partner_id IN (SELECT id FROM tree) ORDER BY e.name, e.id",
		eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, partner_id);
	bind_date(st, 2, day);
	struct store_unit u;
	jr_err err = JR_EOK;
	int rc;
	while (err == JR_EOK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		u.employer_id = sqlite3_column_int64(st, 0);
		u.partner_id = sqlite3_column_int64(st, 1);
		u.npp = (const char *)sqlite3_column_text(st, 2);
		u.name = (const char *)sqlite3_column_text(st, 3);
		u.kind = (const char *)sqlite3_column_text(st, 4);
		u.active = sqlite3_column_int64(st, 5);
		u.reported = sqlite3_column_int64(st, 6);
		err = fn(ctx, &u);
	}
	if (err == JR_EOK && rc != SQLITE_DONE)
		err = db_error(q, eb, "membaca unit mitra");
	sqlite3_finalize(st);
	return err;
}

const struct store_partner_ops sqlite_partner_ops = {
	.partner_upsert = sqp_partner_upsert,
	.partner_add = sqp_partner_add,
	.partner_id = sqp_partner_id,
	.partner_get = sqp_partner_get,
	.partner_find = sqp_partner_find,
	.partners_each = sqp_partners_each,
	.partner_is_within = sqp_partner_is_within,
	.agreement_upsert = sqp_agreement_upsert,
	.agreement_partner_add = sqp_agreement_partner_add,
	.agreement_get = sqp_agreement_get,
	.agreements_each = sqp_agreements_each,
	.agreement_tally = sqp_agreement_tally,
	.cohort_add = sqp_cohort_add,
	.person_active = sqp_person_active,
	.cohort_members_each = sqp_cohort_members_each,
	.cohort_renewals_each = sqp_cohort_renewals_each,
	.membership_set_cohort = sqp_membership_set_cohort,
	.membership_id = sqp_membership_id,
	.person_set_address = sqp_person_set_address,
	.unit_set = sqp_unit_set,
	.employer_by_npp = sqp_employer_by_npp,
	.reported_workers_each = sqp_reported_workers_each,
	.units_each = sqp_units_each,
};
