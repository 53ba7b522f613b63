/* sqlite_registry.c - the SQLite backend's registry operations: reference
 * data, import batches, employers, persons, memberships. */
#include "compat.h"

#include "store/sqlite_int.h"

jr_err sq_region_count(struct store *s, int64_t *n, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_REGION_COUNT, eb);
	if (!st)
		return JR_EDB;
	if (sqlite3_step(st) != SQLITE_ROW)
		return db_error(q, eb, "menghitung wilayah");
	*n = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return JR_EOK;
}

/* The parent of a dotted code: "33.75.01" -> "33.75"; "" for a province. */
static void region_parent(const char *code, char parent[static REGION_CODE_SIZE])
{
	const char *dot = strrchr(code, '.');
	size_t n = dot ? (size_t)(dot - code) : 0;
	if (n >= REGION_CODE_SIZE)
		n = 0;
	memcpy(parent, code, n);
	parent[n] = '\0';
}

jr_err sq_region_put(struct store *s, const char *code, int level, const char *name,
			    struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_REGION_PUT, eb);
	char parent[REGION_CODE_SIZE];
	if (!st)
		return JR_EDB;
	region_parent(code, parent);
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, level);
	bind_text_or_null(st, 3, parent);
	sqlite3_bind_text(st, 4, name, -1, SQLITE_STATIC);
	return step_upsert(q, st, NULL, eb, "menyimpan wilayah");
}

jr_err sq_umk_put(struct store *s, const char *regency_code, int year, int64_t amount_sen,
			 const char *decree, const char *confidence, const char *source,
			 struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_UMK_PUT, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_text(st, 1, regency_code, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, year);
	sqlite3_bind_int64(st, 3, amount_sen);
	sqlite3_bind_text(st, 4, decree, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, confidence, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, source, -1, SQLITE_STATIC);
	return step_upsert(q, st, NULL, eb, "menyimpan UMK");
}

jr_err sq_kbli_put(struct store *s, const char *code, const char *section, int level,
			  const char *title, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_KBLI_PUT, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, section, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, level);
	sqlite3_bind_text(st, 4, title, -1, SQLITE_STATIC);
	return step_upsert(q, st, NULL, eb, "menyimpan KBLI");
}

jr_err sq_meta_get(struct store *s, const char *key, char *value, size_t size,
			  struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_META_GET, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		copy_col(st, 0, value, size);
	else if (rc == SQLITE_DONE)
		value[0] = '\0';
	else
		return db_error(q, eb, "membaca meta");
	sqlite3_reset(st);
	return JR_EOK;
}

jr_err sq_meta_set(struct store *s, const char *key, const char *value, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_META_SET, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	return step_upsert(q, st, NULL, eb, "menyimpan meta");
}

jr_err sq_batch_add(struct store *s, struct store_batch *b, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_BATCH_ADD, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_text(st, 1, b->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, b->file_name, -1, SQLITE_STATIC);
	jr_err rc = step_upsert(q, st, NULL, eb, "mencatat batch impor");
	if (rc == JR_EOK)
		b->id = sqlite3_last_insert_rowid(q->db);
	return rc;
}

jr_err sq_batch_finish(struct store *s, const struct store_batch *b, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_BATCH_FINISH, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, b->id);
	sqlite3_bind_int64(st, 2, b->rows_total);
	sqlite3_bind_int64(st, 3, b->rows_ok);
	sqlite3_bind_int64(st, 4, b->rows_rejected);
	sqlite3_bind_int64(st, 5, b->inserted);
	sqlite3_bind_int64(st, 6, b->updated);
	return step_upsert(q, st, NULL, eb, "menutup batch impor");
}

