/*
 * potential.h - what a lead is worth: the workers it could register and the
 * contributions they would pay a month.
 *
 * A business that should be registered and is not (PWBD candidate) is priced
 * as a PU employer by the contributions engine (rules/iuran.h): each of its
 * declared workers at the higher of the declared average wage and the
 * regency's UMK (PP 36/2021: no wage below the minimum), at the usual JKK
 * risk group of its KBLI section (data/jkk_risk_by_sector.csv, an
 * assumption: BPJS sets the real group per employer at registration), with
 * the programs its size must enrol (Perpres 109/2013 Pasal 6, size by worker
 * count).  Pure: no I/O.  Rules: docs/rules.md "Leads".
 */
#ifndef JARING_LEADS_POTENTIAL_H
#define JARING_LEADS_POTENTIAL_H

#include "compat.h"
#include "core/date.h"
#include "core/err.h"
#include "core/model.h"
#include "rules/iuran.h"

/* The usual JKK risk group per KBLI 2020 section A..U (index letter - 'A'). */
struct sector_risk {
	int group[26]; /* 0: no such section */
};

/* The KBLI 2020 section letter of a 2..5-digit code ("13134" -> 'C'); 0 when unknown. */
char kbli_section(const char *kbli);

/*
 * The size class of a business by its workers (BPS: micro 1-4, small 5-19,
 * medium 20-99, large 100 and more); SCALE_NONE for 0.
 */
enum scale scale_by_workers(int64_t workers);

struct potential_in {
	const char *kbli;       /* "" unknown: risk group I (the lowest: the estimate is a floor) */
	int64_t employees;      /* declared; -1 unknown: 1 (the owner's first worker) */
	int64_t avg_wage_sen;   /* declared; -1 unknown */
	int64_t umk_sen;        /* the regency's UMK; 0 unknown */
	int year, month;        /* the contribution month priced */
};

struct potential {
	int64_t workers;
	int risk_group;
	unsigned programs;
	int64_t wage_sen;       /* the wage priced; 0 when neither wage nor UMK is known */
	int64_t per_worker_sen; /* a month, employer + worker shares */
	int64_t monthly_sen;    /* per_worker_sen x workers */
};

/*
 * Prices a lead.  JR_EOK with monthly_sen 0 when no wage is known; the
 * engine's error (JR_EINVALID, eb) when it cannot price the month.
 */
jr_err lead_potential(const struct rates *rates, const struct sector_risk *sr,
		      const struct potential_in *in, struct potential *out, struct errbuf *eb);

#endif
