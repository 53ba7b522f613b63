/*
 * date.h - calendar dates (proleptic Gregorian), pure functions.
 *
 * Dates from users come as YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY; Jaring keeps
 * them as struct date and writes them as ISO YYYY-MM-DD (sortable text in SQL).
 */
#ifndef JARING_CORE_DATE_H
#define JARING_CORE_DATE_H

#include "compat.h"
#include "core/err.h"

struct date {
	int year;  /* 1..9999 */
	int month; /* 1..12 */
	int day;   /* 1..31 */
};

/* Length of the ISO form plus NUL: "2024-02-29". */
#define DATE_ISO_SIZE 11

bool date_is_leap(int year);
/* Days in the month; 0 when month is outside 1..12. */
int date_days_in_month(int year, int month);
/* True when y-m-d is a real calendar day in 1..9999 (29 Feb only in leap years). */
bool date_valid(int year, int month, int day);

/*
 * Parses s[0..len) as YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY (one- or two-digit
 * day and month are accepted in the DD forms; surrounding spaces are trimmed).
 * On failure returns JR_EPARSE (shape) or JR_EINVALID (no such day) and says
 * why in eb.  The whole string must be consumed.
 */
jr_err date_parse(const char *s, size_t len, struct date *out, struct errbuf *eb);

/* Writes "YYYY-MM-DD" into buf (size >= DATE_ISO_SIZE). */
void date_format_iso(struct date d, char buf[static DATE_ISO_SIZE]);

/* <0, 0, >0 as a is before, equal to, after b. */
int date_cmp(struct date a, struct date b);

/* Days since 1970-01-01 (negative before), and back. */
int64_t date_to_days(struct date d);
struct date date_from_days(int64_t days);

/* Adds n months, clamping the day to the month's end (31 Jan + 1 = 28/29 Feb). */
struct date date_add_months(struct date d, int n);

#endif
