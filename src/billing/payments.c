/* payments.c - applying payments to bills, and the payments import (see payments.h). */
#include "compat.h"

#include "billing/payments.h"
#include "billing/terms.h"
#include "core/ids.h"
#include "core/money.h"
#include "core/text.h"
#include "ingest/columns.h"
#include "ingest/csvread.h"
#include "ingest/import.h"
#include "ingest/issues.h"

/* ---- applying money ---- */

struct bill_list {
	struct store_bill *b;
	bool *touched;
	size_t n, cap;
};

static jr_err collect_bill(void *ctx, const struct store_bill *b)
{
	struct bill_list *l = ctx;
	if (l->n == l->cap) {
		size_t ncap = l->cap ? l->cap * 2 : 16;
		struct store_bill *nb = realloc(l->b, ncap * sizeof(*nb));
		if (!nb)
			return JR_ENOMEM;
		l->b = nb;
		bool *nt = realloc(l->touched, ncap * sizeof(*nt));
		if (!nt)
			return JR_ENOMEM;
		l->touched = nt;
		l->cap = ncap;
	}
	l->touched[l->n] = false;
	l->b[l->n++] = *b;
	return JR_EOK;
}

struct payment_list {
	struct store_payment *p;
	size_t n, cap;
};

static jr_err collect_payment(void *ctx, const struct store_payment *p)
{
	struct payment_list *l = ctx;
	if (l->n == l->cap) {
		size_t ncap = l->cap ? l->cap * 2 : 16;
		struct store_payment *np = realloc(l->p, ncap * sizeof(*np));
		if (!np)
			return JR_ENOMEM;
		l->p = np;
		l->cap = ncap;
	}
	l->p[l->n++] = *p;
	return JR_EOK;
}

static jr_err nomem(struct errbuf *eb)
{
	return errbuf_set(eb, JR_ENOMEM, "memori tidak cukup untuk pembayaran");
}

/* A store error from a callback that ran out of memory has no message yet. */
static jr_err fill(jr_err err, struct errbuf *eb)
{
	return err == JR_ENOMEM ? nomem(eb) : err;
}

/*
 * Allocates what is left of payment p to the bills (oldest first): each
 * bill's contribution, with the fine for its months of delay on p's date,
 * then the bill's unpaid fines.
 */
static jr_err allocate(struct store *s, struct store_payment *p, struct bill_list *bills,
		       struct payment_effect *fx, struct errbuf *eb)
{
	jr_err err;
	for (size_t i = 0; i < bills->n && p->unallocated_sen > 0; i++) {
		struct store_bill *b = &bills->b[i];
		struct store_allocation a = {.payment_id = p->id, .bill_id = b->id};
		int64_t owed = b->total_sen - b->paid_sen;
		if (owed > 0) {
			a.contribution_sen = owed < p->unallocated_sen ? owed : p->unallocated_sen;
			a.months_late = terms_months_late(b->due, p->paid_on);
			err = terms_fine(a.contribution_sen, b->fine_ppm, a.months_late, &a.fine_sen,
					 eb);
			if (err != JR_EOK)
				return err;
			b->paid_sen += a.contribution_sen;
			b->fine_sen += a.fine_sen;
			p->unallocated_sen -= a.contribution_sen;
		}
		int64_t fine_owed = b->fine_sen - b->fine_paid_sen;
		if (fine_owed > 0 && p->unallocated_sen > 0) {
			a.fine_paid_sen = fine_owed < p->unallocated_sen ? fine_owed : p->unallocated_sen;
			b->fine_paid_sen += a.fine_paid_sen;
			p->unallocated_sen -= a.fine_paid_sen;
		}
		if (!a.contribution_sen && !a.fine_sen && !a.fine_paid_sen)
			continue;
		if ((err = store_allocation_insert(s, &a, eb)) != JR_EOK)
			return err;
		bills->touched[i] = true;
		if (fx) {
			fx->contribution_sen += a.contribution_sen;
			fx->fine_assessed_sen += a.fine_sen;
			fx->fine_paid_sen += a.fine_paid_sen;
			fx->bills++;
		}
	}
	return store_payment_set_unallocated(s, p->id, p->unallocated_sen, eb);
}

