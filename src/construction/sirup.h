/*
 * sirup.h - one record of an LKPP procurement file (SiRUP plan or SPSE
 * tender export), and the construction rules applied to it.
 *
 * Pure: a row is checked and turned into a struct sirup_package or rejected
 * with its issues (line, column, value, reason in Bahasa Indonesia); the
 * JAKON contribution and the worker estimate are computed from the rate
 * table the caller loaded.  No I/O.  Columns: docs/formats.md "Procurement
 * (SiRUP)"; rules: docs/rules.md "Construction from procurement data".
 *
 * LKPP's quirks handled here: amounts written with a decimal point and one
 * or two decimals ("1499321187.61"), or the Indonesian way; a tender for
 * several plan entries writes them in one kd_rup field separated by ';'
 * (unquoted, inside a comma-separated file); a plan entry tendered again
 * after a failed tender appears once per tender.
 */
#ifndef JARING_CONSTRUCTION_SIRUP_H
#define JARING_CONSTRUCTION_SIRUP_H

#include "compat.h"
#include "core/model.h"
#include "core/money.h"
#include "ingest/columns.h"
#include "ingest/rows.h"
#include "rules/iuran.h"

/* Up to this many plan codes in one tender, each up to 12 digits. */
#define SIRUP_CODES_MAX 16
#define SIRUP_CODE_DIGITS 12
#define SIRUP_KD_RUP_SIZE (SIRUP_CODES_MAX * (SIRUP_CODE_DIGITS + 1))

enum sirup_col {
	SC_KD_RUP, SC_NAME, SC_OWNER, SC_YEAR, SC_KIND, SC_PAGU, SC_HPS, SC_CONTRACT,
	SC_OWNER_CODE, SC_KLPD, SC_STATUS, SC_LOCATION, SC_ANNOUNCED, SC_CREATED, SC_COUNT
};
extern const struct column_def sirup_columns[SC_COUNT];

enum sirup_value_source { SIRUP_VALUE_CONTRACT = 1, SIRUP_VALUE_HPS, SIRUP_VALUE_PAGU };

/* "contract", "hps", "pagu". */
const char *sirup_value_source_name(enum sirup_value_source v);

struct sirup_package {
	size_t line;
	char kd_rup[SIRUP_KD_RUP_SIZE];   /* codes sorted ascending, joined by ';' */
	char name[TEXT_MAX_BYTES + 1];
	char owner[NAME_MAX_BYTES + 1];   /* nama_satker */
	char owner_code[40];
	char klpd[NAME_MAX_BYTES + 1];
	int year;                         /* tahun_anggaran */
	char kind[80];                    /* jenis_pengadaan as written */
	bool construction;                /* "Pekerjaan Konstruksi" */
	int64_t pagu_sen, hps_sen, contract_sen; /* -1: not given */
	int64_t value_sen;
	enum sirup_value_source value_source;
	char status[40];
	bool failed;                      /* the tender failed or was cancelled */
	char location[TEXT_MAX_BYTES + 1];
	struct date priced_on;            /* first day of the month the rates are taken from */
	/* Filled by sirup_price: */
	int64_t expected_sen;             /* JAKON contribution on value_sen */
	int64_t expected_workers;
};

struct sirup_ctx {
	const struct column_map *map;
	void (*on_issue)(void *ctx, const struct row_issue *issue);
	void *issue_ctx;
};

/*
 * Checks a row into *p; false (issues reported) when rejected.  A row of
 * another kind of procurement is checked too; p->construction tells.
 */
bool sirup_row(const struct sirup_ctx *c, const struct csvrecord *rec, struct sirup_package *p);

/*
 * Parses a kd_rup field ("56168859;56168861 56168878"): codes of 1 to 12
 * digits separated by ';', ',' or spaces, written sorted and without
 * repeats into out.  JR_EINVALID with the reason when empty or malformed.
 */
jr_err sirup_codes_parse(const char *s, size_t len, char out[static SIRUP_KD_RUP_SIZE],
			 struct errbuf *eb);

/* True when the ';'-joined list holds code. */
bool sirup_codes_contain(const char *list, const char *code);

/*
 * An LKPP amount: what money_parse accepts, and a decimal point followed by
 * more than two decimals (rounded half up to the sen).  Negative: JR_EINVALID.
 */
jr_err sirup_money_parse(const char *s, size_t len, int64_t *sen, struct errbuf *eb);

/*
 * Which of a row's two tenders for one plan entry is kept: the later one,
 * unless it failed and the earlier did not.  True when `later` replaces `kept`.
 */
bool sirup_supersedes(const struct sirup_package *kept, const struct sirup_package *later);

/*
 * Rupiah of contract value per construction worker expected on a project
 * (docs/rules.md "Expected construction workers"): a labour share of about
 * 25 % of the contract value, paid at about Rp3.5 million a month for about
 * seven months, gives Rp24.5 million of wages per worker, i.e. one worker for
 * each Rp100 million of contract value.
 */
#define CONSTRUCTION_VALUE_PER_WORKER_SEN ((int64_t)100000000 * SEN_PER_RUPIAH)

/* The duration the estimate above assumes: a regency's package runs about seven months. */
#define CONSTRUCTION_PROJECT_MONTHS 7

/* Workers expected on a contract of value_sen: the value per worker, rounded up. */
int64_t construction_expected_workers(int64_t value_sen);

/*
 * Prices a package: the JAKON JKK and JKM contribution on its value by the
 * marginal contract tiers of the rate table in force in p->priced_on's
 * month (Permenaker 44/2015 jo. 5/2021), and the expected workers.
 */
jr_err sirup_price(const struct rates *r, struct sirup_package *p, struct errbuf *eb);

#endif
