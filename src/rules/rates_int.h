/*
 * rates_int.h - the rate table's internal form, shared by rates.c (building
 * and checking the table) and iuran.c (applying it).  Private to src/rules/.
 */
#ifndef JARING_RULES_RATES_INT_H
#define JARING_RULES_RATES_INT_H

#include "compat.h"
#include "rules/iuran.h"

__extension__ typedef unsigned __int128 u128;
__extension__ typedef __int128 s128;

_Static_assert(sizeof(((struct iuran_line *)0)->rule) >= sizeof(((struct rate_row *)0)->rule),
	       "a line's rule holds its row's rule");

#define PPM 1000000
#define MONTH_KEY(y, m) ((y) * 12 + (m) - 1)
/* Contributions under BPJS Ketenagakerjaan start with PP 44/2015 on 1 July 2015. */
#define FIRST_MONTH MONTH_KEY(2015, 7)
#define PMI_MAX_MONTHS 240
#define KBLI_PREFIX_MAX 12

enum {
	C_KBLI = 1 << 0,
	C_KBLI_NOT = 1 << 1,
	C_MIN_PARTICIPANTS = 1 << 2,
	C_PAYER_NOT = 1 << 3,
	C_PAID_UP = 1 << 4,
	C_DEFERRED = 1 << 5,
	C_PRE_DEPARTURE = 1 << 6,
	C_MONTHS = 1 << 7,
	C_EXTRA_MONTH = 1 << 8,
};
#define C_MATCHING (C_KBLI | C_KBLI_NOT | C_MIN_PARTICIPANTS | C_PAYER_NOT | C_PAID_UP)
#define C_PMI (C_PRE_DEPARTURE | C_MONTHS | C_EXTRA_MONTH)

/* A row's condition, parsed once when the row is added. */
struct cond {
	unsigned flags;
	int nkbli;
	char kbli[KBLI_PREFIX_MAX][KBLI_SIZE];
	int min_participants;
	unsigned payer_not; /* bits 1 << enum payer_source */
	int months;
};

/* Rows grouped for overlap checks and lookups: amounts, caps, discounts. */
enum row_class { CLASS_AMOUNT, CLASS_CONTRACT, CLASS_CAP, CLASS_DISCOUNT };

struct rate_entry {
	struct rate_row row;
	int from_m, to_m; /* month keys, inclusive */
	enum row_class cls;
	struct cond cond;
	char rate_text[16];
};

#define NPROG 32 /* program bit sets 0..31 */

struct rates {
	struct rate_entry *e;
	size_t n, cap;
	bool finished;
	/* after rates_finish: the rows of (segment, program set, class) are
	 * e[start .. start+count): sorted that way, so each range is contiguous */
	uint32_t start[SEG_COUNT][NPROG][4], count[SEG_COUNT][NPROG][4];
};

void format_percent(int64_t x, char buf[static 16]);

bool cond_holds(const struct cond *cd, const struct iuran_case *c);

jr_err conflict(const struct rate_entry *x, const struct rate_entry *y, const char *what,
		       struct errbuf *eb);

#endif