jr_err payments_bpu_status(struct store *s, int64_t nik, struct date day, struct errbuf *eb)
{
	struct bill_list bills = {0};
	struct date *due = NULL;
	size_t n = 0;
	jr_err err = store_open_bills_each(s, PAYER_KIND_PARTICIPANT, nik, collect_bill, &bills, eb);
	if (err == JR_EOK && bills.n && !(due = malloc(bills.n * sizeof(*due))))
		err = JR_ENOMEM;
	if (err == JR_EOK) {
		for (size_t i = 0; i < bills.n; i++)
			if (bills.b[i].paid_sen < bills.b[i].total_sen)
				due[n++] = bills.b[i].due;
		struct date since;
		bool lapsed = terms_bpu_lapsed(due, n, day, &since);
		err = store_bpu_set_inactive(s, nik, lapsed ? &since : NULL, eb);
	}
	free(due);
	free(bills.b);
	free(bills.touched);
	return fill(err, eb);
}

jr_err payments_settle(struct store *s, enum payer_kind kind, int64_t ref, struct date today,
		       struct payment_effect *fx, struct errbuf *eb)
{
	struct payment_list credits = {0};
	struct bill_list bills = {0};
	jr_err err = store_credits_each(s, kind, ref, collect_payment, &credits, eb);
	if (err == JR_EOK && credits.n)
		err = store_open_bills_each(s, kind, ref, collect_bill, &bills, eb);
	for (size_t i = 0; i < credits.n && bills.n && err == JR_EOK; i++)
		err = allocate(s, &credits.p[i], &bills, fx, eb);
	for (size_t i = 0; i < bills.n && err == JR_EOK; i++)
		if (bills.touched[i])
			err = store_bill_update(s, &bills.b[i], eb);
	if (err == JR_EOK && kind == PAYER_KIND_PARTICIPANT)
		err = payments_bpu_status(s, ref, today, eb);
	free(credits.p);
	free(bills.b);
	free(bills.touched);
	return fill(err, eb);
}

jr_err payments_settle_all(struct store *s, struct date today, struct payment_effect *fx,
			   struct errbuf *eb)
{
	struct payment_list credits = {0};
	jr_err err = store_credits_each(s, PAYER_KIND_NONE, 0, collect_payment, &credits, eb);
	/* Credits come by payer: settle each payer once. */
	for (size_t i = 0; i < credits.n && err == JR_EOK; i++) {
		if (i > 0 && credits.p[i].payer_kind == credits.p[i - 1].payer_kind &&
		    credits.p[i].payer_ref == credits.p[i - 1].payer_ref)
			continue;
		err = payments_settle(s, credits.p[i].payer_kind, credits.p[i].payer_ref, today, fx,
				      eb);
	}
	free(credits.p);
	return fill(err, eb);
}

/* ---- the payments file ---- */

bool payments_kind_parse(const char *s)
{
	return !strcmp(s, "payments") || !strcmp(s, "pembayaran") || !strcmp(s, "iuran");
}

enum payment_col { PC_PAYER, PC_PAYER_KIND, PC_PERIOD, PC_AMOUNT, PC_PAID_ON, PC_REFERENCE, PC_COUNT };

static const struct column_def payment_columns[PC_COUNT] = {
	[PC_PAYER] = {"payer", "pembayar|kode_pembayar|npp_nik|nomor_pembayar|no_pembayar", true},
	[PC_PAYER_KIND] = {"payer_kind", "jenis_pembayar", false},
	[PC_PERIOD] = {"period", "periode|periode_iuran|bulan_iuran|masa_iuran|bulan", true},
	[PC_AMOUNT] = {"amount", "jumlah|jumlah_bayar|jumlah_pembayaran|nominal|nilai|besaran", true},
	[PC_PAID_ON] = {"paid_on", "tanggal_bayar|tgl_bayar|tanggal_pembayaran|tgl_pembayaran|"
				   "tanggal_setor|tgl_setor|paid_date|payment_date", true},
	[PC_REFERENCE] = {"reference", "referensi|no_referensi|nomor_referensi|ref|no_ref|"
				       "nomor_bukti|no_bukti|kode_pembayaran|kode_bayar", true},
};

struct staged_payment {
	size_t line;
	char code[NPP_SIZE];
	enum payer_kind kind; /* NONE: not given */
	int period;
	int64_t amount_sen;
	struct date paid_on;
	char reference[PAYMENT_REF_MAX + 1];
};

struct prow {
	const struct import_opts *o;
	const struct column_map *map;
	const struct csvrecord *rec;
	struct import_result *res;
	struct issue_list *issues;
	bool rejected;
};

static void report(struct issue_list *l, struct import_result *res, size_t line,
		   const char *column, const char *value, size_t value_len, bool warning,
		   const char *reason)
{
	struct row_issue is = {.line = line, .column = column, .value = value,
			       .value_len = value_len, .reason = reason, .warning = warning};
	if (warning)
		res->warnings++;
	issue_list_hold(l, &is);
}

