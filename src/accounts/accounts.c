/* accounts.c - accounts, sign-in, sessions and tokens (accounts.h). */
#include "compat.h"

#include <jansson.h>
#include <sodium.h>

#include "accounts/accounts.h"
#include "store/partners.h"

/* Verified against when the name is unknown, so that it costs what a wrong
 * password costs: timing does not tell which names exist. */
static char dummy_hash[PASSWORD_HASH_SIZE];

bool account_init(void)
{
	if (sodium_init() < 0)
		return false;
	if (!dummy_hash[0] &&
	    crypto_pwhash_str(dummy_hash, "-", 1, crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return false;
	return true;
}

bool account_name_valid(const char *name)
{
	size_t n = strlen(name);
	if (n == 0 || n > USER_NAME_MAX || name[0] == '.' || name[0] == '-' || name[0] == '_')
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = name[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
		      c == '-'))
			return false;
	}
	return true;
}

jr_err account_hash_password(const char *password, char out[PASSWORD_HASH_SIZE],
			     struct errbuf *eb)
{
	size_t n = strlen(password);
	if (n < ACCOUNT_PASSWORD_MIN)
		return errbuf_set(eb, JR_EINVALID, "kata sandi minimal %d karakter",
				  ACCOUNT_PASSWORD_MIN);
	if (n > ACCOUNT_PASSWORD_MAX)
		return errbuf_set(eb, JR_EINVALID, "kata sandi maksimal %d karakter",
				  ACCOUNT_PASSWORD_MAX);
	_Static_assert(PASSWORD_HASH_SIZE >= crypto_pwhash_STRBYTES, "hash buffer");
	if (crypto_pwhash_str(out, password, n, crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return errbuf_set(eb, JR_ENOMEM, "memori tidak cukup untuk menyandikan kata sandi");
	return JR_EOK;
}

bool account_password_ok(const char *hash, const char *password)
{
	return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}

static void to_hex(const unsigned char *b, size_t n, char *out)
{
	sodium_bin2hex(out, 2 * n + 1, b, n);
}

void account_random_hex(char out[SECRET_HEX_SIZE])
{
	unsigned char b[32];
	randombytes_buf(b, sizeof(b));
	to_hex(b, sizeof(b), out);
	sodium_memzero(b, sizeof(b));
}

void account_secret_hash(const char *secret, size_t len, char out[SECRET_HEX_SIZE])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, (const unsigned char *)secret, len);
	to_hex(h, sizeof(h), out);
}

/* The user as the audit log shows it: never the password hash. */
static char *user_json(const struct store_user *u)
{
	json_t *o = json_pack("{s:s, s:s, s:b}", "name", u->name, "role", role_name(u->role),
			      "disabled", u->disabled);
	if (!o)
		return NULL;
	if (u->partner_id)
		json_object_set_new(o, "partner_id", json_integer(u->partner_id));
	char *t = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(o);
	return t;
}

jr_err account_audit(struct store *s, const char *actor, const char *action, const char *object,
		     const char *before_json, const char *after_json, struct errbuf *eb)
{
	struct store_audit a = {.user_name = actor, .action = action, .object = object,
				.before_json = before_json, .after_json = after_json};
	return store_accounts_audit_add(s, &a, eb);
}

/* Ends a write: commits when err is OK, else rolls back. */
static jr_err finish(struct store *s, jr_err err, struct errbuf *eb)
{
	if (err == JR_EOK)
		err = store_commit(s, eb);
	if (err != JR_EOK)
		store_rollback(s);
	return err;
}