jr_err sq_employer_upsert(struct store *s, struct employer *e, int64_t batch_id,
				 enum store_upsert *did, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_EMPLOYER_UPSERT, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_text(st, 1, e->npp, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, e->name, -1, SQLITE_STATIC);
	bind_text_or_null(st, 3, e->nib);
	bind_text_or_null(st, 4, e->npwp);
	bind_text_or_null(st, 5, e->kbli);
	bind_text_or_null(st, 6, e->region_code);
	bind_text_or_null(st, 7, e->address);
	bind_text_or_null(st, 8, scale_name(e->scale));
	bind_int_or_null(st, 9, e->risk_group);
	sqlite3_bind_text(st, 10, employer_kind_name(e->kind ? e->kind : EKIND_COMPANY), -1,
			  SQLITE_STATIC);
	bind_int_or_null(st, 11, batch_id);
	jr_err rc = step_upsert(q, st, did, eb, "menyimpan pemberi kerja");
	if (rc != JR_EOK)
		return rc;
	st = stmt_get(q, ST_EMPLOYER_ID, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_text(st, 1, e->npp, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW)
		return db_error(q, eb, "mencari pemberi kerja");
	e->id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return JR_EOK;
}

jr_err sq_employers_each(struct store *s, jr_err (*fn)(void *ctx, const struct employer *e),
				void *ctx, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_EMPLOYERS_EACH, eb);
	struct employer e;
	int rc;
	if (!st)
		return JR_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char buf[32];
		memset(&e, 0, sizeof(e));
		e.id = sqlite3_column_int64(st, 0);
		copy_col(st, 1, e.npp, sizeof(e.npp));
		copy_col(st, 2, e.name, sizeof(e.name));
		copy_col(st, 3, e.nib, sizeof(e.nib));
		copy_col(st, 4, e.npwp, sizeof(e.npwp));
		copy_col(st, 5, e.kbli, sizeof(e.kbli));
		copy_col(st, 6, e.region_code, sizeof(e.region_code));
		copy_col(st, 7, e.address, sizeof(e.address));
		copy_col(st, 8, buf, sizeof(buf));
		e.scale = scale_parse(buf, strlen(buf));
		e.risk_group = sqlite3_column_int(st, 9);
		copy_col(st, 10, buf, sizeof(buf));
		e.kind = employer_kind_parse(buf, strlen(buf));
		jr_err frc = fn(ctx, &e);
		if (frc != JR_EOK) {
			sqlite3_reset(st);
			return frc;
		}
	}
	if (rc != SQLITE_DONE)
		return db_error(q, eb, "membaca pemberi kerja");
	sqlite3_reset(st);
	return JR_EOK;
}

jr_err sq_person_upsert(struct store *s, const struct person *p, enum store_upsert *did,
			       struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_PERSON_UPSERT, eb);
	char bd[DATE_ISO_SIZE], sex[2] = {p->sex, 0};
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, p->nik);
	sqlite3_bind_text(st, 2, p->name, -1, SQLITE_STATIC);
	if (p->has_birth_date) {
		date_format_iso(p->birth_date, bd);
		sqlite3_bind_text(st, 3, bd, -1, SQLITE_STATIC);
	}
	bind_text_or_null(st, 4, sex);
	bind_text_or_null(st, 5, p->region_code);
	bind_text_or_null(st, 6, p->phone);
	return step_upsert(q, st, did, eb, "menyimpan orang");
}

jr_err sq_membership_upsert(struct store *s, const struct membership *m, int64_t batch_id,
				   enum store_upsert *did, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_MEMBERSHIP_UPSERT, eb);
	char start[DATE_ISO_SIZE], end[DATE_ISO_SIZE];
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, m->person_nik);
	bind_text_or_null(st, 2, m->kpj);
	bind_int_or_null(st, 3, m->employer_id);
	sqlite3_bind_text(st, 4, segment_name(m->segment), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, m->wage_sen);
	sqlite3_bind_int(st, 6, (int)m->programs);
	date_format_iso(m->start, start);
	sqlite3_bind_text(st, 7, start, -1, SQLITE_STATIC);
	if (m->has_end) {
		date_format_iso(m->end, end);
		sqlite3_bind_text(st, 8, end, -1, SQLITE_STATIC);
	}
	bind_text_or_null(st, 9, m->occupation);
	bind_text_or_null(st, 10, m->region_code);
	bind_int_or_null(st, 11, batch_id);
	jr_err rc = step_upsert(q, st, did, eb, "menyimpan kepesertaan");
	if (rc == JR_ECONFLICT && m->kpj[0]) {
		/* Name the holder of the KPJ, which is what the officer must check. */
		sqlite3_stmt *k = stmt_get(q, ST_KPJ_OWNER, eb);
		if (k) {
			sqlite3_bind_text(k, 1, m->kpj, -1, SQLITE_STATIC);
			if (sqlite3_step(k) == SQLITE_ROW) {
				char nik[NIK_DIGITS + 1];
				nik_from_int(sqlite3_column_int64(k, 0), nik);
				rc = errbuf_set(eb, JR_ECONFLICT,
						"KPJ %s sudah dipakai kepesertaan lain (NIK %s, %s, "
						"mulai %s)",
						m->kpj, nik, (const char *)sqlite3_column_text(k, 2),
						(const char *)sqlite3_column_text(k, 3));
			}
			sqlite3_reset(k);
		}
	}
	return rc;
}

