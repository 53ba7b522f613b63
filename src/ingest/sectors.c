/* sectors.c - the sector risk table (see sectors.h). */
#include "compat.h"

#include "embedded.h"
#include "ingest/csvread.h"
#include "ingest/sectors.h"

#define FILE_NAME "data/jkk_risk_by_sector.csv"

jr_err sector_risk_parse(const char *buf, size_t len, struct sector_risk *out,
			 struct errbuf *eb)
{
	struct csvreader *r;
	struct csvrecord rec;
	jr_err err = csvreader_open_mem(buf, len, &r, eb);
	memset(out, 0, sizeof(*out));
	if (err != JR_EOK)
		return err;
	err = csvreader_next(r, &rec, eb); /* header */
	while (err == JR_EOK && (err = csvreader_next(r, &rec, eb)) == JR_EOK) {
		if (rec.nfields < 2 || rec.len[0] != 1 || rec.field[0][0] < 'A' ||
		    rec.field[0][0] > 'U') {
			err = errbuf_set(eb, JR_EPARSE, "%s baris %zu kolom section: harus A..U",
					 FILE_NAME, rec.line);
			break;
		}
		int sec = rec.field[0][0] - 'A';
		if (rec.len[1] != 1 || rec.field[1][0] < '1' || rec.field[1][0] > '5') {
			err = errbuf_set(eb, JR_EPARSE, "%s baris %zu kolom risk_group: harus 1..5",
					 FILE_NAME, rec.line);
			break;
		}
		if (out->group[sec]) {
			err = errbuf_set(eb, JR_EPARSE, "%s baris %zu: seksi %c dua kali", FILE_NAME,
					 rec.line, 'A' + sec);
			break;
		}
		out->group[sec] = rec.field[1][0] - '0';
	}
	csvreader_free(r);
	if (err == JR_EEOF)
		err = JR_EOK;
	for (int s = 0; err == JR_EOK && s <= 'U' - 'A'; s++)
		if (!out->group[s])
			err = errbuf_set(eb, JR_EPARSE, "%s: seksi %c tidak ada", FILE_NAME, 'A' + s);
	return err;
}

jr_err sector_risk_load(struct sector_risk *out, struct errbuf *eb)
{
	return sector_risk_parse((const char *)data_jkk_sector, data_jkk_sector_len, out, eb);
}
