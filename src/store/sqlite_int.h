/*
 * sqlite_int.h - what the SQLite backend's files share: the connection
 * struct, the prepared-statement cache and the binding helpers.  Private to
 * src/store/; callers see only store.h.
 */
#ifndef JARING_STORE_SQLITE_INT_H
#define JARING_STORE_SQLITE_INT_H

#include "compat.h"

#include <sqlite3.h>

#include "store/store.h"

enum stmt_id {
	ST_REGION_COUNT,
	ST_REGION_PUT,
	ST_UMK_PUT,
	ST_KBLI_PUT,
	ST_META_GET,
	ST_META_SET,
	ST_BATCH_ADD,
	ST_BATCH_FINISH,
	ST_EMPLOYER_UPSERT,
	ST_EMPLOYER_ID,
	ST_EMPLOYERS_EACH,
	ST_PERSON_UPSERT,
	ST_MEMBERSHIP_UPSERT,
	ST_KPJ_OWNER,
	ST_WORKERS_EACH,
	ST_EMPLOYER_BRIEFS,
	ST_BILLS_EACH,
	ST_OPEN_BILLS_ALL,
	ST_OPEN_BILLS_PAYER,
	ST_OPEN_BILLS_KIND,
	ST_BILL_NEXT_ID,
	ST_BILL_UPDATE,
	ST_BILL_DELETE,
	ST_LINES_EACH,
	ST_LINE_REPLACE,
	ST_LINE_DELETE,
	ST_PAYMENT_FIND,
	ST_PAYMENT_INSERT,
	ST_PAYMENT_UNALLOCATED,
	ST_CREDITS_ALL,
	ST_CREDITS_PAYER,
	ST_ALLOCATION_INSERT,
	ST_PERSON_EXISTS,
	ST_BPU_INACTIVE,
	ST_MEMBERSHIP_ID,
	ST_MEMBERSHIP_COHORT,
	ST_PERSON_ACTIVE,
	ST_REGION_NAME,
	ST_COUNT
};

/* Statements of later aggregates (accounts, browse...) are cached by the
 * address of their static SQL text, so that each keeps its SQL in its own
 * file instead of growing stmt_id. */
#define SQ_CACHED_MAX 96

struct sqlite_store {
	struct store base;
	sqlite3 *db;
	sqlite3_stmt *stmt[ST_COUNT];
	struct {
		const char *sql;
		sqlite3_stmt *st;
	} cached[SQ_CACHED_MAX];
};

struct sqlite_store *sq(struct store *s);

jr_err db_error(struct sqlite_store *q, struct errbuf *eb, const char *what);

sqlite3_stmt *stmt_get(struct sqlite_store *q, enum stmt_id id, struct errbuf *eb);

/* Prepares a statement used a few times (finalize it); NULL with eb filled on failure. */
sqlite3_stmt *sq_prepare(struct sqlite_store *q, const char *sql, struct errbuf *eb);
/*
 * The prepared statement for sql (a string with static storage: its address
 * is the key), reset and with its bindings cleared; NULL with eb filled when
 * it does not prepare or the cache is full.
 */
sqlite3_stmt *stmt_cached(struct sqlite_store *q, const char *sql, struct errbuf *eb);

void bind_text_or_null(sqlite3_stmt *st, int i, const char *s);

void bind_int_or_null(sqlite3_stmt *st, int i, int64_t v);

void copy_col(sqlite3_stmt *st, int i, char *dst, size_t size);

bool col_date(sqlite3_stmt *st, int i, struct date *d);

jr_err step_upsert(struct sqlite_store *q, sqlite3_stmt *st, enum store_upsert *did,
			  struct errbuf *eb, const char *what);

jr_err sq_exec(struct store *s, const char *sql, struct errbuf *eb);

jr_err sq_kbli_put(struct store *s, const char *code, const char *section, int level,
			  const char *title, struct errbuf *eb);

jr_err sq_workers_each(struct store *s, jr_err (*fn)(void *ctx, const struct store_worker *w),
			      void *ctx, struct errbuf *eb);

jr_err sq_counts(struct store *s, struct date as_of, struct store_counts *c,
			struct errbuf *eb);

