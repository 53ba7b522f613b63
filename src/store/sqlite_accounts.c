/* sqlite_accounts.c - the SQLite backend of the accounts aggregate (accounts.h). */
#include "compat.h"

#include "store/accounts.h"
#include "store/sqlite_int.h"

#define USER_COLUMNS "u.id, u.name, u.role, coalesce(u.partner_id, 0), u.password_hash, " \
		     "u.disabled, u.created_at "

static const char sql_user_add[] =
	"INSERT INTO users(name, role, partner_id, password_hash, disabled, created_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))";
static const char sql_user_find[] = "SELECT " USER_COLUMNS "FROM users u WHERE u.name = ?1";
static const char sql_users_each[] = "SELECT " USER_COLUMNS "FROM users u ORDER BY u.name";
static const char sql_user_disabled[] = "UPDATE users SET disabled = ?2 WHERE id = ?1";
static const char sql_user_password[] = "UPDATE users SET password_hash = ?2 WHERE id = ?1";
static const char sql_session_add[] =
	"INSERT INTO sessions(token_hash, user_id, csrf, created_at, expires_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5)";
static const char sql_session_find[] =
	"SELECT " USER_COLUMNS ", s.csrf FROM sessions s JOIN users u ON u.id = s.user_id "
	"WHERE s.token_hash = ?1 AND s.expires_at > ?2 AND u.disabled = 0";
static const char sql_session_delete[] =
	"DELETE FROM sessions WHERE token_hash = ?1 OR expires_at <= ?2";
static const char sql_sessions_user[] = "DELETE FROM sessions WHERE user_id = ?1";
static const char sql_token_add[] =
	"INSERT INTO api_tokens(token_hash, user_id, created_at) "
	"VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))";
static const char sql_token_find[] =
	"SELECT " USER_COLUMNS "FROM api_tokens t JOIN users u ON u.id = t.user_id "
	"WHERE t.token_hash = ?1 AND u.disabled = 0";
static const char sql_failure_add[] = "INSERT INTO signin_failures(key, at) VALUES (?1, ?2)";
static const char sql_failure_prune[] = "DELETE FROM signin_failures WHERE at < ?1";
static const char sql_failures[] =
	"SELECT count(*), coalesce(max(at), 0) FROM signin_failures WHERE key = ?1 AND at >= ?2";
static const char sql_failures_clear[] = "DELETE FROM signin_failures WHERE key = ?1";
static const char sql_audit_add[] =
	"INSERT INTO audit_log(at, user_name, action, object, before_json, after_json) "
	"VALUES (coalesce(?1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), ?2, ?3, ?4, ?5, ?6)";
static const char sql_audit_each[] =
	"SELECT id, at, user_name, action, object, before_json, after_json FROM audit_log "
	"WHERE ?1 = 0 OR id < ?1 ORDER BY id DESC LIMIT ?2";

static jr_err step_done(struct sqlite_store *q, sqlite3_stmt *st, struct errbuf *eb,
			const char *what)
{
	int rc = sqlite3_step(st);
	jr_err e = rc == SQLITE_DONE ? JR_EOK : db_error(q, eb, what);
	sqlite3_reset(st);
	return e;
}

static void read_user(sqlite3_stmt *st, struct store_user *u)
{
	memset(u, 0, sizeof(*u));
	u->id = sqlite3_column_int64(st, 0);
	copy_col(st, 1, u->name, sizeof(u->name));
	u->role = role_parse((const char *)sqlite3_column_text(st, 2));
	u->partner_id = sqlite3_column_int64(st, 3);
	copy_col(st, 4, u->password_hash, sizeof(u->password_hash));
	u->disabled = sqlite3_column_int(st, 5) != 0;
	copy_col(st, 6, u->created_at, sizeof(u->created_at));
}

