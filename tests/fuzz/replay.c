/*
 * replay.c - runs a libFuzzer harness over saved inputs without libFuzzer.
 *
 * usage: fuzz-X DIR_OR_FILE...   Each file is one input; prints TAP.  Lets the
 * normal (gcc, ASan + UBSan) test build replay every corpus entry.
 */
#include "compat.h"

#include <dirent.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int ntests;

static void run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		printf("not ok %d - %s: cannot open\n", ++ntests, path);
		return;
	}
	size_t cap = 1 << 16, n = 0;
	uint8_t *buf = malloc(cap);
	size_t got;
	while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			uint8_t *nb = realloc(buf, cap * 2);
			if (!nb) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = nb;
			cap *= 2;
		}
	}
	fclose(f);
	if (!buf) {
		printf("not ok %d - %s: out of memory\n", ++ntests, path);
		return;
	}
	LLVMFuzzerTestOneInput(buf, n);
	free(buf);
	printf("ok %d - %s\n", ++ntests, path);
}

static void run_path(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		printf("not ok %d - %s: missing\n", ++ntests, path);
		return;
	}
	if (!S_ISDIR(st.st_mode)) {
		run_file(path);
		return;
	}
	struct dirent **names;
	int n = scandir(path, &names, NULL, alphasort);
	for (int i = 0; i < n; i++) {
		if (names[i]->d_name[0] != '.') {
			char full[4096];
			snprintf(full, sizeof(full), "%s/%s", path, names[i]->d_name);
			run_path(full);
		}
		free(names[i]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		run_path(argv[i]);
	printf("1..%d\n", ntests);
	return 0;
}
