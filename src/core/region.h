/*
 * region.h - Kemendagri region codes and an in-memory index of their names.
 *
 * Codes are dotted: province "33", regency/city "33.75", district (kecamatan)
 * "33.75.01", village (kelurahan/desa) "33.75.01.1001".  The index is filled
 * by the caller (from the reference data shipped in data/) and then only read,
 * so it can be shared between threads.
 */
#ifndef JARING_CORE_REGION_H
#define JARING_CORE_REGION_H

#include "compat.h"
#include "core/err.h"

enum region_level {
	REGION_NONE = 0,
	REGION_PROVINCE = 1,
	REGION_REGENCY = 2,
	REGION_DISTRICT = 3,
	REGION_VILLAGE = 4,
};

/* "33.75.01.1001" plus NUL. */
#define REGION_CODE_SIZE 14

/*
 * Normalises a region code: accepts the dotted form or the bare digits
 * ("3375", "337501", "3375011001"), trims spaces, writes the dotted form into
 * out and returns its level; REGION_NONE (and a reason in eb) when the shape
 * is wrong.  Does not check that the region exists.
 */
enum region_level region_code_normalise(const char *s, size_t len,
					char out[static REGION_CODE_SIZE],
					struct errbuf *eb);

struct region_index;

/* A new empty index; NULL when out of memory.  Free with region_index_free. */
struct region_index *region_index_new(void);
void region_index_free(struct region_index *ix);

/*
 * Adds one region (code in dotted form, copied; name copied).  Call
 * region_index_finish once after the last add.  JR_EINVALID on a bad code.
 */
jr_err region_index_add(struct region_index *ix, const char *code, const char *name,
			struct errbuf *eb);
void region_index_finish(struct region_index *ix);

/* The name of a region by dotted code, or NULL when unknown.  Owned by ix. */
const char *region_index_name(const struct region_index *ix, const char *code);

/* Number of regions of a level in the index. */
size_t region_index_count(const struct region_index *ix, enum region_level level);

/*
 * Calls fn for every region in code order; stops and returns fn's code when it
 * is not JR_EOK.
 */
jr_err region_index_each(const struct region_index *ix,
			 jr_err (*fn)(void *ctx, const char *code, enum region_level level,
				      const char *name),
			 void *ctx);

#endif