/* Runs a query expected to give at most one user row. */
static jr_err one_user(struct sqlite_store *q, sqlite3_stmt *st, struct store_user *u,
		       bool *found, char *csrf, struct errbuf *eb, const char *what)
{
	int rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW) {
		read_user(st, u);
		if (csrf)
			copy_col(st, 7, csrf, SECRET_HEX_SIZE);
	} else if (rc != SQLITE_DONE) {
		jr_err e = db_error(q, eb, what);
		sqlite3_reset(st);
		return e;
	}
	sqlite3_reset(st);
	return JR_EOK;
}

static jr_err sa_user_add(struct store *s, struct store_user *u, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_cached(q, sql_user_add, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_text(st, 1, u->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, role_name(u->role), -1, SQLITE_STATIC);
	bind_int_or_null(st, 3, u->partner_id);
	sqlite3_bind_text(st, 4, u->password_hash, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 5, u->disabled);
	jr_err e = step_done(q, st, eb, "menyimpan pengguna");
	if (e == JR_ECONFLICT)
		return errbuf_set(eb, e, "pengguna '%s' sudah ada", u->name);
	if (e == JR_EOK)
		u->id = sqlite3_last_insert_rowid(q->db);
	return e;
}

static jr_err sa_user_find(struct store *s, const char *name, struct store_user *u, bool *found,
			   struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_cached(q, sql_user_find, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	return one_user(q, st, u, found, NULL, eb, "mencari pengguna");
}

static jr_err sa_users_each(struct store *s, jr_err (*fn)(void *ctx, const struct store_user *u),
			    void *ctx, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_cached(q, sql_users_each, eb);
	struct store_user u;
	jr_err e = JR_EOK;
	int rc;
	if (!st)
		return JR_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_user(st, &u);
		if ((e = fn(ctx, &u)) != JR_EOK)
			break;
	}
	if (e == JR_EOK && rc != SQLITE_DONE)
		e = db_error(q, eb, "membaca pengguna");
	sqlite3_reset(st);
	return e;
}

static jr_err sa_user_set_disabled(struct store *s, int64_t id, bool disabled, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_cached(q, sql_user_disabled, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, disabled);
	return step_done(q, st, eb, "mengubah pengguna");
}

static jr_err sa_user_set_password(struct store *s, int64_t id, const char *hash,
				   struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_cached(q, sql_user_password, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
	return step_done(q, st, eb, "mengubah kata sandi");
}

static jr_err sa_session_add(struct store *s, const char *token_hash, int64_t user_id,
			     const char *csrf, int64_t now, int64_t expires_at, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_cached(q, sql_session_add, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_text(st, 1, token_hash, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, user_id);
	sqlite3_bind_text(st, 3, csrf, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, now);
	sqlite3_bind_int64(st, 5, expires_at);
	return step_done(q, st, eb, "menyimpan sesi");
}

static jr_err sa_session_find(struct store *s, const char *token_hash, int64_t now,
			      struct store_user *u, char csrf[SECRET_HEX_SIZE], bool *found,
			      struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_cached(q, sql_session_find, eb);
	char ignored[SECRET_HEX_SIZE];
	if (!st)
		return JR_EDB;
	sqlite3_bind_text(st, 1, token_hash, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, now);
	return one_user(q, st, u, found, csrf ? csrf : ignored, eb, "mencari sesi");
}

static jr_err sa_session_delete(struct store *s, const char *token_hash, int64_t now,
				struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_cached(q, sql_session_delete, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_text(st, 1, token_hash, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, now);
	return step_done(q, st, eb, "mengakhiri sesi");
}

static jr_err sa_sessions_end_user(struct store *s, int64_t user_id, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_cached(q, sql_sessions_user, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, user_id);
	return step_done(q, st, eb, "mengakhiri sesi pengguna");
}

static jr_err sa_token_add(struct store *s, const char *token_hash, int64_t user_id,
			   struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_cached(q, sql_token_add, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_text(st, 1, token_hash, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, user_id);
	return step_done(q, st, eb, "menyimpan token");
}

static jr_err sa_token_find(struct store *s, const char *token_hash, struct store_user *u,
			    bool *found, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_cached(q, sql_token_find, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_text(st, 1, token_hash, -1, SQLITE_STATIC);
	return one_user(q, st, u, found, NULL, eb, "mencari token");
}

static jr_err sa_failure_add(struct store *s, const char *key, int64_t now, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_cached(q, sql_failure_prune, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, now - 86400);
	jr_err e = step_done(q, st, eb, "membersihkan catatan masuk gagal");
	if (e != JR_EOK)
		return e;
	if (!(st = stmt_cached(q, sql_failure_add, eb)))
		return JR_EDB;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, now);
	return step_done(q, st, eb, "mencatat masuk gagal");
}

static jr_err sa_failures(struct store *s, const char *key, int64_t since, int64_t *count,
			  int64_t *last, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_cached(q, sql_failures, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, since);
	if (sqlite3_step(st) != SQLITE_ROW) {
		jr_err e = db_error(q, eb, "membaca catatan masuk gagal");
		sqlite3_reset(st);
		return e;
	}
	*count = sqlite3_column_int64(st, 0);
	*last = sqlite3_column_int64(st, 1);
	sqlite3_reset(st);
	return JR_EOK;
}

static jr_err sa_failures_clear(struct store *s, const char *key, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_cached(q, sql_failures_clear, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	return step_done(q, st, eb, "menghapus catatan masuk gagal");
}

static jr_err sa_audit_add(struct store *s, struct store_audit *a, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_cached(q, sql_audit_add, eb);
	if (!st)
		return JR_EDB;
	bind_text_or_null(st, 1, a->at);
	sqlite3_bind_text(st, 2, a->user_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, a->action, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, a->object, -1, SQLITE_STATIC);
	bind_text_or_null(st, 5, a->before_json);
	bind_text_or_null(st, 6, a->after_json);
	jr_err e = step_done(q, st, eb, "mencatat jejak audit");
	if (e == JR_EOK)
		a->id = sqlite3_last_insert_rowid(q->db);
	return e;
}

static jr_err sa_audit_each(struct store *s, int64_t before_id, int64_t limit,
			    jr_err (*fn)(void *ctx, const struct store_audit *a), void *ctx,
			    struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_cached(q, sql_audit_each, eb);
	jr_err e = JR_EOK;
	int rc;
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, before_id);
	sqlite3_bind_int64(st, 2, limit > 0 ? limit : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_audit a = {
			.id = sqlite3_column_int64(st, 0),
			.at = (const char *)sqlite3_column_text(st, 1),
			.user_name = (const char *)sqlite3_column_text(st, 2),
			.action = (const char *)sqlite3_column_text(st, 3),
			.object = (const char *)sqlite3_column_text(st, 4),
			.before_json = (const char *)sqlite3_column_text(st, 5),
			.after_json = (const char *)sqlite3_column_text(st, 6),
		};
		if ((e = fn(ctx, &a)) != JR_EOK)
			break;
	}
	if (e == JR_EOK && rc != SQLITE_DONE)
		e = db_error(q, eb, "membaca jejak audit");
	sqlite3_reset(st);
	return e;
}

const struct store_accounts_ops sqlite_accounts_ops = {
	.user_add = sa_user_add,
	.user_find = sa_user_find,
	.users_each = sa_users_each,
	.user_set_disabled = sa_user_set_disabled,
	.user_set_password = sa_user_set_password,
	.session_add = sa_session_add,
	.session_find = sa_session_find,
	.session_delete = sa_session_delete,
	.sessions_end_user = sa_sessions_end_user,
	.token_add = sa_token_add,
	.token_find = sa_token_find,
	.failure_add = sa_failure_add,
	.failures = sa_failures,
	.failures_clear = sa_failures_clear,
	.audit_add = sa_audit_add,
	.audit_each = sa_audit_each,
};
