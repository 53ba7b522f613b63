/*
 * construction.h - construction seen from procurement: importing LKPP
 * packages and registered JAKON projects, and the coverage report that
 * matches one against the other.  Rules: docs/rules.md "Construction from
 * procurement data"; files: docs/formats.md "Procurement (SiRUP)" and
 * "Projects".
 */
#ifndef JARING_CONSTRUCTION_CONSTRUCTION_H
#define JARING_CONSTRUCTION_CONSTRUCTION_H

#include "compat.h"
#include "construction/sirup.h"
#include "ingest/import.h"
#include "store/procurement.h"

/* What a procurement import did beyond the common counts. */
struct sirup_import_extra {
	size_t other_kinds;  /* rows of goods, services or consultancy: read, not kept */
	size_t superseded;   /* tenders replaced by a later tender of the same plan entry */
	size_t failed;       /* packages kept whose only tender failed or was cancelled */
};

/* "sirup" / "pengadaan" / "procurement"; "projects" / "proyek". */
bool sirup_kind_parse(const char *s);
bool projects_kind_parse(const char *s);

/*
 * Imports an LKPP file as one transaction (like import_run): rows checked
 * and reported, construction packages priced with r and upserted by
 * kd_rup; other kinds counted in extra.  o->kind is ignored.
 */
jr_err sirup_import(struct store *s, const struct rates *r, const struct import_opts *o,
		    struct import_result *res, struct sirup_import_extra *extra,
		    struct errbuf *eb);

/*
 * Imports registered JAKON projects as one transaction: each row's
 * contractor must be a registered employer; the contractor's JAKON
 * memberships not yet on a project that start within the project's dates
 * are assigned to it.
 */
jr_err projects_import(struct store *s, const struct refdata *ref, const struct import_opts *o,
		       struct import_result *res, struct errbuf *eb);

/* One package in the coverage report. */
struct construction_row {
	struct store_package pk;
	bool registered;
	char match[12];          /* "kd_rup", "name" or "" */
	char contractor_npp[NPP_SIZE];
	char contractor_name[NAME_MAX_BYTES + 1];
	int64_t registered_workers;
};

struct construction_report {
	struct construction_row *row; /* failed tenders left out; by owner, kd_rup */
	size_t n, cap;
	size_t failed;                 /* packages left out: only a failed tender */
	size_t registered;             /* packages with a registered project */
	int64_t total_value_sen;
	int64_t total_expected_sen;    /* JAKON contribution of every package */
	int64_t total_registered_sen;  /* that of the registered ones */
	int64_t workers_expected;      /* docs/rules.md "Expected construction workers" */
	int64_t workers_registered;    /* JAKON memberships on matched projects */
};

/*
 * Matches every package to the registered projects: by kd_rup when the
 * project has one, else by folded name, owner and year.  Free with
 * construction_report_free.
 */
jr_err construction_report(struct store *s, struct construction_report *out, struct errbuf *eb);
void construction_report_free(struct construction_report *r);

struct store_leads_refresh;

/*
 * Makes the leads of source "sirup" (store/licensing.h) the unregistered
 * packages of r, inside one transaction: reference the RUP code list (the
 * first code when the list is too long), name "OWNER: package", the expected
 * workers, and as monthly potential the package's JAKON contribution spread
 * over CONSTRUCTION_PROJECT_MONTHS.  A lead already worked on is kept.
 */
jr_err construction_leads_refresh(struct store *s, const struct construction_report *r,
				  struct date today, struct store_leads_refresh *out,
				  struct errbuf *eb);

/*
 * How a registered project matches a package: "kd_rup" when the project
 * names one of the package's RUP codes; "name" when the project has no RUP
 * code and its folded name and owner equal the package's and it starts in
 * the package's budget year; NULL otherwise (a project with another RUP code
 * never matches by name).  Pure; exposed for tests.
 */
const char *construction_match(const struct sirup_package *pk, const struct store_project *pr);

/*
 * Folds a name for matching: ASCII letters lower-cased, digits kept, every
 * other run of bytes one space, trimmed.  Pure; exposed for tests.
 */
void construction_fold(const char *s, char *out, size_t size);

#endif
