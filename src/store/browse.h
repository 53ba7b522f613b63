/*
 * browse.h - the reads behind the web pages: registry search, a person with
 * memberships and bills, an employer with its workers, bills by payer,
 * period and status.  Paged by a key (the last one seen) so that a page
 * costs the same at the start and at the end of a large table.
 *
 * Rows come out as records of named fields (the names are the JSON field
 * names of docs/api.yaml), so that the server renders them without knowing
 * the schema.  A partner scope limits rows to what a partner user may see:
 * its partner and the partners below it, their units (employers), the
 * people they pay for or employ, and their bills (docs/rules.md "Accounts,
 * roles and sessions").
 */
#ifndef JARING_STORE_BROWSE_H
#define JARING_STORE_BROWSE_H

#include "compat.h"
#include "store/store.h"

enum store_field_type { STORE_FIELD_NULL = 0, STORE_FIELD_INT, STORE_FIELD_TEXT };

struct store_field {
	const char *name;
	enum store_field_type type;
	int64_t i;
	const char *s; /* valid during the callback only */
};

struct store_record {
	size_t n;
	const struct store_field *field;
};

typedef jr_err (*store_record_fn)(void *ctx, const struct store_record *r);

/* What a list asks for. */
struct store_browse_query {
	const char *q;          /* search text ("" or NULL: everything) */
	int64_t after;          /* the key of the last row of the previous page; 0: first page */
	int64_t limit;          /* rows wanted (the caller asks one more to know if more follow) */
	int64_t partner;        /* 0: no scope; else only what this partner may see */
	/* bills */
	enum payer_kind payer_kind; /* NONE: any */
	int64_t payer_ref;          /* 0: any */
	int period;                 /* YYYYMM; 0: any */
	int status;                 /* 0 any, 1 open (something unpaid), 2 paid */
};

/* Largest number of fields in a record. */
#define STORE_RECORD_MAX 24

/*
 * Opens a read transaction: the reads until store_browse_end see one
 * snapshot, and pay for the database's locks once instead of per statement
 * (a page makes several reads).  Not inside another transaction.
 */
jr_err store_browse_begin(struct store *s, struct errbuf *eb);
void store_browse_end(struct store *s);

/*
 * Persons by NIK (16 digits), KPJ or name (part of it, any case), in NIK
 * order, each record keyed by "nik".
 */
jr_err store_browse_persons(struct store *s, const struct store_browse_query *q,
			    store_record_fn fn, void *ctx, struct errbuf *eb);
/* One person; fn is not called when there is none. */
jr_err store_browse_person(struct store *s, int64_t nik, store_record_fn fn, void *ctx,
			   struct errbuf *eb);
/* Whether a partner may see a person (see the header comment). */
jr_err store_browse_person_in_scope(struct store *s, int64_t nik, int64_t partner, bool *in,
				    struct errbuf *eb);
/* Whether a partner may see an employer (one of its units). */
jr_err store_browse_employer_in_scope(struct store *s, int64_t id, int64_t partner, bool *in,
				      struct errbuf *eb);
/* A person's memberships, by employer, segment and start date, with their employer's NPP and name. */
jr_err store_browse_person_memberships(struct store *s, int64_t nik, store_record_fn fn,
				       void *ctx, struct errbuf *eb);
/* The bills of a payer, newest period first (at most q->limit; q->payer_* set). */
jr_err store_browse_bills(struct store *s, const struct store_browse_query *q, store_record_fn fn,
			  void *ctx, struct errbuf *eb);

/* Employers by NPP, NIB or name, in id order, keyed by "id". */
jr_err store_browse_employers(struct store *s, const struct store_browse_query *q,
			      store_record_fn fn, void *ctx, struct errbuf *eb);
jr_err store_browse_employer(struct store *s, int64_t id, store_record_fn fn, void *ctx,
			     struct errbuf *eb);
/* An employer's memberships (q->payer_ref is the employer id), keyed by "membership_id". */
jr_err store_browse_employer_workers(struct store *s, const struct store_browse_query *q,
				     store_record_fn fn, void *ctx, struct errbuf *eb);

struct store_browse_ops {
	jr_err (*begin)(struct store *s, struct errbuf *eb);
	void (*end)(struct store *s);
	jr_err (*persons)(struct store *s, const struct store_browse_query *q, store_record_fn fn,
			  void *ctx, struct errbuf *eb);
	jr_err (*person)(struct store *s, int64_t nik, store_record_fn fn, void *ctx,
			 struct errbuf *eb);
	jr_err (*person_in_scope)(struct store *s, int64_t nik, int64_t partner, bool *in,
				  struct errbuf *eb);
	jr_err (*employer_in_scope)(struct store *s, int64_t id, int64_t partner, bool *in,
				    struct errbuf *eb);
	jr_err (*person_memberships)(struct store *s, int64_t nik, store_record_fn fn, void *ctx,
				     struct errbuf *eb);
	jr_err (*bills)(struct store *s, const struct store_browse_query *q, store_record_fn fn,
			void *ctx, struct errbuf *eb);
	jr_err (*employers)(struct store *s, const struct store_browse_query *q, store_record_fn fn,
			    void *ctx, struct errbuf *eb);
	jr_err (*employer)(struct store *s, int64_t id, store_record_fn fn, void *ctx,
			   struct errbuf *eb);
	jr_err (*employer_workers)(struct store *s, const struct store_browse_query *q,
				   store_record_fn fn, void *ctx, struct errbuf *eb);
};

extern const struct store_browse_ops sqlite_browse_ops;

#endif
