/*
 * link_naive.c - the unblocked baseline of bench/link.sh: for the first K
 * licences of licences.csv, score the name against every employer of
 * employers.csv with the same similarity as `jaring link` (no index, no
 * blocking) and report the time per licence, to be extrapolated, and how
 * often its best candidate above the match threshold is the one jaring chose.
 * usage: link_naive EMPLOYERS.csv LICENCES.csv K
 */
#include "compat.h"

#include <time.h>

#include "ingest/csvread.h"
#include "match/link.h"

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static char *field(const struct csvrecord *r, size_t i, char *buf, size_t size)
{
	size_t n = i < r->nfields ? r->len[i] : 0;
	if (n >= size)
		n = size - 1;
	memcpy(buf, i < r->nfields ? r->field[i] : "", n);
	buf[n] = '\0';
	return buf;
}

int main(int argc, char **argv)
{
	if (argc != 4)
		return 2;
	struct csvreader *rd;
	struct csvrecord rec;
	struct errbuf eb;
	size_t cap = 1 << 20, n = 0;
	struct match_name *emp = malloc(cap * sizeof(*emp));
	char (*reg)[6] = malloc(cap * sizeof(*reg));
	if (!emp || !reg || csvreader_open(argv[1], &rd, &eb) != JR_EOK)
		return 1;
	csvreader_next(rd, &rec, &eb);
	while (n < cap && csvreader_next(rd, &rec, &eb) == JR_EOK) {
		char name[256], region[32];
		field(&rec, 1, name, sizeof(name));
		match_normalise(name, strlen(name), &emp[n]);
		memcpy(reg[n], field(&rec, 4, region, sizeof(region)), 5);
		reg[n][5] = '\0';
		n++;
	}
	csvreader_free(rd);
	long k = strtol(argv[3], NULL, 10);
	if (csvreader_open(argv[2], &rd, &eb) != JR_EOK)
		return 1;
	csvreader_next(rd, &rec, &eb);
	double t0 = now(), pairs = 0;
	long done = 0, matched = 0;
	while (done < k && csvreader_next(rd, &rec, &eb) == JR_EOK) {
		char name[256];
		struct match_name q;
		field(&rec, 1, name, sizeof(name));
		match_normalise(name, strlen(name), &q);
		double best = 0;
		for (size_t i = 0; i < n; i++) {
			struct match_sim s;
			match_similarity(&q, &emp[i], NULL, NULL, &s);
			if (s.score > best)
				best = s.score;
		}
		pairs += (double)n;
		matched += best >= match_rules_default.match;
		done++;
	}
	double t = now() - t0;
	csvreader_free(rd);
	printf("%ld %.6f %.0f %ld\n", done, done ? t / (double)done : 0.0, pairs, matched);
	free(emp);
	free(reg);
	return 0;
}
