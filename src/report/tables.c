/* tables.c - bills and arrears as tables (tables.h). */
#include "compat.h"

#include "billing/arrears.h"
#include "billing/terms.h"
#include "core/money.h"
#include "report/tables.h"
#include "store/partners.h"

static const struct report_column bill_columns[] = {
	{"id", "No. tagihan"},      {"period", "Periode"},        {"payer_kind", "Jenis pembayar"},
	{"payer_code", "Pembayar"}, {"payer_name", "Nama"},       {"due_date", "Jatuh tempo"},
	{"lines", "Peserta"},       {"total", "Iuran (Rp)"},      {"paid", "Dibayar (Rp)"},
	{"fine", "Denda (Rp)"},     {"fine_paid", "Denda dibayar (Rp)"},
	{"outstanding", "Sisa (Rp)"}, {"status", "Status"},
};

static const struct report_column arrears_columns[] = {
	{"payer", "Pembayar"},
	{"payer_kind", "Jenis pembayar"},
	{"owed", "Pokok (Rp)"},
	{"fines", "Denda (Rp)"},
	{"current", "Belum jatuh tempo (Rp)"},
	{"months_1_3", "1-3 bulan (Rp)"},
	{"over_3", "> 3 bulan (Rp)"},
	{"oldest_period", "Sejak"},
	{"employer_pays_jkk_first", "JKK ditanggung PK dulu"},
};

/* A record as an object, without the fields named "_...". */
static jr_err append_record(void *ctx, const struct store_record *rec)
{
	json_t *rows = ctx, *o = json_object();
	if (json_array_size(rows) >= REPORT_ROWS_MAX)
		return JR_EOK;
	for (size_t i = 0; o && i < rec->n; i++) {
		const struct store_field *f = &rec->field[i];
		if (f->name[0] == '_')
			continue;
		json_t *v = f->type == STORE_FIELD_INT ? json_integer(f->i)
			  : f->type == STORE_FIELD_TEXT ? json_string(f->s)
							: json_null();
		json_object_set_new(o, f->name, v ? v : json_null());
	}
	return o && !json_array_append_new(rows, o) ? JR_EOK : JR_ENOMEM;
}

jr_err report_bills_table(struct store *s, const struct store_browse_query *q,
			  struct report_table *t, struct errbuf *eb)
{
	struct store_browse_query all = *q;
	all.after = 0;
	all.limit = REPORT_ROWS_MAX;
	*t = (struct report_table){"Tagihan", bill_columns, ARRAY_SIZE(bill_columns), json_array()};
	if (!t->rows)
		return errbuf_set(eb, JR_ENOMEM, "memori tidak cukup");
	jr_err err = store_browse_bills(s, &all, append_record, t->rows, eb);
	if (err == JR_ENOMEM)
		errbuf_set(eb, err, "memori tidak cukup");
	if (err != JR_EOK)
		report_table_free(t);
	return err;
}

static json_t *rupiah(int64_t sen)
{
	return json_integer((json_int_t)(sen / SEN_PER_RUPIAH));
}

jr_err report_arrears_table(struct store *s, struct date as_of, enum payer_kind kind,
			    int64_t partner, struct report_table *t, struct errbuf *eb)
{
	struct arrears_report rep;
	*t = (struct report_table){"Tunggakan", arrears_columns, ARRAY_SIZE(arrears_columns),
				   json_array()};
	if (!t->rows)
		return errbuf_set(eb, JR_ENOMEM, "memori tidak cukup");
	jr_err err = arrears_compute(s, as_of, &rep, eb);
	if (err != JR_EOK) {
		report_table_free(t);
		return err;
	}
	for (size_t i = 0; err == JR_EOK && i < rep.n; i++) {
		const struct arrears_payer *p = &rep.payer[i];
		char per[PERIOD_TEXT_SIZE] = "";
		bool within = true;
		if (kind != PAYER_KIND_NONE && p->kind != kind)
			continue;
		if (partner) {
			within = false;
			if (p->kind == PAYER_KIND_PARTNER)
				err = store_partner_is_within(s, p->ref, partner, &within, eb);
			if (err != JR_EOK || !within)
				continue;
		}
		if (p->oldest_period)
			period_format(p->oldest_period, per);
		json_t *o = json_pack("{s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:s?, s:b}", "payer",
				      p->code, "payer_kind", payer_kind_name(p->kind), "owed",
				      rupiah(p->owed_sen), "fines", rupiah(p->fines_sen), "current",
				      rupiah(p->current_sen), "months_1_3",
				      rupiah(p->months_1_3_sen), "over_3", rupiah(p->over_3_sen),
				      "oldest_period", p->oldest_period ? per : NULL,
				      "employer_pays_jkk_first", p->employer_pays_jkk_first);
		if (!o || json_array_append_new(t->rows, o))
			err = errbuf_set(eb, JR_ENOMEM, "memori tidak cukup");
	}
	arrears_free(&rep);
	if (err != JR_EOK)
		report_table_free(t);
	return err;
}

void report_table_free(struct report_table *t)
{
	json_decref(t->rows);
	t->rows = NULL;
}
