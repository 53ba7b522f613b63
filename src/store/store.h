/*
 * store.h - the only door to the database.
 *
 * Callers see `struct store` and the store_* functions; the backend behind it
 * (SQLite now, PostgreSQL through libpq later) implements `struct store_ops`.
 * No SQL exists outside src/store/.  Every function returns a jr_err and fills
 * eb on failure.  Writes happen inside store_begin/store_commit; a command
 * that fails calls store_rollback and leaves the database as it was.
 */
#ifndef JARING_STORE_STORE_H
#define JARING_STORE_STORE_H

#include "compat.h"
#include "core/err.h"
#include "core/model.h"

struct store;

/* What an upsert did. */
enum store_upsert { STORE_INSERTED = 1, STORE_UPDATED, STORE_UNCHANGED };

enum store_open_mode {
	STORE_EXISTING = 0, /* the database must exist and be initialised */
	STORE_CREATE = 1,   /* create the file when missing (jaring init, demo) */
};

/*
 * Opens the database named by url: a file path (SQLite) or a
 * postgresql:// URL (not yet available: JR_EUNSUPPORTED).  Runs pending
 * migrations.  With STORE_EXISTING a missing file is JR_ENOTFOUND (nothing is
 * created).  On success *out is freed with store_close.
 */
jr_err store_open(const char *url, enum store_open_mode mode, struct store **out,
		  struct errbuf *eb);
void store_close(struct store *s);

/* The schema version after migrations (PRAGMA user_version in SQLite). */
int store_schema_version(const struct store *s);

jr_err store_begin(struct store *s, struct errbuf *eb);
jr_err store_commit(struct store *s, struct errbuf *eb);
/* Rolls back the open transaction, if any; never fails visibly. */
void store_rollback(struct store *s);

/* Tunes the connection for a large batch (bigger cache) or back to normal. */
void store_bulk_mode(struct store *s, bool on);

/* ---- reference data ---- */

/* Number of regions loaded (0 on a new database). */
jr_err store_region_count(struct store *s, int64_t *n, struct errbuf *eb);
jr_err store_region_put(struct store *s, const char *code, int level, const char *name,
			struct errbuf *eb);
jr_err store_umk_put(struct store *s, const char *regency_code, int year, int64_t amount_sen,
		     const char *decree, const char *confidence, const char *source,
		     struct errbuf *eb);
jr_err store_kbli_put(struct store *s, const char *code, const char *section, int level,
		      const char *title, struct errbuf *eb);
/* meta key/value (e.g. "refdata_version"); *value "" when missing. */
jr_err store_meta_get(struct store *s, const char *key, char *value, size_t size,
		      struct errbuf *eb);
jr_err store_meta_set(struct store *s, const char *key, const char *value, struct errbuf *eb);

/* ---- import batches ---- */

struct store_batch {
	int64_t id;
	const char *kind;
	const char *file_name;
	int64_t rows_total, rows_ok, rows_rejected, inserted, updated;
};
/* Records a new batch (id filled in). */
jr_err store_batch_add(struct store *s, struct store_batch *b, struct errbuf *eb);
/* Updates the counts of batch b->id. */
jr_err store_batch_finish(struct store *s, const struct store_batch *b, struct errbuf *eb);

/* ---- registry ---- */

/*
 * Inserts or updates an employer by NPP; e->id is set.  Empty optional fields
 * of e do not erase known values.  batch_id 0 = none.
 */
jr_err store_employer_upsert(struct store *s, struct employer *e, int64_t batch_id,
			     enum store_upsert *did, struct errbuf *eb);

/* Calls fn for every employer in NPP order (export).  Stops on fn's error. */
jr_err store_employers_each(struct store *s, jr_err (*fn)(void *ctx, const struct employer *e),
			    void *ctx, struct errbuf *eb);

/* Inserts or updates a person by NIK; empty optional fields do not erase. */
jr_err store_person_upsert(struct store *s, const struct person *p, enum store_upsert *did,
			   struct errbuf *eb);