jr_err account_user_add(struct store *s, const char *actor, const char *name, enum role role,
			int64_t partner_id, const char *password, struct store_user *out,
			struct errbuf *eb)
{
	struct store_user u = {.role = role, .partner_id = partner_id};
	char object[USER_NAME_MAX + 8];
	if (!account_name_valid(name))
		return errbuf_set(eb, JR_EINVALID,
				  "nama pengguna harus 1-64 huruf kecil, angka, titik, garis "
				  "bawah atau tanda hubung");
	if (role == ROLE_NONE)
		return errbuf_set(eb, JR_EINVALID, "peran harus admin, officer, partner atau viewer");
	if (role == ROLE_PARTNER && partner_id <= 0)
		return errbuf_set(eb, JR_EINVALID, "pengguna mitra perlu --partner ID");
	if (role != ROLE_PARTNER && partner_id)
		return errbuf_set(eb, JR_EINVALID, "hanya pengguna mitra yang memiliki mitra");
	memcpy(u.name, name, strlen(name) + 1);
	jr_err err = account_hash_password(password, u.password_hash, eb);
	if (err != JR_EOK)
		return err;
	if ((err = store_begin(s, eb)) != JR_EOK)
		return err;
	if (role == ROLE_PARTNER) {
		struct store_partner p;
		bool found;
		err = store_partner_get(s, partner_id, &p, &found, eb);
		if (err == JR_EOK && !found)
			err = errbuf_set(eb, JR_EINVALID, "mitra %" PRId64 " tidak ada", partner_id);
	}
	if (err == JR_EOK)
		err = store_accounts_user_add(s, &u, eb);
	if (err == JR_EOK) {
		char *after = user_json(&u);
		snprintf(object, sizeof(object), "user:%s", name);
		err = after ? account_audit(s, actor, "user.add", object, NULL, after, eb)
			    : errbuf_set(eb, JR_ENOMEM, "memori tidak cukup");
		free(after);
	}
	err = finish(s, err, eb);
	if (err == JR_EOK && out)
		*out = u;
	return err;
}

static jr_err find_user(struct store *s, const char *name, struct store_user *u,
			struct errbuf *eb)
{
	bool found;
	jr_err err = store_accounts_user_find(s, name, u, &found, eb);
	if (err == JR_EOK && !found)
		err = errbuf_set(eb, JR_ENOTFOUND, "pengguna '%s' tidak ada", name);
	return err;
}

jr_err account_user_disable(struct store *s, const char *actor, const char *name, bool disabled,
			    struct errbuf *eb)
{
	struct store_user u;
	char object[USER_NAME_MAX + 8];
	jr_err err = store_begin(s, eb);
	if (err != JR_EOK)
		return err;
	err = find_user(s, name, &u, eb);
	if (err == JR_EOK)
		err = store_accounts_user_set_disabled(s, u.id, disabled, eb);
	if (err == JR_EOK && disabled)
		err = store_accounts_sessions_end_user(s, u.id, eb);
	if (err == JR_EOK) {
		char *before = user_json(&u);
		u.disabled = disabled;
		char *after = user_json(&u);
		snprintf(object, sizeof(object), "user:%s", name);
		err = account_audit(s, actor, disabled ? "user.disable" : "user.enable", object,
				    before, after, eb);
		free(before);
		free(after);
	}
	return finish(s, err, eb);
}

jr_err account_user_passwd(struct store *s, const char *actor, const char *name,
			   const char *password, struct errbuf *eb)
{
	struct store_user u;
	char hash[PASSWORD_HASH_SIZE], object[USER_NAME_MAX + 8];
	jr_err err = account_hash_password(password, hash, eb);
	if (err != JR_EOK)
		return err;
	if ((err = store_begin(s, eb)) != JR_EOK)
		return err;
	err = find_user(s, name, &u, eb);
	if (err == JR_EOK)
		err = store_accounts_user_set_password(s, u.id, hash, eb);
	if (err == JR_EOK)
		err = store_accounts_sessions_end_user(s, u.id, eb);
	if (err == JR_EOK) {
		snprintf(object, sizeof(object), "user:%s", name);
		err = account_audit(s, actor, "user.passwd", object, NULL, NULL, eb);
	}
	return finish(s, err, eb);
}

jr_err account_token_issue(struct store *s, const char *actor, const char *name,
			   char token[ACCOUNT_TOKEN_SIZE], struct errbuf *eb)
{
	struct store_user u;
	char secret[SECRET_HEX_SIZE], hash[SECRET_HEX_SIZE], object[USER_NAME_MAX + 8];
	jr_err err = store_begin(s, eb);
	if (err != JR_EOK)
		return err;
	err = find_user(s, name, &u, eb);
	if (err == JR_EOK && u.disabled)
		err = errbuf_set(eb, JR_EINVALID, "pengguna '%s' dinonaktifkan", name);
	if (err == JR_EOK) {
		account_random_hex(secret);
		snprintf(token, ACCOUNT_TOKEN_SIZE, "jr_%s", secret);
		account_secret_hash(token, strlen(token), hash);
		err = store_accounts_token_add(s, hash, u.id, eb);
	}
	if (err == JR_EOK) {
		snprintf(object, sizeof(object), "user:%s", name);
		err = account_audit(s, actor, "token.add", object, NULL, NULL, eb);
	}
	sodium_memzero(secret, sizeof(secret));
	return finish(s, err, eb);
}

