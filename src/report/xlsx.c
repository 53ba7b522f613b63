/*
 * xlsx.c - tables as CSV and XLSX files (report.h).  XLSX is written by
 * libxlsxwriter in constant-memory mode to a temporary file, then read back:
 * the library writes files, the server sends bytes.
 */
#include "compat.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include "report/report.h"

void report_csv_field(FILE *f, const char *s, bool last)
{
	bool formula = s[0] && strchr("=+-@", s[0]) != NULL;
	/* A negative number is data, not a formula. */
	if (s[0] == '-' && s[1] >= '0' && s[1] <= '9' && strspn(s + 1, "0123456789") == strlen(s + 1))
		formula = false;
	if (formula || strpbrk(s, ",;\"\r\n")) {
		fputc('"', f);
		if (formula)
			fputc('\'', f);
		for (; *s; s++) {
			if (*s == '"')
				fputc('"', f);
			fputc(*s, f);
		}
		fputc('"', f);
	} else {
		fputs(s, f);
	}
	fputs(last ? "\r\n" : ",", f);
}

/* A cell as text ("" for null). */
static void cell_text(json_t *v, char *buf, size_t size)
{
	if (json_is_string(v))
		snprintf(buf, size, "%s", json_string_value(v));
	else if (json_is_integer(v))
		snprintf(buf, size, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
	else if (json_is_true(v))
		snprintf(buf, size, "true");
	else if (json_is_false(v))
		snprintf(buf, size, "false");
	else
		buf[0] = '\0';
}

jr_err report_csv(const struct report_table *t, char **out, size_t *len, struct errbuf *eb)
{
	char cell[1024];
	size_t i;
	json_t *row;
	FILE *f = open_memstream(out, len);
	if (!f)
		return errbuf_set(eb, JR_ENOMEM, "memori tidak cukup");
	for (size_t c = 0; c < t->ncolumns; c++)
		report_csv_field(f, t->columns[c].key, c + 1 == t->ncolumns);
	json_array_foreach(t->rows, i, row) {
		for (size_t c = 0; c < t->ncolumns; c++) {
			cell_text(json_object_get(row, t->columns[c].key), cell, sizeof(cell));
			report_csv_field(f, cell, c + 1 == t->ncolumns);
		}
	}
	if (fclose(f) != 0) {
		free(*out);
		*out = NULL;
		return errbuf_set(eb, JR_ENOMEM, "memori tidak cukup");
	}
	return JR_EOK;
}

static jr_err read_all(const char *path, char **out, size_t *len, struct errbuf *eb)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return errbuf_set(eb, JR_EIO, "tidak dapat membaca %s", path);
	char *buf = NULL;
	size_t n = 0, cap = 0;
	for (;;) {
		if (n + 65536 > cap) {
			cap = cap ? cap * 2 : 131072;
			char *b = realloc(buf, cap);
			if (!b) {
				free(buf);
				fclose(f);
				return errbuf_set(eb, JR_ENOMEM, "memori tidak cukup");
			}
			buf = b;
		}
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	fclose(f);
	*out = buf;
	*len = n;
	return JR_EOK;
}

jr_err report_xlsx(const struct report_table *t, char **out, size_t *len, struct errbuf *eb)
{
	char path[] = "/tmp/jaring-xlsx-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return errbuf_set(eb, JR_EIO, "tidak dapat membuat berkas sementara");
	close(fd);
	lxw_workbook_options opts = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
	lxw_workbook *wb = workbook_new_opt(path, &opts);
	if (!wb) {
		unlink(path);
		return errbuf_set(eb, JR_EIO, "tidak dapat membuat XLSX");
	}
	lxw_worksheet *ws = workbook_add_worksheet(wb, t->title);
	lxw_format *bold = workbook_add_format(wb);
	format_set_bold(bold);
	lxw_format *money = workbook_add_format(wb);
	format_set_num_format(money, "#,##0");
	for (size_t c = 0; c < t->ncolumns; c++) {
		worksheet_write_string(ws, 0, (lxw_col_t)c, t->columns[c].header, bold);
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, 16, NULL);
	}
	size_t i;
	json_t *row;
	json_array_foreach(t->rows, i, row) {
		lxw_row_t rn = (lxw_row_t)(i + 1);
		if (i + 1 >= LXW_ROW_MAX)
			break;
		for (size_t c = 0; c < t->ncolumns; c++) {
			json_t *v = json_object_get(row, t->columns[c].key);
			if (json_is_integer(v))
				worksheet_write_number(ws, rn, (lxw_col_t)c,
						       (double)json_integer_value(v), money);
			else if (json_is_string(v))
				worksheet_write_string(ws, rn, (lxw_col_t)c, json_string_value(v),
						       NULL);
			else if (json_is_boolean(v))
				worksheet_write_boolean(ws, rn, (lxw_col_t)c, json_is_true(v), NULL);
		}
	}
	lxw_error e = workbook_close(wb);
	jr_err err = e == LXW_NO_ERROR ? read_all(path, out, len, eb)
				       : errbuf_set(eb, JR_EIO, "gagal menulis XLSX: %s",
						    lxw_strerror(e));
	unlink(path);
	return err;
}