jr_err sq_kpj_holder(struct store *s, const char *kpj, struct membership_key *holder,
			    bool *found, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_KPJ_OWNER, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_text(st, 1, kpj, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW) {
		const char *seg = (const char *)sqlite3_column_text(st, 2);
		holder->person_nik = sqlite3_column_int64(st, 0);
		holder->employer_id = sqlite3_column_int64(st, 1);
		holder->segment = segment_parse(seg, strlen(seg));
		col_date(st, 3, &holder->start);
	} else if (rc != SQLITE_DONE) {
		return db_error(q, eb, "mencari pemegang KPJ");
	}
	sqlite3_reset(st);
	return JR_EOK;
}

jr_err sq_workers_each(struct store *s, jr_err (*fn)(void *ctx, const struct store_worker *w),
			      void *ctx, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_WORKERS_EACH, eb);
	struct person p;
	struct membership m;
	char npp[NPP_SIZE], buf[16];
	int rc;
	if (!st)
		return JR_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&p, 0, sizeof(p));
		memset(&m, 0, sizeof(m));
		p.nik = sqlite3_column_int64(st, 0);
		copy_col(st, 1, p.name, sizeof(p.name));
		p.has_birth_date = col_date(st, 2, &p.birth_date);
		copy_col(st, 3, buf, sizeof(buf));
		p.sex = buf[0];
		copy_col(st, 4, p.region_code, sizeof(p.region_code));
		copy_col(st, 5, p.phone, sizeof(p.phone));
		m.id = sqlite3_column_int64(st, 6);
		m.person_nik = p.nik;
		copy_col(st, 7, m.kpj, sizeof(m.kpj));
		copy_col(st, 8, npp, sizeof(npp));
		copy_col(st, 9, buf, sizeof(buf));
		m.segment = segment_parse(buf, strlen(buf));
		m.wage_sen = sqlite3_column_int64(st, 10);
		m.programs = (unsigned)sqlite3_column_int(st, 11);
		col_date(st, 12, &m.start);
		m.has_end = col_date(st, 13, &m.end);
		copy_col(st, 14, m.occupation, sizeof(m.occupation));
		copy_col(st, 15, m.region_code, sizeof(m.region_code));
		struct store_worker w = {&p, &m, npp};
		jr_err frc = fn(ctx, &w);
		if (frc != JR_EOK) {
			sqlite3_reset(st);
			return frc;
		}
	}
	if (rc != SQLITE_DONE)
		return db_error(q, eb, "membaca tenaga kerja");
	sqlite3_reset(st);
	return JR_EOK;
}

jr_err sq_counts(struct store *s, struct date as_of, struct store_counts *c,
			struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = NULL;
	char day[DATE_ISO_SIZE];
	memset(c, 0, sizeof(*c));
	date_format_iso(as_of, day);
	if (sqlite3_prepare_v2(q->db,
			       "SELECT (SELECT count(*) FROM employers), (SELECT count(*) FROM persons), "
			       "(SELECT count(*) FROM memberships)",
			       -1, &st, NULL) != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return db_error(q, eb, "menghitung registri");
	}
	c->employers = sqlite3_column_int64(st, 0);
	c->persons = sqlite3_column_int64(st, 1);
	c->memberships = sqlite3_column_int64(st, 2);
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(q->db,
			       "SELECT segment, count(DISTINCT person_nik) FROM memberships "
			       "WHERE start_date <= ?1 AND (end_date IS NULL OR end_date >= ?1) "
			       "GROUP BY segment",
			       -1, &st, NULL) != SQLITE_OK)
		return db_error(q, eb, "menghitung peserta aktif");
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *seg = (const char *)sqlite3_column_text(st, 0);
		enum segment sg = segment_parse(seg, strlen(seg));
		c->active_by_segment[sg] = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_error(q, eb, "menghitung peserta aktif");
	if (sqlite3_prepare_v2(q->db,
			       "SELECT count(DISTINCT person_nik) FROM memberships "
			       "WHERE start_date <= ?1 AND (end_date IS NULL OR end_date >= ?1)",
			       -1, &st, NULL) != SQLITE_OK)
		return db_error(q, eb, "menghitung peserta aktif");
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		c->active = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return JR_EOK;
}
