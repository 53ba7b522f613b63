/* pipeline.c - the follow-up steps of a lead (see pipeline.h). */
#include "compat.h"

#include "leads/pipeline.h"

/* Order in the pipeline; registered and refused are both the end. */
static int rank(enum lead_status s)
{
	switch (s) {
	case LEAD_NEW:
		return 1;
	case LEAD_CONTACTED:
		return 2;
	case LEAD_VISITED:
		return 3;
	case LEAD_REGISTERED:
	case LEAD_REFUSED:
		return 4;
	default:
		return 0;
	}
}

bool lead_status_final(enum lead_status s)
{
	return rank(s) == 4;
}

jr_err lead_step_check(enum lead_status from, struct date since, enum lead_status to,
		       struct date on, struct date today, const char *officer, struct errbuf *eb)
{
	if (!rank(to) || to == LEAD_NEW)
		return errbuf_set(eb, JR_EINVALID, "langkah harus contacted (dihubungi), visited "
				  "(dikunjungi), registered (terdaftar) atau refused (menolak)");
	if (lead_status_final(from))
		return errbuf_set(eb, JR_ECONFLICT, "prospek sudah selesai (%s)",
				  lead_status_name(from));
	if (rank(to) <= rank(from))
		return errbuf_set(eb, JR_ECONFLICT, "prospek sudah %s; tidak bisa kembali ke %s",
				  lead_status_name(from), lead_status_name(to));
	if (!officer || !*officer)
		return errbuf_set(eb, JR_EINVALID, "nama petugas wajib diisi");
	if (date_cmp(on, today) > 0)
		return errbuf_set(eb, JR_EINVALID, "tanggal langkah di masa depan");
	if (date_cmp(on, since) < 0) {
		char d[DATE_ISO_SIZE];
		date_format_iso(since, d);
		return errbuf_set(eb, JR_EINVALID, "tanggal langkah sebelum langkah terakhir (%s)", d);
	}
	return JR_EOK;
}