static void prow_issue(struct prow *r, size_t col, const char *reason)
{
	size_t len;
	const char *v = columns_value(r->map, r->rec, col, &len);
	report(r->issues, r->res, r->rec->line, payment_columns[col].name, v, len, false, reason);
	r->rejected = true;
}

static const char *prow_value(struct prow *r, size_t col, size_t *len)
{
	const char *v = columns_value(r->map, r->rec, col, len);
	text_trim(&v, len);
	return v;
}

/* Checks one row into *p; false (issues reported) when rejected. */
static bool payment_row(struct prow *r, struct staged_payment *p)
{
	struct errbuf eb;
	size_t len;
	const char *v;
	memset(p, 0, sizeof(*p));
	p->line = r->rec->line;
	r->rejected = false;
	if (r->rec->truncated) {
		report(r->issues, r->res, r->rec->line, "", "", 0, false,
		       "baris terlalu panjang atau terlalu banyak kolom");
		return false;
	}

	v = prow_value(r, PC_PAYER, &len);
	bool warn;
	if (!len)
		prow_issue(r, PC_PAYER, "pembayar kosong (NPP pemberi kerja atau NIK peserta)");
	else if (npp_check(v, len, p->code, &warn, &eb) != JR_EOK)
		prow_issue(r, PC_PAYER, "pembayar harus NPP pemberi kerja atau NIK peserta (angka)");

	v = prow_value(r, PC_PAYER_KIND, &len);
	if (len && (p->kind = payer_kind_parse(v, len)) == PAYER_KIND_NONE)
		prow_issue(r, PC_PAYER_KIND, "jenis pembayar harus employer (pemberi_kerja), "
					     "participant (peserta) atau partner (mitra)");

	v = prow_value(r, PC_PERIOD, &len);
	if (!len)
		prow_issue(r, PC_PERIOD, "periode kosong (YYYY-MM)");
	else if (period_parse(v, len, &p->period, &eb) != JR_EOK)
		prow_issue(r, PC_PERIOD, eb.msg);

	v = prow_value(r, PC_AMOUNT, &len);
	if (!len)
		prow_issue(r, PC_AMOUNT, "jumlah kosong");
	else if (money_parse(v, len, &p->amount_sen, &eb) != JR_EOK)
		prow_issue(r, PC_AMOUNT, eb.msg);
	else if (p->amount_sen <= 0)
		prow_issue(r, PC_AMOUNT, "jumlah harus lebih dari nol");

	v = prow_value(r, PC_PAID_ON, &len);
	if (!len)
		prow_issue(r, PC_PAID_ON, "tanggal bayar kosong");
	else if (date_parse(v, len, &p->paid_on, &eb) != JR_EOK)
		prow_issue(r, PC_PAID_ON, eb.msg);
	else if (date_cmp(p->paid_on, r->o->today) > 0)
		prow_issue(r, PC_PAID_ON, "tanggal bayar di masa depan");

	v = prow_value(r, PC_REFERENCE, &len);
	bool control = false;
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)v[i] < 0x20 || v[i] == 0x7f)
			control = true;
	if (!len)
		prow_issue(r, PC_REFERENCE, "referensi kosong");
	else if (len > PAYMENT_REF_MAX)
		prow_issue(r, PC_REFERENCE, "referensi lebih dari 64 karakter");
	else if (control)
		prow_issue(r, PC_REFERENCE, "referensi berisi karakter kendali");
	else
		memcpy(p->reference, v, len);
	return !r->rejected;
}

