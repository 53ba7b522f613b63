/* err.c - the error table and the message buffer (see err.h). */
#include "compat.h"
#include "core/err.h"

static const char *const err_text[] = {
#define JR_ERR_TEXT(name, text) text,
	JR_ERRORS(JR_ERR_TEXT)
#undef JR_ERR_TEXT
};

static const char *const err_name[] = {
#define JR_ERR_NAME(name, text) #name,
	JR_ERRORS(JR_ERR_NAME)
#undef JR_ERR_NAME
};

const char *jr_strerror(jr_err code)
{
	if ((unsigned)code >= JR_E_COUNT)
		return "kesalahan tidak dikenal";
	return err_text[code];
}

const char *jr_errname(jr_err code)
{
	if ((unsigned)code >= JR_E_COUNT)
		return "UNKNOWN";
	return err_name[code];
}

jr_err errbuf_set(struct errbuf *eb, jr_err code, const char *fmt, ...)
{
	if (eb) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(eb->msg, sizeof(eb->msg), fmt, ap);
		va_end(ap);
	}
	return code;
}

void errbuf_clear(struct errbuf *eb)
{
	if (eb)
		eb->msg[0] = '\0';
}
