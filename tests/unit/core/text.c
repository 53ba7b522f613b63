/* Tests src/core/text.c: trimming, word comparison, safe quoting. */
#include "compat.h"

#include <setjmp.h>
#include <cmocka.h>

#include "core/text.h"

static void trims_spaces_and_tabs(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"  PU\t", "PU"}, {"PU", "PU"}, {"\t \t", ""}, {"", ""}, {" a b ", "a b"},
		{"\nPU", "\nPU"}, /* only spaces and tabs: a line break is content */
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		const char *s = cases[i].in;
		size_t len = strlen(s);
		text_trim(&s, &len);
		assert_int_equal(len, strlen(cases[i].out));
		assert_memory_equal(s, cases[i].out, len);
	}
}

static void compares_words_ignoring_case(void **state)
{
	(void)state;
	assert_true(text_ieq(" Perempuan ", 11, "perempuan"));
	assert_true(text_ieq("JKK", 3, "jkk"));
	assert_false(text_ieq("JKKX", 4, "jkk"));
	assert_false(text_ieq("JK", 2, "jkk"));
	assert_true(text_ieq("", 0, ""));
}

static void quotes_bounded_and_printable(void **state)
{
	(void)state;
	char buf[64];
	text_quote("abc", 3, buf, sizeof(buf));
	assert_string_equal(buf, "abc");
	text_quote("a\x01\xff" "b", 4, buf, sizeof(buf));
	assert_string_equal(buf, "a??b");
	char big[100];
	memset(big, 'x', sizeof(big));
	text_quote(big, sizeof(big), buf, sizeof(buf));
	assert_int_equal(strlen(buf), 43); /* 40 bytes + "..." */
	text_quote(big, sizeof(big), buf, 8);
	assert_true(strlen(buf) < 8);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(trims_spaces_and_tabs),
		cmocka_unit_test(compares_words_ignoring_case),
		cmocka_unit_test(quotes_bounded_and_printable),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
