/* accounts.c - forwards the accounts aggregate to the backend (accounts.h). */
#include "compat.h"

#include <strings.h>

#include "store/accounts.h"

static const char *const role_names[ROLE_COUNT] = {
	[ROLE_NONE] = "", [ROLE_ADMIN] = "admin", [ROLE_OFFICER] = "officer",
	[ROLE_PARTNER] = "partner", [ROLE_VIEWER] = "viewer",
};

const char *role_name(enum role r)
{
	return r > ROLE_NONE && r < ROLE_COUNT ? role_names[r] : "";
}

enum role role_parse(const char *s)
{
	static const struct {
		const char *name;
		enum role role;
	} words[] = {
		{"admin", ROLE_ADMIN},     {"officer", ROLE_OFFICER}, {"petugas", ROLE_OFFICER},
		{"partner", ROLE_PARTNER}, {"mitra", ROLE_PARTNER},   {"viewer", ROLE_VIEWER},
		{"pengamat", ROLE_VIEWER},
	};
	for (size_t i = 0; s && i < ARRAY_SIZE(words); i++)
		if (!strcasecmp(s, words[i].name))
			return words[i].role;
	return ROLE_NONE;
}

#define OPS(s) ((s)->ops->accounts)

jr_err store_accounts_user_add(struct store *s, struct store_user *u, struct errbuf *eb)
{
	return OPS(s)->user_add(s, u, eb);
}

jr_err store_accounts_user_find(struct store *s, const char *name, struct store_user *u,
				bool *found, struct errbuf *eb)
{
	return OPS(s)->user_find(s, name, u, found, eb);
}

jr_err store_accounts_users_each(struct store *s,
				 jr_err (*fn)(void *ctx, const struct store_user *u), void *ctx,
				 struct errbuf *eb)
{
	return OPS(s)->users_each(s, fn, ctx, eb);
}

jr_err store_accounts_user_set_disabled(struct store *s, int64_t id, bool disabled,
					struct errbuf *eb)
{
	return OPS(s)->user_set_disabled(s, id, disabled, eb);
}

jr_err store_accounts_user_set_password(struct store *s, int64_t id, const char *hash,
					struct errbuf *eb)
{
	return OPS(s)->user_set_password(s, id, hash, eb);
}

jr_err store_accounts_session_add(struct store *s, const char *token_hash, int64_t user_id,
				  const char *csrf, int64_t now, int64_t expires_at,
				  struct errbuf *eb)
{
	return OPS(s)->session_add(s, token_hash, user_id, csrf, now, expires_at, eb);
}

jr_err store_accounts_session_find(struct store *s, const char *token_hash, int64_t now,
				   struct store_user *u, char csrf[SECRET_HEX_SIZE], bool *found,
				   struct errbuf *eb)
{
	return OPS(s)->session_find(s, token_hash, now, u, csrf, found, eb);
}

jr_err store_accounts_session_delete(struct store *s, const char *token_hash, int64_t now,
				     struct errbuf *eb)
{
	return OPS(s)->session_delete(s, token_hash, now, eb);
}

jr_err store_accounts_sessions_end_user(struct store *s, int64_t user_id, struct errbuf *eb)
{
	return OPS(s)->sessions_end_user(s, user_id, eb);
}

jr_err store_accounts_token_add(struct store *s, const char *token_hash, int64_t user_id,
				struct errbuf *eb)
{
	return OPS(s)->token_add(s, token_hash, user_id, eb);
}

jr_err store_accounts_token_find(struct store *s, const char *token_hash, struct store_user *u,
				 bool *found, struct errbuf *eb)
{
	return OPS(s)->token_find(s, token_hash, u, found, eb);
}

jr_err store_accounts_failure_add(struct store *s, const char *key, int64_t now,
				  struct errbuf *eb)
{
	return OPS(s)->failure_add(s, key, now, eb);
}

jr_err store_accounts_failures(struct store *s, const char *key, int64_t since, int64_t *count,
			       int64_t *last, struct errbuf *eb)
{
	return OPS(s)->failures(s, key, since, count, last, eb);
}

jr_err store_accounts_failures_clear(struct store *s, const char *key, struct errbuf *eb)
{
	return OPS(s)->failures_clear(s, key, eb);
}

jr_err store_accounts_audit_add(struct store *s, struct store_audit *a, struct errbuf *eb)
{
	return OPS(s)->audit_add(s, a, eb);
}

jr_err store_accounts_audit_each(struct store *s, int64_t before_id, int64_t limit,
				 jr_err (*fn)(void *ctx, const struct store_audit *a), void *ctx,
				 struct errbuf *eb)
{
	return OPS(s)->audit_each(s, before_id, limit, fn, ctx, eb);
}