/* Seconds key must still wait: 30 s after `limit` failures, doubling per further failure. */
static jr_err wait_for(struct store *s, const char *key, int64_t limit, int64_t now,
		       int64_t *wait, struct errbuf *eb)
{
	int64_t count, last;
	jr_err err = store_accounts_failures(s, key, now - ACCOUNT_FAILURE_WINDOW, &count, &last, eb);
	*wait = 0;
	if (err != JR_EOK || count < limit)
		return err;
	int64_t extra = count - limit;
	int64_t delay = extra >= 5 ? ACCOUNT_FAILURE_WINDOW : (int64_t)30 << extra;
	if (last + delay > now)
		*wait = last + delay - now;
	return JR_EOK;
}

jr_err account_sign_in(struct store *s, const char *name, const char *password,
		       const char *addr, int64_t now, enum signin_result *result,
		       struct account_session *out, struct errbuf *eb)
{
	char ukey[USER_NAME_MAX + 8], akey[80];
	int64_t wu, wa;
	bool found;
	memset(out, 0, sizeof(*out));
	*result = SIGNIN_BAD;
	snprintf(ukey, sizeof(ukey), "user:%.*s", USER_NAME_MAX, name);
	snprintf(akey, sizeof(akey), "addr:%s", addr ? addr : "?");
	jr_err err = wait_for(s, ukey, ACCOUNT_FAILURES_PER_USER, now, &wu, eb);
	if (err == JR_EOK)
		err = wait_for(s, akey, ACCOUNT_FAILURES_PER_ADDR, now, &wa, eb);
	if (err != JR_EOK)
		return err;
	if (wu || wa) {
		*result = SIGNIN_THROTTLED;
		out->retry_after = wu > wa ? wu : wa;
		return JR_EOK;
	}
	err = store_accounts_user_find(s, name, &out->user, &found, eb);
	if (err != JR_EOK)
		return err;
	bool ok = account_password_ok(found ? out->user.password_hash : dummy_hash, password) &&
		  found && !out->user.disabled;
	if ((err = store_begin(s, eb)) != JR_EOK)
		return err;
	if (!ok) {
		err = store_accounts_failure_add(s, ukey, now, eb);
		if (err == JR_EOK)
			err = store_accounts_failure_add(s, akey, now, eb);
		memset(&out->user, 0, sizeof(out->user));
		return finish(s, err, eb);
	}
	char hash[SECRET_HEX_SIZE];
	account_random_hex(out->token);
	account_random_hex(out->csrf);
	account_secret_hash(out->token, strlen(out->token), hash);
	out->expires_at = now + ACCOUNT_SESSION_SECONDS;
	err = store_accounts_failures_clear(s, ukey, eb);
	if (err == JR_EOK)
		err = store_accounts_session_add(s, hash, out->user.id, out->csrf, now,
						 out->expires_at, eb);
	if ((err = finish(s, err, eb)) == JR_EOK)
		*result = SIGNIN_OK;
	memset(out->user.password_hash, 0, sizeof(out->user.password_hash));
	return err;
}

jr_err account_session_user(struct store *s, const char *token, int64_t now,
			    struct store_user *u, char csrf[SECRET_HEX_SIZE], bool *found,
			    struct errbuf *eb)
{
	char hash[SECRET_HEX_SIZE];
	account_secret_hash(token, strlen(token), hash);
	return store_accounts_session_find(s, hash, now, u, csrf, found, eb);
}

jr_err account_sign_out(struct store *s, const char *token, int64_t now, struct errbuf *eb)
{
	char hash[SECRET_HEX_SIZE];
	account_secret_hash(token, strlen(token), hash);
	return store_accounts_session_delete(s, hash, now, eb);
}

jr_err account_token_user(struct store *s, const char *token, struct store_user *u, bool *found,
			  struct errbuf *eb)
{
	char hash[SECRET_HEX_SIZE];
	account_secret_hash(token, strlen(token), hash);
	return store_accounts_token_find(s, hash, u, found, eb);
}
