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
struct store_licensing_ops;

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

/* ---- billing (002_billing.sql; docs/rules.md "Bills, payments, arrears") ---- */

/* Who pays a bill. */
enum payer_kind {
	PAYER_KIND_NONE = 0,
	PAYER_KIND_EMPLOYER,    /* PU, JAKON: the employer; payer_ref = employers.id */
	PAYER_KIND_PARTICIPANT, /* BPU: the participant; payer_ref = persons.nik */
	PAYER_KIND_PARTNER,     /* a partner paying for a cohort; payer_ref = its id */
	PAYER_KIND_COUNT
};
/* "employer", "participant", "partner"; "" for NONE. */
const char *payer_kind_name(enum payer_kind k);
/* The names above and their Indonesian forms (pemberi_kerja, peserta, mitra); NONE if unknown. */
enum payer_kind payer_kind_parse(const char *s, size_t len);

/* What pricing needs of an employer. */
struct store_employer_brief {
	int64_t id;
	int risk_group;              /* 0: unknown */
	char kbli[KBLI_SIZE];
};
/* Calls fn for every employer, in id order. */
jr_err store_employer_briefs_each(struct store *s,
				  jr_err (*fn)(void *ctx, const struct store_employer_brief *e),
				  void *ctx, struct errbuf *eb);

/* A membership as the bill run needs it. */
struct store_billable {
	int64_t membership_id;
	int64_t person_nik;
	int64_t employer_id;         /* 0: none */
	enum segment segment;
	int64_t wage_sen;            /* PU wage; BPU declared income */
	unsigned programs;
	enum payer_kind payer_kind;  /* NONE: the default payer of the segment */
	int64_t payer_ref;
	bool inactive;               /* BPU non-active (inactive_since set) */
	/* Paid by a partner from a regional budget: its cohort's agreement is
	 * funded SG or SA (agreement_funding_is_apbd in partners/partners.c). */
	bool apbd_funded;
};
/*
 * Loads every membership active on some day of first..last, in id order,
 * into *out (*n of them; the caller frees *out with free()).  A large table
 * is read by two threads, the second on a connection of its own, which sees
 * what is committed: call it before the transaction has written anything.
 */
jr_err store_billable_load(struct store *s, struct date first, struct date last,
			   struct store_billable **out, size_t *n, struct errbuf *eb);

/* The payer's code as people know it: NPP, NIK, or the partner's id. */
#define PAYER_CODE_SIZE 24

struct store_bill {
	int64_t id;
	int period;                  /* YYYYMM */
	enum payer_kind payer_kind;
	int64_t payer_ref;
	char payer_code[PAYER_CODE_SIZE]; /* filled by reads */
	struct date due;
	int64_t fine_ppm;            /* per month of delay; 0: no fine */
	int64_t lines, total_sen, paid_sen, fine_sen, fine_paid_sen;
};
/* Calls fn for every bill of a period, by payer kind then payer (employer id, NIK). */
jr_err store_bills_each(struct store *s, int period,
			jr_err (*fn)(void *ctx, const struct store_bill *b), void *ctx,
			struct errbuf *eb);
/*
 * Calls fn for every bill with something unpaid (contribution or fine), by
 * payer then period: of every payer (kind NONE), of every payer of a kind
 * (payer_ref 0), or of one payer.
 */
jr_err store_open_bills_each(struct store *s, enum payer_kind kind, int64_t payer_ref,
			     jr_err (*fn)(void *ctx, const struct store_bill *b), void *ctx,
			     struct errbuf *eb);
/* The id the next new bill would get (one more than the largest, 1 at first). */
jr_err store_bill_next_id(struct store *s, int64_t *id, struct errbuf *eb);
/*
 * Inserts bills handed over one at a time by next (NULL ends), in one
 * statement: each with its id when it has one (numbered by the caller from
 * store_bill_next_id), else with the next free id, which is set.  Bills in
 * period then payer order are written fastest.  A second bill for the same
 * payer and period, or an id in use, is JR_ECONFLICT.
 */
jr_err store_bills_insert(struct store *s, struct store_bill *(*next)(void *ctx), void *ctx,
			  struct errbuf *eb);
/* Writes lines, total_sen, paid_sen, fine_sen and fine_paid_sen of bill b->id. */
jr_err store_bill_update(struct store *s, const struct store_bill *b, struct errbuf *eb);
/* Deletes a bill that has no lines and no payment. */
jr_err store_bill_delete(struct store *s, int64_t id, struct errbuf *eb);

/* Programs in a line's amount array, in enum program bit order. */
#define BILL_PROGRAMS 5

struct store_bill_line {
	int64_t membership_id;
	int64_t bill_id;
	unsigned programs;
	int64_t base_sen;
	int64_t program_sen[BILL_PROGRAMS]; /* JKK, JKM, JHT, JP, JKP */
	int64_t worker_sen;
	int64_t total_sen;
};
/* Calls fn for every line of a period, in membership order. */
jr_err store_bill_lines_each(struct store *s, int period,
			     jr_err (*fn)(void *ctx, const struct store_bill_line *l), void *ctx,
			     struct errbuf *eb);
/*
 * Inserts new lines of a period handed over one at a time by next (NULL
 * ends), in one statement: a million lines in membership order cost one
 * pass over the table's end.  A line already there is JR_ECONFLICT.
 */
jr_err store_bill_lines_insert(struct store *s, int period,
			       const struct store_bill_line *(*next)(void *ctx), void *ctx,
			       struct errbuf *eb);
/* Rewrites the line of the same period and membership. */
jr_err store_bill_line_replace(struct store *s, int period, const struct store_bill_line *l,
			       struct errbuf *eb);
