/*
 * accounts.h - accounts, sign-in, sessions, API tokens and the audit log:
 * the rules both `jaring user`/`jaring token` and the server follow
 * (docs/rules.md "Accounts, roles and sessions").
 *
 * Passwords are hashed with argon2id (libsodium crypto_pwhash_str).
 * Session cookies and API tokens are 256-bit random secrets; only their
 * SHA-256 is stored.  Repeated failed sign-ins are refused for a while, per
 * account and per address.
 */
#ifndef JARING_ACCOUNTS_ACCOUNTS_H
#define JARING_ACCOUNTS_ACCOUNTS_H

#include "compat.h"
#include "store/accounts.h"

#define ACCOUNT_PASSWORD_MIN 8
#define ACCOUNT_PASSWORD_MAX 256
/* A session lasts this long from sign-in. */
#define ACCOUNT_SESSION_SECONDS (12 * 3600)
/* Failed sign-ins counted over this window... */
#define ACCOUNT_FAILURE_WINDOW (15 * 60)
/* ...before an account, or an address, is made to wait. */
#define ACCOUNT_FAILURES_PER_USER 5
#define ACCOUNT_FAILURES_PER_ADDR 20
/* A bearer token: "jr_" and 64 hex digits. */
#define ACCOUNT_TOKEN_SIZE (3 + 64 + 1)

/* Initialises libsodium; false when the system has no usable randomness. */
bool account_init(void);

/* Checks a user name: 1-64 of [a-z0-9._-], starting with a letter or digit. */
bool account_name_valid(const char *name);

jr_err account_hash_password(const char *password, char out[PASSWORD_HASH_SIZE],
			     struct errbuf *eb);
bool account_password_ok(const char *hash, const char *password);

/* 32 random bytes as 64 hex digits. */
void account_random_hex(char out[SECRET_HEX_SIZE]);
/* The hex SHA-256 of a secret of len bytes: what the store keeps. */
void account_secret_hash(const char *secret, size_t len, char out[SECRET_HEX_SIZE]);

/*
 * Adds a user with a password, and its audit entry, in one transaction.
 * JR_EINVALID (eb says which field) for a bad name, role, missing partner
 * for a partner user or a short password; JR_ECONFLICT for a name taken.
 */
jr_err account_user_add(struct store *s, const char *actor, const char *name, enum role role,
			int64_t partner_id, const char *password, struct store_user *out,
			struct errbuf *eb);
/* Disables (or enables) a user and ends their sessions; JR_ENOTFOUND when unknown. */
jr_err account_user_disable(struct store *s, const char *actor, const char *name, bool disabled,
			    struct errbuf *eb);
/* Sets a new password and ends the user's sessions. */
jr_err account_user_passwd(struct store *s, const char *actor, const char *name,
			   const char *password, struct errbuf *eb);
/* Issues a bearer token for a user into token (shown once, never stored). */
jr_err account_token_issue(struct store *s, const char *actor, const char *name,
			   char token[ACCOUNT_TOKEN_SIZE], struct errbuf *eb);

enum signin_result { SIGNIN_OK = 0, SIGNIN_BAD, SIGNIN_THROTTLED };

struct account_session {
	struct store_user user;
	char token[SECRET_HEX_SIZE]; /* the cookie value */
	char csrf[SECRET_HEX_SIZE];
	int64_t expires_at;
	int64_t retry_after;         /* SIGNIN_THROTTLED: seconds to wait */
};

/*
 * Signs a user in from an address at time now.  SIGNIN_BAD for an unknown
 * user, a wrong password or a disabled account (recorded as a failure);
 * SIGNIN_THROTTLED while the account or the address must wait.
 */
jr_err account_sign_in(struct store *s, const char *name, const char *password,
		       const char *addr, int64_t now, enum signin_result *result,
		       struct account_session *out, struct errbuf *eb);
/* The user of a session cookie, and its CSRF token; *found false if none. */
jr_err account_session_user(struct store *s, const char *token, int64_t now,
			    struct store_user *u, char csrf[SECRET_HEX_SIZE], bool *found,
			    struct errbuf *eb);
jr_err account_sign_out(struct store *s, const char *token, int64_t now, struct errbuf *eb);
/* The user of a bearer token; *found false if none. */
jr_err account_token_user(struct store *s, const char *token, struct store_user *u, bool *found,
			  struct errbuf *eb);

/* Appends an audit entry (before/after JSON text or NULL). */
jr_err account_audit(struct store *s, const char *actor, const char *action, const char *object,
		     const char *before_json, const char *after_json, struct errbuf *eb);

#endif