/*
 * Inserts or updates a membership by its natural key (NIK, employer, segment,
 * start date).  A KPJ already held by another membership is JR_ECONFLICT.
 */
jr_err store_membership_upsert(struct store *s, const struct membership *m, int64_t batch_id,
			       enum store_upsert *did, struct errbuf *eb);

/* The natural key of a membership. */
struct membership_key {
	int64_t person_nik;
	int64_t employer_id; /* 0: none */
	enum segment segment;
	struct date start;
};

/*
 * Finds the membership holding a KPJ: *found false when none.  Lets an import
 * refuse a row whose KPJ belongs to someone else before writing anything.
 */
jr_err store_kpj_holder(struct store *s, const char *kpj, struct membership_key *holder,
			bool *found, struct errbuf *eb);

/* A worker as exported: the person, one membership, its employer's NPP ("" none). */
struct store_worker {
	const struct person *person;
	const struct membership *membership;
	const char *employer_npp;
};
/* Calls fn for every membership with its person, in NIK then start order. */
jr_err store_workers_each(struct store *s, jr_err (*fn)(void *ctx, const struct store_worker *w),
			  void *ctx, struct errbuf *eb);

struct store_counts {
	int64_t employers, persons, memberships;
	int64_t active_by_segment[SEG_COUNT]; /* active on the as_of date */
	int64_t active;
};
/* Counts of the registry; active means start <= as_of and (no end or end >= as_of). */
jr_err store_counts(struct store *s, struct date as_of, struct store_counts *c,
		    struct errbuf *eb);

/* ---- backend contract ---- */

/* What a backend implements; store.c dispatches to it. */
struct store_ops {
	const char *name;
	void (*close)(struct store *s);
	jr_err (*exec)(struct store *s, const char *sql, struct errbuf *eb);
	jr_err (*region_count)(struct store *s, int64_t *n, struct errbuf *eb);
	jr_err (*region_put)(struct store *s, const char *code, int level, const char *name,
			     struct errbuf *eb);
	jr_err (*umk_put)(struct store *s, const char *regency_code, int year, int64_t amount_sen,
			  const char *decree, const char *confidence, const char *source,
			  struct errbuf *eb);
	jr_err (*kbli_put)(struct store *s, const char *code, const char *section, int level,
			   const char *title, struct errbuf *eb);
	jr_err (*meta_get)(struct store *s, const char *key, char *value, size_t size,
			   struct errbuf *eb);
	jr_err (*meta_set)(struct store *s, const char *key, const char *value, struct errbuf *eb);
	jr_err (*batch_add)(struct store *s, struct store_batch *b, struct errbuf *eb);
	jr_err (*batch_finish)(struct store *s, const struct store_batch *b, struct errbuf *eb);
	jr_err (*employer_upsert)(struct store *s, struct employer *e, int64_t batch_id,
				  enum store_upsert *did, struct errbuf *eb);
	jr_err (*employers_each)(struct store *s,
				 jr_err (*fn)(void *ctx, const struct employer *e), void *ctx,
				 struct errbuf *eb);
	jr_err (*person_upsert)(struct store *s, const struct person *p, enum store_upsert *did,
				struct errbuf *eb);
	jr_err (*membership_upsert)(struct store *s, const struct membership *m, int64_t batch_id,
				    enum store_upsert *did, struct errbuf *eb);
	jr_err (*kpj_holder)(struct store *s, const char *kpj, struct membership_key *holder,
			     bool *found, struct errbuf *eb);
	jr_err (*workers_each)(struct store *s,
			       jr_err (*fn)(void *ctx, const struct store_worker *w), void *ctx,
			       struct errbuf *eb);
	jr_err (*counts)(struct store *s, struct date as_of, struct store_counts *c,
			 struct errbuf *eb);
	void (*bulk_mode)(struct store *s, bool on);
};

/* Every backend's struct starts with this. */
struct store {
	const struct store_ops *ops;
	int schema_version;
};

/* The SQLite backend (sqlite.c). */
jr_err store_sqlite_open(const char *path, enum store_open_mode mode, struct store **out,
			 struct errbuf *eb);

#endif
