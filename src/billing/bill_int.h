/*
 * bill_int.h - the bill run's working state, shared by bill.c (classifying,
 * pricing, writing) and bill_read.c (reading what the run starts from).
 * Private to src/billing/.
 */
#ifndef JARING_BILLING_BILL_INT_H
#define JARING_BILLING_BILL_INT_H

#include "compat.h"

#include <pthread.h>

#include "billing/bill.h"
#include "billing/payments.h"
#include "billing/terms.h"

/* The PP 49/2020 relief months: contribution months Aug 2020 - Jan 2021. */
#define PP49_FIRST 202008
#define PP49_LAST 202101

/* ---- a small open-addressing map from int64 keys (never 0) to indexes ---- */

struct i64map {
	int64_t *key;
	size_t *val;
	size_t cap, n;
};








/* ---- the run's state ---- */

struct employer_info {
	int64_t id;
	int risk_group;
	char kbli[KBLI_SIZE];
	int participants; /* PU memberships active in the month */
};

enum member_state {
	M_PRICE = 0, /* to be priced: becomes M_LINE or M_INVALID */
	M_LINE,
	M_INVALID,
	M_LAPSED,    /* BPU non-active on the first day of the month */
	M_PMI,
	M_PROJECT,   /* JAKON without a wage */
};

/* A membership of the month: 16 bytes, a million of them. */
struct member {
	uint32_t billable; /* index into run.billable */
	uint32_t bill;     /* index into run.bill */
	uint8_t state;     /* enum member_state */
};

/* A bill of the month, stored already or new. */
struct bill_acc {
	int64_t payer_ref;
	int64_t id;               /* stored, or given in advance to a new bill */
	int64_t lines, total_sen; /* after the run */
	uint32_t stored;          /* index into run.stored, or NO_STORED for a new bill */
	uint8_t kind;             /* enum payer_kind */
	bool frozen;              /* has received money: its lines never change */
};
#define NO_STORED UINT32_MAX

/* An unpaid bill of a participant, for the BPU lapse rule. */
struct unpaid {
	int64_t nik;
	struct date due;
};

struct issue {
	size_t member;
	char reason[sizeof(((struct errbuf *)0)->msg)];
};

/*
 * Members are priced in chunks, claimed in order by whichever thread is
 * free; a chunk's lines live until the writer has passed it.
 */
#define CHUNK 4096

struct chunk {
	bool done; /* under run.mu */
	struct store_bill_line *line; /* CHUNK of them, by member */
	struct issue *issue;
	size_t nissue, capissue;
	bool nomem;
};

struct run {
	struct store *s;
	const struct rates *rates;
	const struct bill_opts *o;
	struct bill_summary *sum;
	struct errbuf *eb;
	int year, month;

	struct employer_info *emp; /* in id order */
	size_t nemp, capemp;

	struct store_billable *billable; /* the month's memberships, in id order */
	struct member *mem;
	size_t nmem;

	struct bill_acc *bill;
	size_t nbill, capbill;
	struct i64map by_payer;   /* payer_key -> bill index */
	struct i64map by_bill_id; /* stored bill id -> bill index */
	struct store_bill *stored; /* the month's bills as stored */
	size_t nstored, capstored;

	struct store_bill_line *old; /* the month's lines as stored, in membership order */
	size_t nold, capold;
	struct store_bill_line *replace; /* stored lines to rewrite */
	size_t nreplace, capreplace;

	struct unpaid *unpaid; /* by participant, as the store gives them */
	size_t nunpaid, capunpaid;

	/* PP 49/2020 months: payers with contributions before August 2020 unpaid */
	struct i64map in_arrears;

	/* pricing */
	struct chunk *chunk;
	size_t nchunks, next_chunk; /* next_chunk under mu */
	pthread_mutex_t mu;
	pthread_cond_t cv;
};


#define RESERVE(arr, cap, n) bill_reserve((void **)&(arr), &(cap), (n), sizeof(*(arr)))

bool i64map_put(struct i64map *m, int64_t key, size_t val);

bool i64map_get(const struct i64map *m, int64_t key, size_t *val);

void i64map_free(struct i64map *m);

int64_t bill_payer_key(enum payer_kind kind, int64_t ref);

bool bill_reserve(void **arr, size_t *cap, size_t n, size_t elem);

jr_err bill_nomem(struct errbuf *eb);

jr_err bill_add_employer(void *ctx, const struct store_employer_brief *e);

struct employer_info *bill_find_employer(const struct run *r, int64_t id);

jr_err bill_add_unpaid(void *ctx, const struct store_bill *b);

bool bill_lapsed_on(const struct run *r, int64_t nik, struct date day,
		      const struct date *extra, struct date *since);

jr_err bill_add_pp49_arrears(void *ctx, const struct store_bill *b);

jr_err bill_add_stored_bill(void *ctx, const struct store_bill *b);

jr_err bill_add_old_line(void *ctx, const struct store_bill_line *l);

#endif