static int cmp_staged(const void *a, const void *b)
{
	const struct staged_payment *x = a, *y = b;
	int c = date_cmp(x->paid_on, y->paid_on);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

static void reject(struct issue_list *l, struct import_result *res, const struct staged_payment *p,
		   const char *column, const char *value, const char *reason)
{
	report(l, res, p->line, column, value, strlen(value), false, reason);
	res->rejected++;
}

/* Applies one checked row inside the import's transaction. */
static jr_err apply_row(struct store *s, const struct import_opts *o, int64_t batch_id,
			const struct staged_payment *sp, struct import_result *res,
			struct issue_list *issues, struct errbuf *eb)
{
	enum payer_kind kind;
	int64_t ref;
	int matches;
	char why[300];
	jr_err err = store_payer_find(s, sp->code, sp->kind, &kind, &ref, &matches, eb);
	if (err != JR_EOK)
		return err;
	if (matches == 0) {
		reject(issues, res, sp, "payer", sp->code,
		       sp->kind == PAYER_KIND_NONE
			       ? "pembayar tidak dikenal: bukan NPP pemberi kerja maupun NIK peserta"
			       : "pembayar tidak dikenal untuk jenis pembayar ini");
		return JR_EOK;
	}
	if (matches > 1) {
		reject(issues, res, sp, "payer", sp->code,
		       "pembayar ambigu: sama dengan NPP dan NIK; isi kolom payer_kind");
		return JR_EOK;
	}

	struct store_payment p;
	bool found;
	if ((err = store_payment_find(s, sp->reference, &p, &found, eb)) != JR_EOK)
		return err;
	if (found) {
		if (p.payer_kind == kind && p.payer_ref == ref && p.amount_sen == sp->amount_sen &&
		    date_cmp(p.paid_on, sp->paid_on) == 0) {
			res->accepted++;
			res->unchanged++; /* the same payment again: applied once */
			return JR_EOK;
		}
		char amount[MONEY_FMT_SIZE], day[DATE_ISO_SIZE];
		money_format_rp(p.amount_sen, amount);
		date_format_iso(p.paid_on, day);
		snprintf(why, sizeof(why),
			 "referensi sudah dipakai pembayaran lain (%s tanggal %s); tidak diterapkan",
			 amount, day);
		reject(issues, res, sp, "reference", sp->reference, why);
		return JR_EOK;
	}

	memset(&p, 0, sizeof(p));
	memcpy(p.reference, sp->reference, sizeof(p.reference));
	p.payer_kind = kind;
	p.payer_ref = ref;
	p.period = sp->period;
	p.amount_sen = sp->amount_sen;
	p.paid_on = sp->paid_on;
	p.unallocated_sen = sp->amount_sen;
	p.batch_id = batch_id;
	if ((err = store_payment_insert(s, &p, eb)) != JR_EOK)
		return err;
	if ((err = payments_settle(s, kind, ref, o->today, NULL, eb)) != JR_EOK)
		return err;
	res->accepted++;
	res->inserted++;
	if ((err = store_payment_find(s, sp->reference, &p, &found, eb)) != JR_EOK)
		return err;
	if (found && p.unallocated_sen > 0) {
		char credit[MONEY_FMT_SIZE];
		money_format_rp(p.unallocated_sen, credit);
		snprintf(why, sizeof(why),
			 p.unallocated_sen == p.amount_sen
				 ? "tidak ada tagihan terbuka; %s disimpan sebagai kredit"
				 : "lebih bayar; %s disimpan sebagai kredit untuk tagihan berikutnya",
			 credit);
		report(issues, res, sp->line, "amount", "", 0, true, why);
	}
	return JR_EOK;
}

struct stage_ctx {
	const struct import_opts *o;
	const struct column_map *map;
	struct import_result *res;
	struct issue_list *issues;
};

static bool stage_payment(void *ctx, const struct csvrecord *rec, void *slot)
{
	struct stage_ctx *c = ctx;
	struct prow pr = {.o = c->o, .map = c->map, .rec = rec, .res = c->res,
			  .issues = c->issues};
	return payment_row(&pr, slot);
}

jr_err payments_import(struct store *s, const struct import_opts *o, struct import_result *res,
		       struct errbuf *eb)
{
	struct csvreader *r = NULL;
	struct column_map map;
	struct staged_payment *rows = NULL;
	size_t nrows = 0;
	struct issue_list issues = {0};
	jr_err err;

	memset(res, 0, sizeof(*res));
	if ((err = import_open(o, payment_columns, PC_COUNT, &r, &map, res, eb)) != JR_EOK)
		goto out;

	/* Check every row first: a payment file is small, and applying rows in
	 * order of payment date needs them all. */
	struct stage_ctx sc = {.o = o, .map = &map, .res = res, .issues = &issues};
	void *staged = NULL;
	err = import_stage(r, sizeof(*rows), &staged, &nrows, res, stage_payment, &sc, eb);
	rows = staged;
	if (err != JR_EOK)
		goto out;
	if (nrows)
		qsort(rows, nrows, sizeof(*rows), cmp_staged);

	struct store_batch batch = {.kind = "payments",
				    .file_name = o->display_name ? o->display_name : o->path};
	if ((err = store_begin(s, eb)) != JR_EOK)
		goto out;
	err = store_batch_add(s, &batch, eb);
	for (size_t i = 0; i < nrows && err == JR_EOK; i++)
		err = apply_row(s, o, batch.id, &rows[i], res, &issues, eb);
	if (err == JR_EOK && issues.nomem)
		err = nomem(eb); /* a report with holes is not a report */
	err = import_finish(s, o, &batch, res, err, eb);
out:
	/* Issues reach the caller only when the import went through. */
	if (err == JR_EOK)
		issue_list_flush(&issues, o->on_issue, o->issue_ctx, NULL);
	issue_list_free(&issues);
	free(rows);
	csvreader_free(r);
	return err;
}