jr_err sq_umk_put(struct store *s, const char *regency_code, int year, int64_t amount_sen,
			 const char *decree, const char *confidence, const char *source,
			 struct errbuf *eb);

jr_err sq_person_upsert(struct store *s, const struct person *p, enum store_upsert *did,
			       struct errbuf *eb);

jr_err sq_region_count(struct store *s, int64_t *n, struct errbuf *eb);

jr_err sq_batch_add(struct store *s, struct store_batch *b, struct errbuf *eb);

jr_err sq_employer_upsert(struct store *s, struct employer *e, int64_t batch_id,
				 enum store_upsert *did, struct errbuf *eb);

jr_err sq_membership_upsert(struct store *s, const struct membership *m, int64_t batch_id,
				   enum store_upsert *did, struct errbuf *eb);

jr_err sq_batch_finish(struct store *s, const struct store_batch *b, struct errbuf *eb);

jr_err sq_meta_set(struct store *s, const char *key, const char *value, struct errbuf *eb);

jr_err sq_meta_get(struct store *s, const char *key, char *value, size_t size,
			  struct errbuf *eb);

jr_err sq_kpj_holder(struct store *s, const char *kpj, struct membership_key *holder,
			    bool *found, struct errbuf *eb);

jr_err sq_employers_each(struct store *s, jr_err (*fn)(void *ctx, const struct employer *e),
				void *ctx, struct errbuf *eb);

jr_err sq_region_put(struct store *s, const char *code, int level, const char *name,
			    struct errbuf *eb);

jr_err sq_bill_lines_each(struct store *s, int period,
				 jr_err (*fn)(void *ctx, const struct store_bill_line *l), void *ctx,
				 struct errbuf *eb);

jr_err sq_bills_each(struct store *s, int period,
			    jr_err (*fn)(void *ctx, const struct store_bill *b), void *ctx,
			    struct errbuf *eb);

jr_err sq_bill_update(struct store *s, const struct store_bill *b, struct errbuf *eb);

jr_err sq_payment_find(struct store *s, const char *reference, struct store_payment *p,
			      bool *found, struct errbuf *eb);

jr_err sq_bill_line_replace(struct store *s, int period, const struct store_bill_line *l,
				   struct errbuf *eb);

jr_err sq_billable_load(struct store *s, struct date first, struct date last,
			       struct store_billable **out, size_t *n, struct errbuf *eb);

jr_err sq_open_bills_each(struct store *s, enum payer_kind kind, int64_t payer_ref,
				 jr_err (*fn)(void *ctx, const struct store_bill *b), void *ctx,
				 struct errbuf *eb);

jr_err sq_bill_lines_insert(struct store *s, int period,
				   const struct store_bill_line *(*next)(void *ctx), void *ctx,
				   struct errbuf *eb);

jr_err sq_bill_line_delete(struct store *s, int period, int64_t membership_id,
				  struct errbuf *eb);

jr_err sq_payment_set_unallocated(struct store *s, int64_t id, int64_t unallocated_sen,
					 struct errbuf *eb);

jr_err sq_bpu_set_inactive(struct store *s, int64_t person_nik, const struct date *since,
				  struct errbuf *eb);

jr_err sq_employer_briefs_each(struct store *s,
				      jr_err (*fn)(void *ctx, const struct store_employer_brief *e),
				      void *ctx, struct errbuf *eb);

jr_err sq_payment_insert(struct store *s, struct store_payment *p, struct errbuf *eb);

jr_err sq_bill_delete(struct store *s, int64_t id, struct errbuf *eb);

jr_err sq_allocation_insert(struct store *s, const struct store_allocation *a,
				   struct errbuf *eb);

jr_err sq_credits_each(struct store *s, enum payer_kind kind, int64_t payer_ref,
			      jr_err (*fn)(void *ctx, const struct store_payment *p), void *ctx,
			      struct errbuf *eb);

jr_err sq_bills_insert(struct store *s, struct store_bill *(*next)(void *ctx), void *ctx,
			      struct errbuf *eb);

jr_err sq_payer_find(struct store *s, const char *code, enum payer_kind kind,
			    enum payer_kind *found_kind, int64_t *ref, int *matches,
			    struct errbuf *eb);

jr_err sq_bill_next_id(struct store *s, int64_t *id, struct errbuf *eb);

#endif
