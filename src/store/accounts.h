/*
 * accounts.h - users, sessions, API tokens, failed sign-ins and the audit
 * log (006_accounts.sql).
 *
 * Secrets never reach the store: sessions and tokens are looked up by the
 * hex SHA-256 of what the client holds, passwords are argon2id strings made
 * by src/accounts/.  Every function returns a jr_err and fills eb on failure.
 */
#ifndef JARING_STORE_ACCOUNTS_H
#define JARING_STORE_ACCOUNTS_H

#include "compat.h"
#include "store/store.h"

enum role { ROLE_NONE = 0, ROLE_ADMIN, ROLE_OFFICER, ROLE_PARTNER, ROLE_VIEWER, ROLE_COUNT };

/* "admin", "officer", "partner", "viewer"; "" for NONE. */
const char *role_name(enum role r);
/* The names above (and petugas, mitra, pengamat); ROLE_NONE when unknown. */
enum role role_parse(const char *s);

#define USER_NAME_MAX 64
#define PASSWORD_HASH_SIZE 128
/* Hex SHA-256 plus NUL: the key of a session or token, and a CSRF token. */
#define SECRET_HEX_SIZE 65

struct store_user {
	int64_t id;
	char name[USER_NAME_MAX + 1];
	enum role role;
	int64_t partner_id;            /* partner users only; 0 otherwise */
	bool disabled;
	char password_hash[PASSWORD_HASH_SIZE];
	char created_at[24];           /* ISO 8601 UTC */
};

/* One audit entry; strings are borrowed (NULL before/after: none). */
struct store_audit {
	int64_t id;
	const char *at, *user_name, *action, *object, *before_json, *after_json;
};

/* Adds a user (u->id set); a name already taken is JR_ECONFLICT. */
jr_err store_accounts_user_add(struct store *s, struct store_user *u, struct errbuf *eb);
/* Finds a user by name; *found false when none. */
jr_err store_accounts_user_find(struct store *s, const char *name, struct store_user *u,
				bool *found, struct errbuf *eb);
/* Calls fn for every user by name. */
jr_err store_accounts_users_each(struct store *s,
				 jr_err (*fn)(void *ctx, const struct store_user *u), void *ctx,
				 struct errbuf *eb);
jr_err store_accounts_user_set_disabled(struct store *s, int64_t id, bool disabled,
					struct errbuf *eb);
jr_err store_accounts_user_set_password(struct store *s, int64_t id, const char *hash,
					struct errbuf *eb);

/* Records a session until expires_at (Unix seconds). */
jr_err store_accounts_session_add(struct store *s, const char *token_hash, int64_t user_id,
				  const char *csrf, int64_t now, int64_t expires_at,
				  struct errbuf *eb);
/*
 * The enabled user of an unexpired session and its CSRF token (csrf may be
 * NULL); *found false when the session is unknown, expired or its user
 * disabled.
 */
jr_err store_accounts_session_find(struct store *s, const char *token_hash, int64_t now,
				   struct store_user *u, char csrf[SECRET_HEX_SIZE], bool *found,
				   struct errbuf *eb);
/* Ends a session and drops every expired one. */
jr_err store_accounts_session_delete(struct store *s, const char *token_hash, int64_t now,
				     struct errbuf *eb);
/* Ends every session of a user (disabled, new password). */
jr_err store_accounts_sessions_end_user(struct store *s, int64_t user_id, struct errbuf *eb);

jr_err store_accounts_token_add(struct store *s, const char *token_hash, int64_t user_id,
				struct errbuf *eb);
/* The enabled user of a token; *found false when unknown or disabled. */
jr_err store_accounts_token_find(struct store *s, const char *token_hash, struct store_user *u,
				 bool *found, struct errbuf *eb);

/* Records a failed sign-in for key ("user:NAME", "addr:IP") and prunes rows a day old. */
jr_err store_accounts_failure_add(struct store *s, const char *key, int64_t now,
				  struct errbuf *eb);
/* Failures of key since a time: how many and the latest (0 when none). */
jr_err store_accounts_failures(struct store *s, const char *key, int64_t since, int64_t *count,
			       int64_t *last, struct errbuf *eb);
jr_err store_accounts_failures_clear(struct store *s, const char *key, struct errbuf *eb);

/* Appends an audit entry (a->id set; a->at NULL: now). */
jr_err store_accounts_audit_add(struct store *s, struct store_audit *a, struct errbuf *eb);
/*
 * Calls fn for audit entries newest first, those with id < before_id
 * (0: from the newest), at most limit of them (0: all).
 */
jr_err store_accounts_audit_each(struct store *s, int64_t before_id, int64_t limit,
				 jr_err (*fn)(void *ctx, const struct store_audit *a), void *ctx,
				 struct errbuf *eb);

struct store_accounts_ops {
	jr_err (*user_add)(struct store *s, struct store_user *u, struct errbuf *eb);
	jr_err (*user_find)(struct store *s, const char *name, struct store_user *u, bool *found,
			    struct errbuf *eb);
	jr_err (*users_each)(struct store *s, jr_err (*fn)(void *ctx, const struct store_user *u),
			     void *ctx, struct errbuf *eb);
	jr_err (*user_set_disabled)(struct store *s, int64_t id, bool disabled, struct errbuf *eb);
	jr_err (*user_set_password)(struct store *s, int64_t id, const char *hash,
				    struct errbuf *eb);
	jr_err (*session_add)(struct store *s, const char *token_hash, int64_t user_id,
			      const char *csrf, int64_t now, int64_t expires_at, struct errbuf *eb);
	jr_err (*session_find)(struct store *s, const char *token_hash, int64_t now,
			       struct store_user *u, char csrf[SECRET_HEX_SIZE], bool *found,
			       struct errbuf *eb);
	jr_err (*session_delete)(struct store *s, const char *token_hash, int64_t now,
				 struct errbuf *eb);
	jr_err (*sessions_end_user)(struct store *s, int64_t user_id, struct errbuf *eb);
	jr_err (*token_add)(struct store *s, const char *token_hash, int64_t user_id,
			    struct errbuf *eb);
	jr_err (*token_find)(struct store *s, const char *token_hash, struct store_user *u,
			     bool *found, struct errbuf *eb);
	jr_err (*failure_add)(struct store *s, const char *key, int64_t now, struct errbuf *eb);
	jr_err (*failures)(struct store *s, const char *key, int64_t since, int64_t *count,
			   int64_t *last, struct errbuf *eb);
	jr_err (*failures_clear)(struct store *s, const char *key, struct errbuf *eb);
	jr_err (*audit_add)(struct store *s, struct store_audit *a, struct errbuf *eb);
	jr_err (*audit_each)(struct store *s, int64_t before_id, int64_t limit,
			     jr_err (*fn)(void *ctx, const struct store_audit *a), void *ctx,
			     struct errbuf *eb);
};

extern const struct store_accounts_ops sqlite_accounts_ops;

#endif