jr_err store_bill_line_delete(struct store *s, int period, int64_t membership_id,
			      struct errbuf *eb);

/* Longest payment reference kept (bytes). */
#define PAYMENT_REF_MAX 64

struct store_payment {
	int64_t id;
	char reference[PAYMENT_REF_MAX + 1];
	enum payer_kind payer_kind;
	int64_t payer_ref;
	int period;                  /* what the payer wrote, YYYYMM */
	int64_t amount_sen;
	struct date paid_on;
	int64_t unallocated_sen;     /* credit left */
	int64_t batch_id;            /* 0: none */
};
/* Finds a payment by reference; *found false when none. */
jr_err store_payment_find(struct store *s, const char *reference, struct store_payment *p,
			  bool *found, struct errbuf *eb);
/* Inserts a payment (p->id set); a reference already used is JR_ECONFLICT. */
jr_err store_payment_insert(struct store *s, struct store_payment *p, struct errbuf *eb);
jr_err store_payment_set_unallocated(struct store *s, int64_t id, int64_t unallocated_sen,
				     struct errbuf *eb);
/*
 * Calls fn for every payment with credit left, by payer, date and id; only
 * those of one payer when kind is not NONE.
 */
jr_err store_credits_each(struct store *s, enum payer_kind kind, int64_t payer_ref,
			  jr_err (*fn)(void *ctx, const struct store_payment *p), void *ctx,
			  struct errbuf *eb);

struct store_allocation {
	int64_t payment_id, bill_id;
	int64_t contribution_sen;    /* contribution paid */
	int months_late;             /* of that contribution */
	int64_t fine_sen;            /* fine assessed for it */
	int64_t fine_paid_sen;       /* fines of the bill paid */
};
jr_err store_allocation_insert(struct store *s, const struct store_allocation *a,
			       struct errbuf *eb);

/*
 * Finds who a payer code names: an employer by NPP, a participant by NIK
 * (a person on file).  kind NONE tries both; *matches is how many matched
 * (0, 1, or 2 when an NPP and a NIK are the same digits) and *found_kind,
 * *ref the first match.
 */
jr_err store_payer_find(struct store *s, const char *code, enum payer_kind kind,
			enum payer_kind *found_kind, int64_t *ref, int *matches, struct errbuf *eb);

/* Marks the BPU memberships of a person non-active since *since, or active again (NULL). */
jr_err store_bpu_set_inactive(struct store *s, int64_t person_nik, const struct date *since,
			      struct errbuf *eb);

/* ---- backend contract ---- */

struct store_partner_ops;
struct store_coverage_ops;

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
	/* billing */
	jr_err (*employer_briefs_each)(struct store *s,
				       jr_err (*fn)(void *ctx, const struct store_employer_brief *e),
				       void *ctx, struct errbuf *eb);
	jr_err (*billable_load)(struct store *s, struct date first, struct date last,
				struct store_billable **out, size_t *n, struct errbuf *eb);
	jr_err (*bills_each)(struct store *s, int period,
			     jr_err (*fn)(void *ctx, const struct store_bill *b), void *ctx,
			     struct errbuf *eb);
	jr_err (*open_bills_each)(struct store *s, enum payer_kind kind, int64_t payer_ref,
				  jr_err (*fn)(void *ctx, const struct store_bill *b), void *ctx,
				  struct errbuf *eb);
	jr_err (*bill_next_id)(struct store *s, int64_t *id, struct errbuf *eb);
	jr_err (*bills_insert)(struct store *s, struct store_bill *(*next)(void *ctx), void *ctx,
			       struct errbuf *eb);
	jr_err (*bill_update)(struct store *s, const struct store_bill *b, struct errbuf *eb);
	jr_err (*bill_delete)(struct store *s, int64_t id, struct errbuf *eb);
	jr_err (*bill_lines_each)(struct store *s, int period,
				  jr_err (*fn)(void *ctx, const struct store_bill_line *l),
				  void *ctx, struct errbuf *eb);
	jr_err (*bill_lines_insert)(struct store *s, int period,
				    const struct store_bill_line *(*next)(void *ctx), void *ctx,
				    struct errbuf *eb);
	jr_err (*bill_line_replace)(struct store *s, int period, const struct store_bill_line *l,
				    struct errbuf *eb);
	jr_err (*bill_line_delete)(struct store *s, int period, int64_t membership_id,
				   struct errbuf *eb);
	jr_err (*payment_find)(struct store *s, const char *reference, struct store_payment *p,
			       bool *found, struct errbuf *eb);
	jr_err (*payment_insert)(struct store *s, struct store_payment *p, struct errbuf *eb);
	jr_err (*payment_set_unallocated)(struct store *s, int64_t id, int64_t unallocated_sen,
					  struct errbuf *eb);
	jr_err (*credits_each)(struct store *s, enum payer_kind kind, int64_t payer_ref,
			       jr_err (*fn)(void *ctx, const struct store_payment *p), void *ctx,
			       struct errbuf *eb);
	jr_err (*allocation_insert)(struct store *s, const struct store_allocation *a,
				    struct errbuf *eb);
	jr_err (*payer_find)(struct store *s, const char *code, enum payer_kind kind,
			     enum payer_kind *found_kind, int64_t *ref, int *matches,
			     struct errbuf *eb);
	jr_err (*bpu_set_inactive)(struct store *s, int64_t person_nik, const struct date *since,
				   struct errbuf *eb);
	/* one table per later aggregate (store/<aggregate>.h) */
	const struct store_partner_ops *partners;
	const struct store_coverage_ops *coverage;
	const struct store_licensing_ops *licensing; /* store/licensing.h */
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
