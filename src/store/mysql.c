/*
 * The mysql store (see mysql.h): connection handling and the set-based,
 * streamed queries of every scope.
 *
 * Queries are built from constant SQL fragments of this file; the only text
 * that does not come from here is the table prefix, checked against
 * [a-z][a-z0-9_]{0,9} before the store exists. Every value (course id, user
 * id, profile field shortname, role shortnames) is a bound parameter.
 */
#if defined(__linux__) && !defined(_GNU_SOURCE)
# define _GNU_SOURCE /* dladdr(), to name the client library actually loaded */
#endif
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __linux__
# include <dlfcn.h>
#endif

#include <mysql.h>
#include <errmsg.h>
#include <mysqld_error.h>

#include "store/mysql.h"

#if defined(MARIADB_PACKAGE_VERSION_ID) || (defined(MYSQL_VERSION_ID) && MYSQL_VERSION_ID < 80000)
typedef my_bool mg_my_bool;
#else
typedef bool mg_my_bool;
#endif

/* Above this many course ids an attestation scope reads every course (the
 * core filters): the statements stay of a bounded size. */
#define MG_MYSQL_MAX_IDS 1000
/* Initial buffer of a string column; longer values are fetched whole with
 * mysql_stmt_fetch_column. */
#define MG_MYSQL_STRBUF 256

/* Connection options with their own copy of every string. */
typedef struct optcopy {
	mg_mysql_options o;          /* strings point into `strings` */
	char *strings;
	size_t strings_len;
} optcopy;

struct mg_mysql_store {
	mg_mysql_options o;          /* the primary's options (strings in `p`) */
	optcopy p;
	mg_mysql_link own;
	mg_mysql_link *link;         /* &own, or a persistent link */
	/* Read replicas (Moodle's $CFG->dboptions['readonly']): the heavy scopes
	 * read from the first one that connects, starting at `rfirst`. */
	optcopy *replicas;
	size_t nreplicas, rfirst, rcur;
	mg_mysql_link rlink;         /* the replica in use (replicas[rcur]) */
	int rtried;                  /* no replica could be connected: the primary */
	char *identity;
	uint64_t statements;
	uint64_t replica_loads;
};

/* ------------------------------------------------------------- checks */

mg_status mg_mysql_prefix_check(const char *prefix, size_t len, mg_error *err)
{
	size_t i;

	if (len < 1 || len > MG_MYSQL_PREFIX_MAX || prefix[0] < 'a' || prefix[0] > 'z') {
		goto error;
	}
	for (i = 1; i < len; i++) {
		char c = prefix[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
			goto error;
		}
	}
	return MG_OK;
error:
	return mg_error_set(err, MG_EARG,
		"the table prefix must match [a-z][a-z0-9_]{0,9} (lower-case letter, then up to 9 lower-case letters, digits or underscores)");
}

mg_status mg_mysql_charset_check(const char *charset, size_t len, mg_error *err)
{
	size_t i;

	if (len < 1 || len > 32) {
		goto error;
	}
	for (i = 0; i < len; i++) {
		char c = charset[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
			goto error;
		}
	}
	return MG_OK;
error:
	return mg_error_set(err, MG_EARG, "the charset must match [a-z0-9_]{1,32} (e.g. utf8mb4)");
}

/* ------------------------------------------------------------ the link */

/* Moodle uses dboptions['dbsocket'] only when it holds a path separator. */
static int has_path_separator(const char *s)
{
	return s && (strchr(s, '/') || strchr(s, '\\'));
}

/* "host 'db.example' port 3306" or "socket '/run/mysqld/mysqld.sock'". */
static void describe_server(const mg_mysql_options *o, char *buf, size_t size)
{
	const char *host = (o->host && o->host[0]) ? o->host : "localhost";

	if (has_path_separator(o->socket) && strcmp(host, "localhost") == 0) {
		snprintf(buf, size, "socket '%s'", o->socket);
	} else if (o->port) {
		snprintf(buf, size, "host '%s' port %u", host, o->port);
	} else {
		snprintf(buf, size, "host '%s'", host);
	}
}

static mg_status conn_error(const mg_mysql_options *o, MYSQL *m, const char *what, mg_error *err)
{
	char where[300];

	describe_server(o, where, sizeof(where));
	return mg_error_set(err, MG_ECONN, "mysql: %s on %s, database '%s': %s (error %u)",
		what, where, o->database ? o->database : "", mysql_error(m), mysql_errno(m));
}

static mg_status session_setup(MYSQL *m, const mg_mysql_options *o, mg_error *err)
{
	static const char sql_mode[] = "SET SESSION sql_mode='STRICT_ALL_TABLES'";
	static const char isolation[] = "SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ";

	if (mysql_set_character_set(m, o->charset)) {
		return conn_error(o, m, "cannot set the character set", err);
	}
	if (mysql_real_query(m, sql_mode, sizeof(sql_mode) - 1)
		|| mysql_real_query(m, isolation, sizeof(isolation) - 1)) {
		return conn_error(o, m, "cannot set up the session", err);
	}
	return MG_OK;
}

mg_status mg_mysql_link_open(mg_mysql_link *link, const mg_mysql_options *o, mg_error *err)
{
	MYSQL *m;
	mg_my_bool on = 1;
	const char *host = (o->host && o->host[0]) ? o->host : "localhost";
	const char *socket = has_path_separator(o->socket) ? o->socket : NULL;
	mg_status st;

	link->conn = NULL;
	m = mysql_init(NULL);
	if (!m) {
		return mg_error_set(err, MG_ENOMEM, "mysql: out of memory");
	}
	if (o->connect_timeout) {
		mysql_options(m, MYSQL_OPT_CONNECT_TIMEOUT, &o->connect_timeout);
	}
	if (o->read_timeout) {
		mysql_options(m, MYSQL_OPT_READ_TIMEOUT, &o->read_timeout);
	}
	if (o->write_timeout) {
		mysql_options(m, MYSQL_OPT_WRITE_TIMEOUT, &o->write_timeout);
	}
	mysql_options(m, MYSQL_REPORT_DATA_TRUNCATION, &on);
	if (o->ssl_ca || o->ssl_cert || o->ssl_key || o->ssl_verify) {
#ifdef MARIADB_PACKAGE_VERSION_ID
		mg_my_bool verify = o->ssl_verify ? 1 : 0;
		mysql_ssl_set(m, o->ssl_key, o->ssl_cert, o->ssl_ca, NULL, NULL);
		mysql_options(m, MYSQL_OPT_SSL_ENFORCE, &on);
		mysql_options(m, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &verify);
#else
		unsigned int mode = o->ssl_verify ? SSL_MODE_VERIFY_IDENTITY : SSL_MODE_REQUIRED;
		if (o->ssl_ca) {
			mysql_options(m, MYSQL_OPT_SSL_CA, o->ssl_ca);
		}
		if (o->ssl_cert) {
			mysql_options(m, MYSQL_OPT_SSL_CERT, o->ssl_cert);
		}
		if (o->ssl_key) {
			mysql_options(m, MYSQL_OPT_SSL_KEY, o->ssl_key);
		}
		mysql_options(m, MYSQL_OPT_SSL_MODE, &mode);
#endif
	}
	if (!mysql_real_connect(m, host, o->user, o->password, o->database, o->port, socket, 0)) {
		st = conn_error(o, m, "cannot connect", err);
		mysql_close(m);
		return st;
	}
	st = session_setup(m, o, err);
	if (st != MG_OK) {
		mysql_close(m);
		return st;
	}
	link->conn = m;
	link->pid = getpid();
	return MG_OK;
}

void mg_mysql_link_close(mg_mysql_link *link)
{
	MYSQL *m = link->conn;

	if (!m) {
		return;
	}
	link->conn = NULL;
	if (link->pid != getpid()) {
		/* Opened by another process: its socket is shared with that
		 * process. Put /dev/null in its place, so that the COM_QUIT that
		 * mysql_close() sends (and the close that follows) never reach the
		 * parent's session. */
		my_socket fd = mysql_get_socket(m);
		int null = open("/dev/null", O_RDWR);
		if (null < 0 || ((int)fd >= 0 && dup2(null, (int)fd) < 0)) {
			/* Cannot detach the socket: leave the handle rather than
			 * end the parent's session. */
			if (null >= 0) {
				close(null);
			}
			return;
		}
		close(null);
	}
	mysql_close(m);
}

mg_status mg_mysql_link_reuse(mg_mysql_link *link, const mg_mysql_options *o, mg_error *err)
{
	MYSQL *m = link->conn;

	if (m && link->pid == getpid() && mysql_reset_connection(m) == 0
		&& session_setup(m, o, NULL) == MG_OK) {
		return MG_OK;
	}
	mg_mysql_link_close(link);
	return mg_mysql_link_open(link, o, err);
}

/* The link to use for a request: opened again when it was closed (a broken
 * link is closed at the first error) or inherited from another process. */
static mg_status link_ready(mg_mysql_store *s, MYSQL **out, mg_error *err)
{
	mg_mysql_link *link = s->link;
	mg_status st;

	if (link->conn && link->pid != getpid()) {
		mg_mysql_link_close(link);
	}
	if (!link->conn) {
		st = mg_mysql_link_open(link, &s->o, err);
		if (st != MG_OK) {
			return st;
		}
	}
	*out = link->conn;
	return MG_OK;
}

/* ----------------------------------------------------------- the store */

static size_t opt_len(const char *s)
{
	return s ? strlen(s) + 1 : 0;
}

static const char *opt_copy(char **cursor, const char *s)
{
	char *dst;
	size_t len;

	if (!s) {
		return NULL;
	}
	dst = *cursor;
	len = strlen(s) + 1;
	memcpy(dst, s, len);
	*cursor += len;
	return dst;
}

static void optcopy_wipe(optcopy *c)
{
	if (c->strings) {
		/* The password lives here: wipe it before release. */
		volatile char *v = c->strings;
		size_t i;
		for (i = 0; i < c->strings_len; i++) {
			v[i] = 0;
		}
		mg_free(c->strings);
	}
	memset(c, 0, sizeof(*c));
}

static mg_status optcopy_make(optcopy *c, const mg_mysql_options *o, const char *prefix,
	const char *charset, mg_error *err)
{
	char *cursor;
	size_t total;

	memset(c, 0, sizeof(*c));
	total = opt_len(o->host) + opt_len(o->socket) + opt_len(o->user) + opt_len(o->password)
		+ opt_len(o->database) + opt_len(prefix) + opt_len(charset) + opt_len(o->ssl_ca)
		+ opt_len(o->ssl_cert) + opt_len(o->ssl_key) + 1;
	c->strings = mg_malloc(total);
	if (!c->strings) {
		return mg_error_set(err, MG_ENOMEM, "mysql: out of memory");
	}
	c->strings_len = total;
	cursor = c->strings;
	c->o = *o;
	c->o.host = opt_copy(&cursor, o->host);
	c->o.socket = opt_copy(&cursor, o->socket);
	c->o.user = opt_copy(&cursor, o->user);
	c->o.password = opt_copy(&cursor, o->password);
	c->o.database = opt_copy(&cursor, o->database);
	c->o.prefix = opt_copy(&cursor, prefix);
	c->o.charset = opt_copy(&cursor, charset);
	c->o.ssl_ca = opt_copy(&cursor, o->ssl_ca);
	c->o.ssl_cert = opt_copy(&cursor, o->ssl_cert);
	c->o.ssl_key = opt_copy(&cursor, o->ssl_key);
	return MG_OK;
}

static void store_free(void *p)
{
	mg_mysql_store *s = p;
	size_t i;

	if (!s) {
		return;
	}
	if (s->link == &s->own) {
		mg_mysql_link_close(&s->own);
	}
	mg_mysql_link_close(&s->rlink);
	for (i = 0; i < s->nreplicas; i++) {
		optcopy_wipe(&s->replicas[i]);
	}
	mg_free(s->replicas);
	mg_free(s->identity);
	optcopy_wipe(&s->p);
	mg_free(s);
}

mg_status mg_mysql_store_new(const mg_mysql_options *o, mg_mysql_link *shared,
	mg_mysql_store **out, mg_error *err)
{
	mg_mysql_store *s;
	const char *prefix = o->prefix ? o->prefix : "mdl_";
	const char *charset = o->charset ? o->charset : "utf8mb4";
	size_t len;
	mg_status st;

	*out = NULL;
	st = mg_mysql_prefix_check(prefix, strlen(prefix), err);
	if (st != MG_OK) {
		return st;
	}
	st = mg_mysql_charset_check(charset, strlen(charset), err);
	if (st != MG_OK) {
		return st;
	}
	s = mg_calloc(1, sizeof(*s));
	if (!s) {
		return mg_error_set(err, MG_ENOMEM, "mysql: out of memory");
	}
	st = optcopy_make(&s->p, o, prefix, charset, err);
	if (st != MG_OK) {
		mg_free(s);
		return st;
	}
	s->o = s->p.o;
	/* What the rows come from, for the keys of resident models: never the
	 * password. */
	len = strlen(s->o.host ? s->o.host : "") + strlen(s->o.socket ? s->o.socket : "")
		+ strlen(s->o.user ? s->o.user : "") + strlen(s->o.database) + strlen(s->o.prefix) + 64;
	s->identity = mg_malloc(len);
	if (!s->identity) {
		store_free(s);
		return mg_error_set(err, MG_ENOMEM, "mysql: out of memory");
	}
	snprintf(s->identity, len, "mysql|%s|%u|%s|%s|%s|%s", s->o.host ? s->o.host : "", s->o.port,
		s->o.socket ? s->o.socket : "", s->o.user ? s->o.user : "", s->o.database, s->o.prefix);
	s->link = shared ? shared : &s->own;
	if (shared) {
		st = mg_mysql_link_reuse(shared, &s->o, err);
	} else {
		st = mg_mysql_link_open(&s->own, &s->o, err);
	}
	if (st != MG_OK) {
		store_free(s);
		return st;
	}
	*out = s;
	return MG_OK;
}

mg_status mg_mysql_store_add_replica(mg_mysql_store *s, const mg_mysql_options *o, mg_error *err)
{
	optcopy *r = mg_realloc(s->replicas, (s->nreplicas + 1) * sizeof(*r));
	mg_status st;

	if (!r) {
		return mg_error_set(err, MG_ENOMEM, "mysql: out of memory");
	}
	s->replicas = r;
	st = optcopy_make(&s->replicas[s->nreplicas], o, s->o.prefix, s->o.charset, err);
	if (st != MG_OK) {
		return st;
	}
	s->nreplicas++;
	/* Moodle tries its replicas in a random order (spreading the load); so
	 * does the store, from a random first one. */
	s->rfirst = s->nreplicas > 1 ? (size_t)getpid() % s->nreplicas : 0;
	return MG_OK;
}

size_t mg_mysql_store_replicas(const mg_mysql_store *s)
{
	return s->nreplicas;
}

uint64_t mg_mysql_store_replica_loads(const mg_mysql_store *s)
{
	return s->replica_loads;
}

uint64_t mg_mysql_store_statements(const mg_mysql_store *s)
{
	return s->statements;
}

/* ---------------------------------------------------- query building */

typedef struct qparam {
	int is_str;
	long long i;
	const char *s;
	unsigned long slen;
} qparam;

typedef struct qb {
	char *sql;
	size_t len, cap;
	qparam *params;
	size_t nparams, capparams;
	int oom;
	int bug;          /* a malformed constant fragment: an internal error */
	const char *prefix;
} qb;

static void qb_reserve(qb *b, size_t more)
{
	size_t need, cap;
	char *p;

	if (b->oom) {
		return;
	}
	if (more > SIZE_MAX - b->len - 1) {
		b->oom = 1;
		return;
	}
	need = b->len + more + 1;
	if (need <= b->cap) {
		return;
	}
	cap = b->cap ? b->cap : 1024;
	while (cap < need) {
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	}
	p = mg_realloc(b->sql, cap);
	if (!p) {
		b->oom = 1;
		return;
	}
	b->sql = p;
	b->cap = cap;
}

static void qb_raw(qb *b, const char *s, size_t n)
{
	qb_reserve(b, n);
	if (b->oom) {
		return;
	}
	memcpy(b->sql + b->len, s, n);
	b->len += n;
	b->sql[b->len] = '\0';
}

/* Appends constant SQL text; "{name}" becomes the quoted, prefixed table
 * name `<prefix>name`. */
static void qb_add(qb *b, const char *text)
{
	const char *p = text;

	while (*p) {
		const char *open = strchr(p, '{');
		const char *close;
		if (!open) {
			qb_raw(b, p, strlen(p));
			return;
		}
		qb_raw(b, p, (size_t)(open - p));
		close = strchr(open, '}');
		if (!close) {
			b->bug = 1; /* a constant of this file is malformed */
			return;
		}
		qb_raw(b, "`", 1);
		qb_raw(b, b->prefix, strlen(b->prefix));
		qb_raw(b, open + 1, (size_t)(close - open - 1));
		qb_raw(b, "`", 1);
		p = close + 1;
	}
}

static qparam *qb_param(qb *b)
{
	if (b->oom) {
		return NULL;
	}
	if (b->nparams == b->capparams) {
		size_t cap = b->capparams ? b->capparams * 2 : 16;
		qparam *p = mg_realloc(b->params, cap * sizeof(*p));
		if (!p) {
			b->oom = 1;
			return NULL;
		}
		b->params = p;
		b->capparams = cap;
	}
	qb_raw(b, "?", 1);
	return b->oom ? NULL : &b->params[b->nparams++];
}

static void qb_int(qb *b, int64_t v)
{
	qparam *p = qb_param(b);

	if (p) {
		p->is_str = 0;
		p->i = (long long)v;
	}
}

static void qb_str(qb *b, mg_str v)
{
	qparam *p = qb_param(b);

	if (p) {
		p->is_str = 1;
		p->s = v.ptr;
		p->slen = (unsigned long)v.len;
	}
}

static void qb_reset(qb *b)
{
	b->len = 0;
	b->nparams = 0;
	if (b->sql) {
		b->sql[0] = '\0';
	}
}

static void qb_free(qb *b)
{
	mg_free(b->sql);
	mg_free(b->params);
}

/* ------------------------------------------------------ reading rows */

/* Whether a row just read belongs to the scope (else it is dropped). */
typedef int (*keep_fn)(const void *row, void *ctx);

typedef struct colbuf {
	long long i;
	double d;
	char *s;              /* MG_MYSQL_STRBUF bytes, or a larger fetched copy */
	unsigned long len;
	mg_my_bool is_null;
	mg_my_bool error;
} colbuf;

static int is_schema_error(unsigned int e)
{
	return e == ER_NO_SUCH_TABLE || e == ER_BAD_FIELD_ERROR || e == ER_TABLEACCESS_DENIED_ERROR
		|| e == ER_COLUMNACCESS_DENIED_ERROR
		/* tables of different collations joined (a site half converted to utf8mb4) */
		|| e == ER_CANT_AGGREGATE_2COLLATIONS || e == ER_CANT_AGGREGATE_3COLLATIONS
		|| e == ER_CANT_AGGREGATE_NCOLLATIONS;
}

/* Whether the link is unusable after error e (it is then closed). */
static int is_link_error(unsigned int e)
{
	return (e >= CR_MIN_ERROR && e <= CR_MAX_ERROR)
#ifdef CER_MIN_ERROR
		|| (e >= CER_MIN_ERROR && e <= CER_MAX_ERROR)
#endif
		|| e == ER_CONNECTION_KILLED
		|| e == ER_SERVER_SHUTDOWN || e == ER_NET_READ_INTERRUPTED
		|| e == ER_NET_WRITE_INTERRUPTED;
}

static mg_status stmt_error(mg_mysql_store *s, MYSQL_STMT *stmt, const mg_table *t,
	const char *what, int *broken, mg_error *err)
{
	unsigned int e = mysql_stmt_errno(stmt);
	const char *msg = mysql_stmt_error(stmt);
	char where[300];

	describe_server(&s->o, where, sizeof(where));
	if (e == 0 && s->link->conn) {
		/* A read error of an unbuffered fetch is recorded on the
		 * connection, not on the statement. */
		e = mysql_errno(s->link->conn);
		msg = mysql_error(s->link->conn);
	}
	if (e == 0) {
		/* Nothing recorded: the state of the link is unknown, drop it. */
		*broken = 1;
		return mg_error_set(err, MG_ECONN, "mysql: %s table %s%s on %s, database '%s': unknown client error",
			what, s->o.prefix, t->name, where, s->o.database ? s->o.database : "");
	}
	if (is_schema_error(e)) {
		mg_error_set(err, MG_EDATA, "mysql: cannot read table %s%s on %s, database '%s': %s (error %u)",
			s->o.prefix, t->name, where, s->o.database ? s->o.database : "", msg, e);
		err->table = t->name;
		err->row = 0;
		err->field = NULL;
		return MG_EDATA;
	}
	*broken = is_link_error(e);
	if (e == CR_SERVER_LOST && s->o.read_timeout) {
		/* The usual cause: no answer within read_timeout (a lock, an overloaded server). */
		return mg_error_set(err, MG_ECONN, "mysql: %s table %s%s on %s, database '%s': %s (error %u; read_timeout is %u s)",
			what, s->o.prefix, t->name, where, s->o.database ? s->o.database : "", msg, e,
			s->o.read_timeout);
	}
	return mg_error_set(err, MG_ECONN, "mysql: %s table %s%s on %s, database '%s': %s (error %u)",
		what, s->o.prefix, t->name, where, s->o.database ? s->o.database : "", msg, e);
}

/* Copies the fetched values of one row into a new row of the rowset. */
static mg_status store_row(mg_mysql_store *s, MYSQL_STMT *stmt, MYSQL_BIND *res, colbuf *cols,
	const mg_table *t, mg_rowset *rs, const void **out, int *broken, mg_error *err)
{
	char *row;
	int64_t key = cols[0].is_null ? 0 : (int64_t)cols[0].i;
	size_t i;

	row = mg_rowset_row(rs, t->id);
	if (!row) {
		return mg_error_set(err, MG_ENOMEM, "mysql: out of memory reading %s", t->name);
	}
	*out = row;
	*(int64_t *)row = key; /* every row struct starts with its key */
	for (i = 0; i < t->nfields; i++) {
		const mg_field *f = &t->fields[i];
		colbuf *c = &cols[i];
		char *dst = row + f->offset;

		switch (f->type) {
		case MG_FT_INT:
		case MG_FT_INT_NULL:
			if (c->is_null) {
				if (f->type == MG_FT_INT) {
					return mg_error_data(err, t->name, key, f->name, "NULL where a number is required");
				}
				*(int64_t *)dst = MG_NULL_INT;
				break;
			}
			if (c->error) {
				return mg_error_data(err, t->name, key, f->name, "not an integer");
			}
			*(int64_t *)dst = (int64_t)c->i;
			break;
		case MG_FT_DEC_NULL: {
			mg_row_customfield_data *cfd = (mg_row_customfield_data *)row;
			if (c->is_null) {
				cfd->has_decvalue = 0;
				cfd->decvalue = 0;
			} else if (c->error) {
				return mg_error_data(err, t->name, key, f->name, "not a number");
			} else {
				cfd->has_decvalue = 1;
				cfd->decvalue = c->d;
			}
			break;
		}
		case MG_FT_STR:
		case MG_FT_STR_NULL: {
			mg_str v;
			char *whole = NULL;
			const char *src = c->s;

			if (c->is_null) {
				if (f->type == MG_FT_STR) {
					return mg_error_data(err, t->name, key, f->name, "NULL where a string is required");
				}
				*(mg_str *)dst = mg_rowset_strdup(rs, "", 0);
				break;
			}
			if (c->len > MG_MYSQL_STRBUF) {
				/* Truncated: fetch the whole value. */
				MYSQL_BIND one;
				unsigned long len = 0;
				whole = mg_malloc((size_t)c->len + 1);
				if (!whole) {
					return mg_error_set(err, MG_ENOMEM, "mysql: out of memory reading %s", t->name);
				}
				memset(&one, 0, sizeof(one));
				one.buffer_type = MYSQL_TYPE_STRING;
				one.buffer = whole;
				one.buffer_length = c->len + 1;
				one.length = &len;
				if (mysql_stmt_fetch_column(stmt, &one, (unsigned int)i, 0)) {
					mg_free(whole);
					return stmt_error(s, stmt, t, "cannot read", broken, err);
				}
				src = whole;
			}
			v = mg_rowset_strdup(rs, src, (size_t)c->len);
			mg_free(whole);
			if (!v.ptr) {
				return mg_error_set(err, MG_ENOMEM, "mysql: out of memory reading %s", t->name);
			}
			*(mg_str *)dst = v;
			break;
		}
		}
	}
	(void)res;
	return MG_OK;
}

/* Prepares, executes and streams one statement into the rowset. */
static mg_status run_query(mg_mysql_store *s, MYSQL *m, qb *b, mg_table_id table,
	mg_rowset *rs, keep_fn keep, void *kctx, int *broken, mg_error *err)
{
	const mg_table *t = &mg_tables[table];
	MYSQL_STMT *stmt;
	MYSQL_BIND *pb = NULL, *res = NULL;
	colbuf *cols = NULL;
	char *strbufs = NULL;
	size_t i;
	mg_status st = MG_OK;
	int rc;

	stmt = mysql_stmt_init(m);
	if (!stmt) {
		return mg_error_set(err, MG_ENOMEM, "mysql: out of memory");
	}
	if (mysql_stmt_prepare(stmt, b->sql, (unsigned long)b->len)) {
		st = stmt_error(s, stmt, t, "cannot prepare the query of", broken, err);
		goto done;
	}
	if (mysql_stmt_param_count(stmt) != b->nparams || mysql_stmt_field_count(stmt) != t->nfields) {
		st = mg_error_set(err, MG_EINTERNAL, "mysql: internal error: unexpected statement shape for %s", t->name);
		goto done;
	}
	if (b->nparams) {
		pb = mg_calloc(b->nparams, sizeof(*pb));
		if (!pb) {
			st = mg_error_set(err, MG_ENOMEM, "mysql: out of memory");
			goto done;
		}
		for (i = 0; i < b->nparams; i++) {
			qparam *p = &b->params[i];
			if (p->is_str) {
				pb[i].buffer_type = MYSQL_TYPE_STRING;
				pb[i].buffer = (void *)p->s;
				pb[i].buffer_length = p->slen;
				pb[i].length = &p->slen;
			} else {
				pb[i].buffer_type = MYSQL_TYPE_LONGLONG;
				pb[i].buffer = &p->i;
			}
		}
		if (mysql_stmt_bind_param(stmt, pb)) {
			st = stmt_error(s, stmt, t, "cannot bind the parameters of", broken, err);
			goto done;
		}
	}
	res = mg_calloc(t->nfields, sizeof(*res));
	cols = mg_calloc(t->nfields, sizeof(*cols));
	strbufs = mg_malloc(t->nfields * (size_t)MG_MYSQL_STRBUF);
	if (!res || !cols || !strbufs) {
		st = mg_error_set(err, MG_ENOMEM, "mysql: out of memory");
		goto done;
	}
	for (i = 0; i < t->nfields; i++) {
		switch (t->fields[i].type) {
		case MG_FT_INT:
		case MG_FT_INT_NULL:
			res[i].buffer_type = MYSQL_TYPE_LONGLONG;
			res[i].buffer = &cols[i].i;
			break;
		case MG_FT_DEC_NULL:
			res[i].buffer_type = MYSQL_TYPE_DOUBLE;
			res[i].buffer = &cols[i].d;
			break;
		default:
			cols[i].s = strbufs + i * MG_MYSQL_STRBUF;
			res[i].buffer_type = MYSQL_TYPE_STRING;
			res[i].buffer = cols[i].s;
			res[i].buffer_length = MG_MYSQL_STRBUF;
			break;
		}
		res[i].length = &cols[i].len;
		res[i].is_null = &cols[i].is_null;
		res[i].error = &cols[i].error;
	}
	s->statements++;
	if (mysql_stmt_execute(stmt)) {
		st = stmt_error(s, stmt, t, "cannot query", broken, err);
		goto done;
	}
	if (mysql_stmt_bind_result(stmt, res)) {
		st = stmt_error(s, stmt, t, "cannot bind the result of", broken, err);
		goto done;
	}
	/* Streamed: no mysql_stmt_store_result(), each row is read from the
	 * network as it is fetched. */
	while ((rc = mysql_stmt_fetch(stmt)) == 0 || rc == MYSQL_DATA_TRUNCATED) {
		const void *row = NULL;
		st = store_row(s, stmt, res, cols, t, rs, &row, broken, err);
		if (st != MG_OK) {
			goto done;
		}
		if (keep && !keep(row, kctx)) {
			mg_rowset_pop(rs, table); /* outside the scope */
		}
	}
	if (rc != MYSQL_NO_DATA) {
		st = stmt_error(s, stmt, t, "lost the stream of", broken, err);
	}
done:
	mysql_stmt_close(stmt);
	mg_free(pb);
	mg_free(res);
	mg_free(cols);
	mg_free(strbufs);
	return st;
}

static mg_status plain_query(mg_mysql_store *s, MYSQL *m, const char *sql, int *broken, mg_error *err)
{
	s->statements++;
	if (mysql_real_query(m, sql, (unsigned long)strlen(sql))) {
		*broken = is_link_error(mysql_errno(m));
		return conn_error(&s->o, m, "cannot start reading", err);
	}
	return MG_OK;
}

/* ------------------------------------------------------------ id sets */

/* A set of ids: appended freely, then sealed (sorted, duplicates removed)
 * before it is searched or bound. */
typedef struct idset {
	int64_t *v;
	size_t n, cap;
} idset;

static int idset_add(idset *s, int64_t id)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		int64_t *p = cap > SIZE_MAX / sizeof(*p) ? NULL : mg_realloc(s->v, cap * sizeof(*p));
		if (!p) {
			return -1;
		}
		s->v = p;
		s->cap = cap;
	}
	s->v[s->n++] = id;
	return 0;
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : (x > y ? 1 : 0);
}

static void idset_seal(idset *s)
{
	size_t i, o = 0;

	if (s->n == 0) {
		return;
	}
	qsort(s->v, s->n, sizeof(*s->v), cmp_i64);
	for (i = 0; i < s->n; i++) {
		if (o == 0 || s->v[o - 1] != s->v[i]) {
			s->v[o++] = s->v[i];
		}
	}
	s->n = o;
}

static int idset_has(const idset *s, int64_t id)
{
	return s->n > 0 && bsearch(&id, s->v, s->n, sizeof(*s->v), cmp_i64) != NULL;
}

static void idset_free(idset *s)
{
	mg_free(s->v);
	memset(s, 0, sizeof(*s));
}

/* Keeps a row whose integer column at `offset` (every column the engine
 * reads as a number is an int64_t of its row struct) is in `set`. */
typedef struct keep_in {
	const idset *set;
	size_t offset;
} keep_in;

static int keep_in_set(const void *row, void *ctx)
{
	const keep_in *k = ctx;
	int64_t v;

	memcpy(&v, (const char *)row + k->offset, sizeof(v));
	return idset_has(k->set, v);
}

/* The filter's context for column `field` of row struct `type`, in `set`
 * (valid in the enclosing block). */
#define KEEP_IN(set, type, field) (&(keep_in){ (set), offsetof(type, field) })

/* A sorted set of strings (school keys, UAIs to bind); the strings are not
 * copied unless `own` (then they live in `buf`). */
typedef struct strset {
	mg_str *v;
	size_t n, cap;
	char **bufs;
	size_t nbufs;
	mg_smap index;   /* the sealed strings, for strset_has(); cap 0 without index */
} strset;

static int strset_add(strset *s, mg_str v)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		mg_str *p = cap > SIZE_MAX / sizeof(*p) ? NULL : mg_realloc(s->v, cap * sizeof(*p));
		if (!p) {
			return -1;
		}
		s->v = p;
		s->cap = cap;
	}
	s->v[s->n++] = v;
	return 0;
}

/* Adds the key of `in` (mg_code_key), copied. */
static int strset_add_key(strset *s, mg_str in, int normalise)
{
	char *buf, **bufs;
	size_t len;

	buf = mg_malloc(in.len ? in.len : 1);
	bufs = mg_realloc(s->bufs, (s->nbufs + 1) * sizeof(*bufs));
	if (!buf || !bufs) {
		mg_free(buf);
		if (bufs) {
			s->bufs = bufs;
		}
		return -1;
	}
	s->bufs = bufs;
	s->bufs[s->nbufs++] = buf;
	len = mg_code_key(in, normalise, buf);
	return strset_add(s, (mg_str){ buf, len });
}

static int cmp_str(const void *a, const void *b)
{
	const mg_str *x = a, *y = b;
	size_t n = x->len < y->len ? x->len : y->len;
	int r = n ? memcmp(x->ptr, y->ptr, n) : 0;

	if (r) {
		return r;
	}
	return x->len < y->len ? -1 : (x->len > y->len ? 1 : 0);
}

/* Sorts the strings and removes duplicates (they are bound in this order),
 * and indexes them (mg_smap) for strset_has(): an inspector's scan asks once
 * per user of the site. Out of memory, strset_has() searches the sorted
 * strings. */
static void strset_seal(strset *s)
{
	size_t i, o = 0;

	if (s->n == 0) {
		return;
	}
	qsort(s->v, s->n, sizeof(*s->v), cmp_str);
	for (i = 0; i < s->n; i++) {
		if (o == 0 || cmp_str(&s->v[o - 1], &s->v[i]) != 0) {
			s->v[o++] = s->v[i];
		}
	}
	s->n = o;
	mg_smap_free(&s->index);
	if (mg_smap_init(&s->index, s->n) == MG_OK) {
		for (i = 0; i < s->n && s->index.cap; i++) {
			if (mg_smap_put(&s->index, s->v[i], (uint32_t)i, NULL) < 0) {
				mg_smap_free(&s->index);   /* leaves cap 0: strset_has() searches */
			}
		}
	}
}

static int strset_has(const strset *s, mg_str v)
{
	uint32_t at;

	if (s->n == 0) {
		return 0;
	}
	if (s->index.cap) {
		return mg_smap_get(&s->index, v, &at);
	}
	return bsearch(&v, s->v, s->n, sizeof(*s->v), cmp_str) != NULL;
}

static void strset_free(strset *s)
{
	size_t i;

	for (i = 0; i < s->nbufs; i++) {
		mg_free(s->bufs[i]);
	}
	mg_free(s->bufs);
	mg_free(s->v);
	mg_smap_free(&s->index);
	memset(s, 0, sizeof(*s));
}

/* ------------------------------------------------------------ a load */

/* Above this many ids a list is bound in several executions of the same
 * statement (the protocol allows 65,535 parameters per statement). */
#define MG_MYSQL_CHUNK 5000
/* Above this many users, a course set's users are read by a scan of the
 * user tables, the rows of other users dropped in C, rather than by their
 * ids. */
#define MG_MYSQL_MAX_USERS 50000
/* Above this many distinct UAIs, every school is read. */
#define MG_MYSQL_MAX_UAIS 2000

typedef struct load load;
/* Appends a condition (without WHERE/AND) to the statement, binding its values. */
typedef void (*cond_fn)(load *x, qb *b);

struct load {
	mg_mysql_store *s;
	MYSQL *m;
	qb b;
	const mg_scope *sc;
	const mg_settings *st;
	mg_rowset *rs;
	int broken;
	mg_error *err;
	/* the scope's sets, computed in C from the rows read */
	idset courses;       /* course ids */
	idset enrols;        /* enrol ids of those courses */
	idset contexts;      /* their course context ids */
	idset cms;           /* their course module ids */
	idset users;         /* the users of the scope */
	idset teachers;      /* an inspector's teachers */
	idset trainers;      /* the trainers of their parcours who are not teachers */
	idset fields;        /* user_info_field ids of the school field */
	idset cfields;       /* customfield_field ids of the duration field */
	idset trainer_roles; /* role ids of the trainer roles */
	strset uais;         /* UAIs named by the users' school field */
};

/* Runs "SELECT <columns> FROM <table> t [WHERE <cond> [AND <column> IN (<ids>)]]",
 * in chunks when the list is long; `column` NULL: no list. A list given empty
 * reads nothing. Rows for which keep() is false are dropped. */
static mg_status read_rows(load *x, mg_table_id table, cond_fn cond, const char *column,
	const idset *ids, const keep_in *keep);

static mg_status read_all(load *x, mg_table_id table)
{
	return read_rows(x, table, NULL, NULL, NULL, NULL);
}

/* ---- conditions */

static void cond_school_field(load *x, qb *b)
{
	qb_add(b, "t.shortname = ");
	qb_str(b, x->st->school_field);
}

static void cond_duration_field(load *x, qb *b)
{
	qb_add(b, "t.shortname = ");
	qb_str(b, x->st->duration_field);
}

static void cond_course_context(load *x, qb *b)
{
	(void)x;
	qb_add(b, "t.contextlevel = " MG_STRINGIFY(MG_CONTEXT_COURSE));
}

static void qb_list(qb *b, const int64_t *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i) {
			qb_add(b, ", ");
		}
		qb_int(b, v[i]);
	}
}

static void cond_fields(load *x, qb *b)
{
	qb_add(b, "t.fieldid IN (");
	qb_list(b, x->fields.v, x->fields.n);
	qb_add(b, ")");
}

static void cond_cfields(load *x, qb *b)
{
	qb_add(b, "t.fieldid IN (");
	qb_list(b, x->cfields.v, x->cfields.n);
	qb_add(b, ")");
}

static void cond_user(load *x, qb *b)
{
	qb_add(b, "t.userid = ");
	qb_int(b, x->sc->userid);
}

static void cond_fields_user(load *x, qb *b)
{
	cond_fields(x, b);
	qb_add(b, " AND ");
	cond_user(x, b);
}

static void cond_trainer_roles(load *x, qb *b)
{
	qb_add(b, "t.roleid IN (");
	qb_list(b, x->trainer_roles.v, x->trainer_roles.n);
	qb_add(b, ")");
}

static void cond_not_trainer_roles(load *x, qb *b)
{
	if (x->trainer_roles.n == 0) {
		qb_add(b, "1 = 1");
		return;
	}
	qb_add(b, "t.roleid NOT IN (");
	qb_list(b, x->trainer_roles.v, x->trainer_roles.n);
	qb_add(b, ")");
}

static void cond_uais(load *x, qb *b)
{
	size_t i;

	qb_add(b, "t.uai IN (");
	for (i = 0; i < x->uais.n; i++) {
		if (i) {
			qb_add(b, ", ");
		}
		qb_str(b, x->uais.v[i]);
	}
	/* in id order, as a scan reads them: of two schools whose UAIs differ
	 * only by case or spaces, the model keeps the first */
	qb_add(b, ") ORDER BY t.id");
}

/* His rows, in id order (the model keeps the first of two rows naming one
 * circonscription in different cases). */
static void cond_inspector(load *x, qb *b)
{
	qb_add(b, "t.userid = ");
	qb_int(b, x->sc->userid);
	qb_add(b, " ORDER BY t.id");
}

/* ---- filters of rows read */

/* ---- sets from rows read */

typedef int64_t (*col_fn)(const void *row);

static int64_t col_id(const void *row) { return ((const int64_t *)row)[1]; }
static int64_t col_ue_userid(const void *row) { return ((const mg_row_user_enrolments *)row)->userid; }
static int64_t col_ue_enrolid(const void *row) { return ((const mg_row_user_enrolments *)row)->enrolid; }
static int64_t col_ra_userid(const void *row) { return ((const mg_row_role_assignments *)row)->userid; }
static int64_t col_mark_userid(const void *row) { return ((const mg_row_mark *)row)->userid; }
static int64_t col_mark_courseid(const void *row) { return ((const mg_row_mark *)row)->courseid; }
static int64_t col_mark_modifiedby(const void *row) { return ((const mg_row_mark *)row)->modifiedby; }
static int64_t col_insp_userid(const void *row) { return ((const mg_row_inspector *)row)->userid; }

/* Adds column `col` of every row of `table` from row `from` on to `set`. */
static mg_status collect(load *x, mg_table_id table, size_t from, col_fn col, idset *set)
{
	size_t i, n = mg_rowset_count(x->rs, table);

	for (i = from; i < n; i++) {
		if (idset_add(set, col(mg_rowset_get(x->rs, table, i))) != 0) {
			return mg_error_set(x->err, MG_ENOMEM, "mysql: out of memory");
		}
	}
	return MG_OK;
}

/* The ids of the profile fields (or course custom fields) named exactly
 * `name`, as the model compares names. */
static mg_status collect_fields(load *x, mg_table_id table, mg_str name, idset *set)
{
	size_t i, n = mg_rowset_count(x->rs, table);

	for (i = 0; i < n; i++) {
		/* user_info_field and customfield_field rows: key, id, shortname */
		const mg_row_user_info_field *f = mg_rowset_get(x->rs, table, i);
		if (f->shortname.len == name.len && memcmp(f->shortname.ptr, name.ptr, name.len) == 0
			&& idset_add(set, f->id) != 0) {
			return mg_error_set(x->err, MG_ENOMEM, "mysql: out of memory");
		}
	}
	idset_seal(set);
	return MG_OK;
}

static mg_status collect_trainer_roles(load *x)
{
	size_t i, r, n = mg_rowset_count(x->rs, MG_T_ROLE);

	for (i = 0; i < n; i++) {
		const mg_row_role *role = mg_rowset_get(x->rs, MG_T_ROLE, i);
		for (r = 0; r < x->st->ntrainer_roles; r++) {
			mg_str t = x->st->trainer_roles[r];
			if (role->shortname.len == t.len && memcmp(role->shortname.ptr, t.ptr, t.len) == 0) {
				if (idset_add(&x->trainer_roles, role->id) != 0) {
					return mg_error_set(x->err, MG_ENOMEM, "mysql: out of memory");
				}
				break;
			}
		}
	}
	idset_seal(&x->trainer_roles);
	return MG_OK;
}

/* The UAIs named by the school data read (trimmed as the model trims them;
 * the column's collation compares them without regard to case). */
static mg_status collect_uais(load *x)
{
	size_t i, n = mg_rowset_count(x->rs, MG_T_USER_INFO_DATA);

	for (i = 0; i < n; i++) {
		const mg_row_user_info_data *d = mg_rowset_get(x->rs, MG_T_USER_INFO_DATA, i);
		mg_str v = d->data;
		while (v.len && (v.ptr[0] == ' ' || v.ptr[0] == '\t' || v.ptr[0] == '\n' || v.ptr[0] == '\r')) {
			v.ptr++;
			v.len--;
		}
		while (v.len && (v.ptr[v.len - 1] == ' ' || v.ptr[v.len - 1] == '\t'
				|| v.ptr[v.len - 1] == '\n' || v.ptr[v.len - 1] == '\r')) {
			v.len--;
		}
		if (v.len && strset_add(&x->uais, v) != 0) {
			return mg_error_set(x->err, MG_ENOMEM, "mysql: out of memory");
		}
	}
	strset_seal(&x->uais);
	return MG_OK;
}

/* ---- running statements */

static void qb_select(qb *b, mg_table_id table)
{
	const mg_table *t = &mg_tables[table];
	size_t i;

	qb_add(b, "SELECT ");
	for (i = 0; i < t->nfields; i++) {
		if (i) {
			qb_add(b, ", ");
		}
		qb_add(b, "t.`");
		qb_raw(b, t->fields[i].name, strlen(t->fields[i].name));
		qb_add(b, "`");
	}
	qb_add(b, " FROM `");
	qb_raw(b, b->prefix, strlen(b->prefix));
	qb_raw(b, t->name, strlen(t->name));
	qb_add(b, "` t");
}

static mg_status built(load *x, const char *what)
{
	if (x->b.bug) {
		return mg_error_set(x->err, MG_EINTERNAL, "mysql: internal error building the query of %s", what);
	}
	if (x->b.oom) {
		return mg_error_set(x->err, MG_ENOMEM, "mysql: out of memory building the query of %s", what);
	}
	return MG_OK;
}

static mg_status read_rows(load *x, mg_table_id table, cond_fn cond, const char *column,
	const idset *ids, const keep_in *keep)
{
	size_t from = 0;
	mg_status st;

	if (column && ids->n == 0) {
		return MG_OK; /* an empty set: no row */
	}
	do {
		size_t n = column ? ids->n - from : 0;
		if (n > MG_MYSQL_CHUNK) {
			n = MG_MYSQL_CHUNK;
		}
		qb_reset(&x->b);
		qb_select(&x->b, table);
		if (cond || column) {
			qb_add(&x->b, " WHERE ");
		}
		if (cond) {
			cond(x, &x->b);
		}
		if (column) {
			qb_add(&x->b, cond ? " AND " : "");
			qb_add(&x->b, column);
			qb_add(&x->b, " IN (");
			qb_list(&x->b, ids->v + from, n);
			qb_add(&x->b, ")");
		}
		st = built(x, mg_tables[table].name);
		if (st == MG_OK) {
			st = run_query(x->s, x->m, &x->b, table, x->rs, keep ? keep_in_set : NULL, (void *)keep,
				&x->broken, x->err);
		}
		if (st != MG_OK) {
			return st;
		}
		from += n;
	} while (column && from < ids->n);
	return MG_OK;
}

/* Runs a statement of one integer column (built in x->b) and adds its values
 * to `set`. */
static mg_status read_ids(load *x, const char *what, idset *set)
{
	MYSQL_STMT *stmt;
	MYSQL_BIND *pb = NULL, res;
	long long id = 0;
	mg_my_bool is_null = 0;
	mg_status status = built(x, what);
	size_t i;
	int rc;

	if (status != MG_OK) {
		return status;
	}
	stmt = mysql_stmt_init(x->m);
	if (!stmt) {
		return mg_error_set(x->err, MG_ENOMEM, "mysql: out of memory");
	}
	pb = mg_calloc(x->b.nparams ? x->b.nparams : 1, sizeof(*pb));
	if (!pb) {
		mysql_stmt_close(stmt);
		return mg_error_set(x->err, MG_ENOMEM, "mysql: out of memory");
	}
	for (i = 0; i < x->b.nparams; i++) {
		qparam *p = &x->b.params[i];
		if (p->is_str) {
			pb[i].buffer_type = MYSQL_TYPE_STRING;
			pb[i].buffer = (void *)p->s;
			pb[i].buffer_length = p->slen;
			pb[i].length = &p->slen;
		} else {
			pb[i].buffer_type = MYSQL_TYPE_LONGLONG;
			pb[i].buffer = &p->i;
		}
	}
	memset(&res, 0, sizeof(res));
	res.buffer_type = MYSQL_TYPE_LONGLONG;
	res.buffer = &id;
	res.is_null = &is_null;
	x->s->statements++;
	if (mysql_stmt_prepare(stmt, x->b.sql, (unsigned long)x->b.len)
		|| (x->b.nparams && mysql_stmt_bind_param(stmt, pb))
		|| mysql_stmt_execute(stmt) || mysql_stmt_bind_result(stmt, &res)) {
		status = stmt_error(x->s, stmt, &mg_tables[MG_T_COURSE], "cannot query", &x->broken, x->err);
		goto done;
	}
	while ((rc = mysql_stmt_fetch(stmt)) == 0) {
		if (!is_null && idset_add(set, (int64_t)id) != 0) {
			status = mg_error_set(x->err, MG_ENOMEM, "mysql: out of memory");
			goto done;
		}
	}
	if (rc != MYSQL_NO_DATA) {
		status = stmt_error(x->s, stmt, &mg_tables[MG_T_COURSE], "lost the stream of", &x->broken, x->err);
	}
done:
	mysql_stmt_close(stmt);
	mg_free(pb);
	return status;
}

/* ------------------------------------------------------------ the scopes */

/* Every row of every table: dataQuality() (and any scope that is the whole site). */
static mg_status load_all(load *x)
{
	static const mg_table_id order[] = {
		MG_T_COURSE, MG_T_MODULES, MG_T_COURSE_SECTIONS, MG_T_COURSE_MODULES,
		MG_T_COURSE_MODULES_COMPLETION, MG_T_COURSE_COMPLETIONS, MG_T_ENROL, MG_T_USER_ENROLMENTS, MG_T_ROLE,
		MG_T_CONTEXT, MG_T_ROLE_ASSIGNMENTS, MG_T_USER, MG_T_USER_INFO_FIELD,
		MG_T_USER_INFO_DATA, MG_T_CUSTOMFIELD_FIELD, MG_T_CUSTOMFIELD_DATA, MG_T_MARK,
		MG_T_SCHOOL, MG_T_CIRC, MG_T_INSPECTOR,
	};
	size_t i;
	mg_status st = MG_OK;

	for (i = 0; i < sizeof(order) / sizeof(order[0]) && st == MG_OK; i++) {
		st = read_all(x, order[i]);
	}
	return st;
}

/* The duration field and its values for the scope's courses (all when
 * `all`). */
static mg_status load_durations(load *x, int all)
{
	mg_status st = read_rows(x, MG_T_CUSTOMFIELD_FIELD, cond_duration_field, NULL, NULL, NULL);

	if (st == MG_OK) st = collect_fields(x, MG_T_CUSTOMFIELD_FIELD, x->st->duration_field, &x->cfields);
	if (st != MG_OK || x->cfields.n == 0) {
		return st;
	}
	return read_rows(x, MG_T_CUSTOMFIELD_DATA, cond_cfields, all ? NULL : "t.instanceid",
		all ? NULL : &x->courses, NULL);
}

/* Statistics and attestation files of every parcours: every participation of
 * the site, read by plain scans of the columns needed (an index would filter
 * nothing at this scope); course contexts only, the role assignments of other
 * contexts dropped in C. No activity, no completion. */
static mg_status load_site(load *x)
{
	mg_status st = read_all(x, MG_T_COURSE);

	if (st == MG_OK) st = read_all(x, MG_T_ENROL);
	if (st == MG_OK) st = read_all(x, MG_T_USER_ENROLMENTS);
	if (st == MG_OK) st = read_all(x, MG_T_ROLE);
	if (st == MG_OK) st = read_rows(x, MG_T_CONTEXT, cond_course_context, NULL, NULL, NULL);
	if (st == MG_OK) st = collect(x, MG_T_CONTEXT, 0, col_id, &x->contexts);
	if (st == MG_OK) {
		idset_seal(&x->contexts);
		st = read_rows(x, MG_T_ROLE_ASSIGNMENTS, NULL, NULL, NULL,
			KEEP_IN(&x->contexts, mg_row_role_assignments, contextid));
	}
	if (st == MG_OK) st = read_all(x, MG_T_USER);
	if (st == MG_OK) st = read_rows(x, MG_T_USER_INFO_FIELD, cond_school_field, NULL, NULL, NULL);
	if (st == MG_OK) st = collect_fields(x, MG_T_USER_INFO_FIELD, x->st->school_field, &x->fields);
	if (st == MG_OK && x->fields.n) st = read_rows(x, MG_T_USER_INFO_DATA, cond_fields, NULL, NULL, NULL);
	if (st == MG_OK) st = load_durations(x, 1);
	if (st == MG_OK) st = read_all(x, MG_T_MARK);
	if (st == MG_OK) st = read_all(x, MG_T_SCHOOL);
	if (st == MG_OK) st = read_all(x, MG_T_CIRC);
	return st;
}

/* The courses of a user's "my trainings": where he is enrolled (in any
 * state), holds a course-level role, or has a mark. */
static mg_status user_courses(load *x)
{
	qb *b = &x->b;

	qb_reset(b);
	qb_add(b, "SELECT e.courseid FROM {enrol} e JOIN {user_enrolments} ue ON ue.enrolid = e.id AND ue.userid = ");
	qb_int(b, x->sc->userid);
	qb_add(b, " UNION SELECT c.instanceid FROM {role_assignments} ra"
		" JOIN {context} c ON c.id = ra.contextid AND c.contextlevel = " MG_STRINGIFY(MG_CONTEXT_COURSE)
		" WHERE ra.userid = ");
	qb_int(b, x->sc->userid);
	qb_add(b, " UNION SELECT mk.courseid FROM {local_magistere_mark} mk WHERE mk.userid = ");
	qb_int(b, x->sc->userid);
	return read_ids(x, "the user's courses", &x->courses);
}

/* One parcours (participant, trainer, transparency views), a user's parcours
 * ("my trainings") or some parcours (an attestation file): every statement is
 * driven by the courses' own indexes (course, courseid, instanceid, enrolid,
 * contextid, coursemoduleid); the users are those enrolled in them, holding a
 * role in them or marked in them (and the viewer), read by their ids; rows of
 * other users (completions left by people since unenrolled) are dropped in C. */
static mg_status load_courses(load *x)
{
	const mg_scope *sc = x->sc;
	int activities = sc->kind == MG_SCOPE_COURSE || sc->kind == MG_SCOPE_TRANSPARENCY
		|| sc->kind == MG_SCOPE_USER;
	int own = sc->kind == MG_SCOPE_USER; /* his own completions only */
	mg_status st = MG_OK;
	size_t i;

	switch (sc->kind) {
	case MG_SCOPE_COURSE:
	case MG_SCOPE_TRANSPARENCY:
		if (idset_add(&x->courses, sc->courseid) != 0) {
			return mg_error_set(x->err, MG_ENOMEM, "mysql: out of memory");
		}
		break;
	case MG_SCOPE_USER:
		st = user_courses(x);
		break;
	default:
		for (i = 0; i < sc->ncourseids; i++) {
			if (idset_add(&x->courses, sc->courseids[i]) != 0) {
				return mg_error_set(x->err, MG_ENOMEM, "mysql: out of memory");
			}
		}
		break;
	}
	if (st != MG_OK) {
		return st;
	}
	idset_seal(&x->courses);
	st = read_rows(x, MG_T_COURSE, NULL, "t.id", &x->courses, NULL);
	if (st == MG_OK && activities) {
		st = read_all(x, MG_T_MODULES);
		if (st == MG_OK) st = read_rows(x, MG_T_COURSE_SECTIONS, NULL, "t.course", &x->courses, NULL);
		if (st == MG_OK) st = read_rows(x, MG_T_COURSE_MODULES, NULL, "t.course", &x->courses, NULL);
		if (st == MG_OK) st = collect(x, MG_T_COURSE_MODULES, 0, col_id, &x->cms);
		idset_seal(&x->cms);
	}
	if (st == MG_OK) st = read_rows(x, MG_T_ENROL, NULL, "t.courseid", &x->courses, NULL);
	if (st == MG_OK) st = collect(x, MG_T_ENROL, 0, col_id, &x->enrols);
	idset_seal(&x->enrols);
	if (st == MG_OK) st = read_rows(x, MG_T_USER_ENROLMENTS, NULL, "t.enrolid", &x->enrols, NULL);
	if (st == MG_OK) st = read_all(x, MG_T_ROLE);
	if (st == MG_OK) st = read_rows(x, MG_T_CONTEXT, cond_course_context, "t.instanceid", &x->courses, NULL);
	if (st == MG_OK) st = collect(x, MG_T_CONTEXT, 0, col_id, &x->contexts);
	idset_seal(&x->contexts);
	if (st == MG_OK) st = read_rows(x, MG_T_ROLE_ASSIGNMENTS, NULL, "t.contextid", &x->contexts, NULL);
	if (st == MG_OK) st = read_rows(x, MG_T_MARK, NULL, "t.courseid", &x->courses, NULL);
	if (st == MG_OK && sc->kind == MG_SCOPE_TRANSPARENCY) {
		/* the inspectors (a few rows): those of the participant's
		 * circonscription are found by the model */
		st = read_all(x, MG_T_INSPECTOR);
		if (st == MG_OK) st = collect(x, MG_T_INSPECTOR, 0, col_insp_userid, &x->users);
	}
	/* the users: enrolled, with a role, or marked in the courses, and who
	 * marked them (the attestation file names him, even when he is no longer
	 * a member of any parcours: a trainer who left, an administrator); the
	 * viewer */
	if (st == MG_OK) st = collect(x, MG_T_USER_ENROLMENTS, 0, col_ue_userid, &x->users);
	if (st == MG_OK) st = collect(x, MG_T_ROLE_ASSIGNMENTS, 0, col_ra_userid, &x->users);
	if (st == MG_OK) st = collect(x, MG_T_MARK, 0, col_mark_userid, &x->users);
	if (st == MG_OK) st = collect(x, MG_T_MARK, 0, col_mark_modifiedby, &x->users);
	if (st == MG_OK && sc->kind != MG_SCOPE_ATTESTATIONS && idset_add(&x->users, sc->userid) != 0) {
		st = mg_error_set(x->err, MG_ENOMEM, "mysql: out of memory");
	}
	idset_seal(&x->users);
	if (st == MG_OK) {
		if (x->users.n > MG_MYSQL_MAX_USERS) {
			st = read_rows(x, MG_T_USER, NULL, NULL, NULL, KEEP_IN(&x->users, mg_row_user, id));
		} else {
			st = read_rows(x, MG_T_USER, NULL, "t.id", &x->users, NULL);
		}
	}
	if (st == MG_OK) st = read_rows(x, MG_T_USER_INFO_FIELD, cond_school_field, NULL, NULL, NULL);
	if (st == MG_OK) st = collect_fields(x, MG_T_USER_INFO_FIELD, x->st->school_field, &x->fields);
	if (st == MG_OK && x->fields.n) {
		if (own) {
			st = read_rows(x, MG_T_USER_INFO_DATA, cond_fields_user, NULL, NULL, NULL);
		} else if (x->users.n > MG_MYSQL_MAX_USERS) {
			st = read_rows(x, MG_T_USER_INFO_DATA, cond_fields, NULL, NULL,
				KEEP_IN(&x->users, mg_row_user_info_data, userid));
		} else {
			st = read_rows(x, MG_T_USER_INFO_DATA, cond_fields, "t.userid", &x->users, NULL);
		}
	}
	if (st == MG_OK && activities) {
		if (own) {
			st = read_rows(x, MG_T_COURSE_MODULES_COMPLETION, cond_user, "t.coursemoduleid", &x->cms, NULL);
			if (st == MG_OK) st = read_rows(x, MG_T_COURSE_COMPLETIONS, cond_user, "t.course", &x->courses, NULL);
		} else {
			st = read_rows(x, MG_T_COURSE_MODULES_COMPLETION, NULL, "t.coursemoduleid", &x->cms,
				KEEP_IN(&x->users, mg_row_course_modules_completion, userid));
			if (st == MG_OK) st = read_rows(x, MG_T_COURSE_COMPLETIONS, NULL, "t.course", &x->courses,
				KEEP_IN(&x->users, mg_row_course_completions, userid));
		}
	}
	if (st == MG_OK) st = load_durations(x, 0);
	if (st == MG_OK) {
		if (sc->kind == MG_SCOPE_ATTESTATIONS) {
			st = read_all(x, MG_T_SCHOOL);
		} else {
			/* the schools the users' profile field names */
			st = collect_uais(x);
			if (st == MG_OK && x->uais.n > MG_MYSQL_MAX_UAIS) {
				st = read_all(x, MG_T_SCHOOL);
			} else if (st == MG_OK && x->uais.n) {
				st = read_rows(x, MG_T_SCHOOL, cond_uais, NULL, NULL, NULL);
			}
		}
	}
	if (st == MG_OK) st = read_all(x, MG_T_CIRC);
	return st;
}

/* The keys of the schools of the inspector's circonscriptions. */
static mg_status inspector_schools(load *x, strset *schools)
{
	strset circs;
	size_t i, n;
	mg_status st = MG_OK;
	char *buf = NULL;

	memset(&circs, 0, sizeof(circs));
	n = mg_rowset_count(x->rs, MG_T_INSPECTOR);
	for (i = 0; i < n && st == MG_OK; i++) {
		const mg_row_inspector *r = mg_rowset_get(x->rs, MG_T_INSPECTOR, i);
		if (strset_add_key(&circs, r->circonscription, 0) != 0) {
			st = mg_error_set(x->err, MG_ENOMEM, "mysql: out of memory");
		}
	}
	strset_seal(&circs);
	n = mg_rowset_count(x->rs, MG_T_SCHOOL);
	for (i = 0; i < n && st == MG_OK; i++) {
		const mg_row_school *s = mg_rowset_get(x->rs, MG_T_SCHOOL, i);
		size_t len;
		char *p = mg_realloc(buf, s->circonscription.len ? s->circonscription.len : 1);
		if (!p) {
			st = mg_error_set(x->err, MG_ENOMEM, "mysql: out of memory");
			break;
		}
		buf = p;
		len = mg_code_key(s->circonscription, 1, buf);
		if (strset_has(&circs, (mg_str){ buf, len }) && strset_add_key(schools, s->uai, 1) != 0) {
			st = mg_error_set(x->err, MG_ENOMEM, "mysql: out of memory");
		}
	}
	mg_free(buf);
	strset_free(&circs);
	strset_seal(schools);
	return st;
}

/* The users whose school field names one of `schools` (compared as the model
 * compares them). */
static mg_status inspector_teachers(load *x, const strset *schools)
{
	size_t i, n = mg_rowset_count(x->rs, MG_T_USER_INFO_DATA), cap = 0;
	char *buf = NULL;
	mg_status st = MG_OK;

	for (i = 0; i < n && st == MG_OK; i++) {
		const mg_row_user_info_data *d = mg_rowset_get(x->rs, MG_T_USER_INFO_DATA, i);
		size_t len;
		if (d->data.len > cap || !buf) {
			size_t want = d->data.len > 64 ? d->data.len : 64;
			char *p = mg_realloc(buf, want);
			if (!p) {
				st = mg_error_set(x->err, MG_ENOMEM, "mysql: out of memory");
				break;
			}
			buf = p;
			cap = want;
		}
		len = mg_code_key(d->data, 0, buf);
		if (len && strset_has(schools, (mg_str){ buf, len }) && idset_add(&x->teachers, d->userid) != 0) {
			st = mg_error_set(x->err, MG_ENOMEM, "mysql: out of memory");
		}
	}
	mg_free(buf);
	idset_seal(&x->teachers);
	return st;
}

static int64_t col_ra_user(const void *row) { return ((const mg_row_role_assignments *)row)->userid; }

/* An inspector's view: his teachers are found in C from one scan of the
 * school field's values and the schools of his circonscriptions; every
 * statement after that is driven by their ids through Moodle's userid
 * indexes (enrolments, marks, role assignments), then by the courses of
 * their participations (computed once in C) for those courses' trainers. */
static mg_status load_inspector(load *x)
{
	strset schools;
	idset others;
	mg_status st;
	size_t i, n, ra_first;

	memset(&schools, 0, sizeof(schools));
	memset(&others, 0, sizeof(others));
	st = read_rows(x, MG_T_INSPECTOR, cond_inspector, NULL, NULL, NULL);
	if (st == MG_OK) st = read_all(x, MG_T_CIRC);
	if (st == MG_OK) st = read_all(x, MG_T_SCHOOL);
	if (st == MG_OK) st = read_all(x, MG_T_ROLE);
	if (st == MG_OK) st = collect_trainer_roles(x);
	if (st == MG_OK) st = read_rows(x, MG_T_USER_INFO_FIELD, cond_school_field, NULL, NULL, NULL);
	if (st == MG_OK) st = collect_fields(x, MG_T_USER_INFO_FIELD, x->st->school_field, &x->fields);
	/* one scan of the school field's values: the teachers, in C */
	if (st == MG_OK && x->fields.n) st = read_rows(x, MG_T_USER_INFO_DATA, cond_fields, NULL, NULL, NULL);
	if (st == MG_OK) st = inspector_schools(x, &schools);
	if (st == MG_OK) st = inspector_teachers(x, &schools);
	strset_free(&schools);
	/* their enrolments and marks, by their ids */
	if (st == MG_OK) st = read_rows(x, MG_T_USER_ENROLMENTS, NULL, "t.userid", &x->teachers, NULL);
	if (st == MG_OK) st = read_rows(x, MG_T_MARK, NULL, "t.userid", &x->teachers, NULL);
	/* the courses of those: every enrolment method (a small table), those of
	 * other courses dropped */
	if (st == MG_OK) st = read_all(x, MG_T_ENROL);
	if (st == MG_OK) st = collect(x, MG_T_USER_ENROLMENTS, 0, col_ue_enrolid, &x->enrols);
	idset_seal(&x->enrols);
	if (st == MG_OK) {
		n = mg_rowset_count(x->rs, MG_T_ENROL);
		for (i = 0; i < n && st == MG_OK; i++) {
			const mg_row_enrol *e = mg_rowset_get(x->rs, MG_T_ENROL, i);
			if (idset_has(&x->enrols, e->id) && idset_add(&x->courses, e->courseid) != 0) {
				st = mg_error_set(x->err, MG_ENOMEM, "mysql: out of memory");
			}
		}
	}
	if (st == MG_OK) st = collect(x, MG_T_MARK, 0, col_mark_courseid, &x->courses);
	idset_seal(&x->courses);
	if (st == MG_OK) {
		mg_rowset_filter(x->rs, MG_T_ENROL, keep_in_set, KEEP_IN(&x->courses, mg_row_enrol, courseid));
		idset_free(&x->enrols);
		st = collect(x, MG_T_ENROL, 0, col_id, &x->enrols);
		idset_seal(&x->enrols);
	}
	if (st == MG_OK) st = read_rows(x, MG_T_COURSE, NULL, "t.id", &x->courses, NULL);
	if (st == MG_OK) st = read_rows(x, MG_T_CONTEXT, cond_course_context, "t.instanceid", &x->courses, NULL);
	if (st == MG_OK) st = collect(x, MG_T_CONTEXT, 0, col_id, &x->contexts);
	idset_seal(&x->contexts);
	/* the trainers of those courses */
	ra_first = mg_rowset_count(x->rs, MG_T_ROLE_ASSIGNMENTS);
	if (st == MG_OK && x->trainer_roles.n) {
		st = read_rows(x, MG_T_ROLE_ASSIGNMENTS, cond_trainer_roles, "t.contextid", &x->contexts, NULL);
	}
	if (st == MG_OK) st = collect(x, MG_T_ROLE_ASSIGNMENTS, ra_first, col_ra_user, &x->trainers);
	idset_seal(&x->trainers);
	/* the teachers' other roles in those courses (by their ids; roles
	 * elsewhere dropped) */
	if (st == MG_OK) {
		st = read_rows(x, MG_T_ROLE_ASSIGNMENTS, cond_not_trainer_roles, "t.userid", &x->teachers,
			KEEP_IN(&x->contexts, mg_row_role_assignments, contextid));
	}
	/* the trainers' enrolments in those courses, but the teachers' (read above) */
	if (st == MG_OK) {
		for (i = 0; i < x->trainers.n && st == MG_OK; i++) {
			if (!idset_has(&x->teachers, x->trainers.v[i]) && idset_add(&others, x->trainers.v[i]) != 0) {
				st = mg_error_set(x->err, MG_ENOMEM, "mysql: out of memory");
			}
		}
	}
	if (st == MG_OK) st = read_rows(x, MG_T_USER_ENROLMENTS, NULL, "t.userid", &others,
		KEEP_IN(&x->enrols, mg_row_user_enrolments, enrolid));
	/* the users: teachers, trainers, himself */
	if (st == MG_OK) {
		for (i = 0; i < x->teachers.n && st == MG_OK; i++) {
			st = idset_add(&x->users, x->teachers.v[i]) ? mg_error_set(x->err, MG_ENOMEM, "mysql: out of memory") : MG_OK;
		}
		for (i = 0; i < x->trainers.n && st == MG_OK; i++) {
			st = idset_add(&x->users, x->trainers.v[i]) ? mg_error_set(x->err, MG_ENOMEM, "mysql: out of memory") : MG_OK;
		}
		if (st == MG_OK && idset_add(&x->users, x->sc->userid) != 0) {
			st = mg_error_set(x->err, MG_ENOMEM, "mysql: out of memory");
		}
		idset_seal(&x->users);
	}
	idset_free(&others);
	if (st == MG_OK) st = read_rows(x, MG_T_USER, NULL, "t.id", &x->users, NULL);
	/* the school values of those users only (the others were read to find
	 * the teachers) */
	if (st == MG_OK) {
		mg_rowset_filter(x->rs, MG_T_USER_INFO_DATA, keep_in_set, KEEP_IN(&x->users, mg_row_user_info_data, userid));
	}
	if (st == MG_OK) st = load_durations(x, 0);
	return st;
}

/* ---------------------------------------------------------- the stamps */

#define STAMP_TABLE "local_magistere_stamp"

/* Builds the statement of the stamp of `keys`: COUNT and SUM of the
 * counters (the site's, the memberships', some courses', or all). */
static void stamp_query(qb *b, const mg_stamp_keys *keys)
{
	qb_reset(b);
	qb_add(b, "SELECT COUNT(*), COALESCE(SUM(t.stamp), 0) FROM {" STAMP_TABLE "} t");
	if (keys->whole) {
		return;
	}
	qb_add(b, " WHERE t.itemtype = 0");
	if (keys->ncourseids) {
		qb_add(b, " OR (t.itemtype = 1 AND t.itemid IN (");
		qb_list(b, keys->courseids, keys->ncourseids);
		qb_add(b, "))");
	}
	if (keys->members) {
		qb_add(b, " OR (t.itemtype = 2 AND t.itemid = 0)");
	}
	if (keys->ncourseids) {
		/* Moodle's own revision of each course's structure (activities
		 * added, moved, hidden, deleted; sections moved): it only grows,
		 * and some of those changes trigger no event. */
		qb_add(b, " UNION ALL SELECT 0, COALESCE(SUM(c.cacherev), 0) FROM {course} c WHERE c.id IN (");
		qb_list(b, keys->courseids, keys->ncourseids);
		qb_add(b, ")");
	}
}

/* Runs the statement built by stamp_query on m. */
static mg_status stamp_run(mg_mysql_store *s, MYSQL *m, qb *b, mg_stamp *out, int *broken, mg_error *err)
{
	static const mg_table stamp_table = { MG_T__COUNT, STAMP_TABLE, 0, NULL, 0 };
	MYSQL_STMT *stmt;
	MYSQL_BIND *pb = NULL, res[2];
	long long v[2] = { 0, 0 };
	mg_my_bool is_null[2] = { 0, 0 };
	mg_status st = MG_OK;
	size_t i;
	int rc;

	if (b->oom) {
		return mg_error_set(err, MG_ENOMEM, "mysql: out of memory building the query of the stamps");
	}
	stmt = mysql_stmt_init(m);
	pb = mg_calloc(b->nparams ? b->nparams : 1, sizeof(*pb));
	if (!stmt || !pb) {
		if (stmt) {
			mysql_stmt_close(stmt);
		}
		mg_free(pb);
		return mg_error_set(err, MG_ENOMEM, "mysql: out of memory");
	}
	for (i = 0; i < b->nparams; i++) {
		pb[i].buffer_type = MYSQL_TYPE_LONGLONG;
		pb[i].buffer = &b->params[i].i;
	}
	memset(res, 0, sizeof(res));
	for (i = 0; i < 2; i++) {
		res[i].buffer_type = MYSQL_TYPE_LONGLONG;
		res[i].buffer = &v[i];
		res[i].is_null = &is_null[i];
	}
	s->statements++;
	if (mysql_stmt_prepare(stmt, b->sql, (unsigned long)b->len)
		|| (b->nparams && mysql_stmt_bind_param(stmt, pb))
		|| mysql_stmt_execute(stmt) || mysql_stmt_bind_result(stmt, res)) {
		st = stmt_error(s, stmt, &stamp_table, "cannot query", broken, err);
		goto done;
	}
	out->rows = 0;
	out->sum = 0;
	while ((rc = mysql_stmt_fetch(stmt)) == 0 || rc == MYSQL_DATA_TRUNCATED) {
		out->rows += (int64_t)v[0];
		out->sum += (int64_t)v[1];
	}
	if (rc != MYSQL_NO_DATA) {
		st = stmt_error(s, stmt, &stamp_table, "cannot read", broken, err);
		goto done;
	}
done:
	mysql_stmt_close(stmt);
	mg_free(pb);
	return st;
}

static mg_status store_stamp(void *store, const mg_stamp_keys *keys, mg_stamp *out, mg_error *err)
{
	mg_mysql_store *s = store;
	MYSQL *m;
	qb b;
	int broken = 0;
	mg_status st;

	memset(out, 0, sizeof(*out));
	st = link_ready(s, &m, err);
	if (st != MG_OK) {
		return st;
	}
	memset(&b, 0, sizeof(b));
	b.prefix = s->o.prefix;
	stamp_query(&b, keys);
	st = stamp_run(s, m, &b, out, &broken, err);
	qb_free(&b);
	if (broken) {
		mg_mysql_link_close(s->link);
	}
	return st;
}

static const char *store_identity(void *store)
{
	return ((mg_mysql_store *)store)->identity;
}

/* ------------------------------------------------------------ a load */

/* Reads the scope on the link the store currently uses (s->link, s->o). */
static mg_status load_here(mg_mysql_store *s, MYSQL *m, const mg_scope *scope, const mg_settings *settings,
	int want_stamp, mg_rowset **out, mg_stamp *stamp, mg_error *err)
{
	load x;
	int in_tx = 0;
	mg_status st;

	*out = NULL;
	memset(&x, 0, sizeof(x));
	x.s = s;
	x.m = m;
	x.b.prefix = s->o.prefix;
	x.sc = scope;
	x.st = settings;
	x.err = err;
	x.rs = mg_rowset_new();
	if (!x.rs) {
		return mg_error_set(err, MG_ENOMEM, "mysql: out of memory");
	}
	/* every table the engine reads has its id as primary key */
	mg_rowset_set_unique_ids(x.rs, 1);
	/* and Moodle's unique indexes (docs/mysql.md: the tables it reads) */
	mg_rowset_set_unique_keys(x.rs, 1);
	/* One snapshot for every statement: the rows agree with each other even
	 * while Moodle writes (and with the stamps read last). */
	st = plain_query(s, x.m, "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY", &x.broken, err);
	if (st == MG_OK) {
		in_tx = 1;
		switch (scope->kind) {
		case MG_SCOPE_ALL:
			st = load_all(&x);
			break;
		case MG_SCOPE_STATISTICS:
			st = load_site(&x);
			break;
		case MG_SCOPE_ATTESTATIONS:
			st = scope->ncourseids > 0 && scope->ncourseids <= MG_MYSQL_MAX_IDS ? load_courses(&x) : load_site(&x);
			break;
		case MG_SCOPE_INSPECTOR:
			st = load_inspector(&x);
			break;
		default:
			st = load_courses(&x);
			break;
		}
	}
	if (st == MG_OK && want_stamp) {
		mg_stamp_keys keys;
		if (mg_stamp_keys_of(scope, x.rs, &keys) != MG_OK) {
			st = mg_error_set(err, MG_ENOMEM, "mysql: out of memory");
		} else {
			stamp_query(&x.b, &keys);
			st = stamp_run(s, x.m, &x.b, stamp, &x.broken, err);
			mg_stamp_keys_free(&keys);
		}
	}
	if (st == MG_OK) {
		in_tx = 0;
		st = plain_query(s, x.m, "COMMIT", &x.broken, err);
	}
	qb_free(&x.b);
	idset_free(&x.courses);
	idset_free(&x.enrols);
	idset_free(&x.contexts);
	idset_free(&x.cms);
	idset_free(&x.users);
	idset_free(&x.teachers);
	idset_free(&x.trainers);
	idset_free(&x.fields);
	idset_free(&x.cfields);
	idset_free(&x.trainer_roles);
	strset_free(&x.uais);
	if (st == MG_OK) {
		mg_rowset_shrink(x.rs);
		*out = x.rs;
		return MG_OK;
	}
	mg_rowset_free(x.rs);
	if (x.broken) {
		mg_mysql_link_close(s->link);
	} else if (in_tx) {
		static const char rollback[] = "ROLLBACK";
		if (mysql_real_query(x.m, rollback, sizeof(rollback) - 1)) {
			mg_mysql_link_close(s->link);
		}
	}
	return st;
}

/* The replica link, connected to the first replica that answers (NULL when
 * none does: the primary is used, as Moodle does). */
static MYSQL *replica_ready(mg_mysql_store *s)
{
	size_t k;

	if (s->rlink.conn && s->rlink.pid != getpid()) {
		mg_mysql_link_close(&s->rlink);
	}
	if (s->rlink.conn) {
		return s->rlink.conn;
	}
	if (s->rtried) {
		return NULL;
	}
	s->rtried = 1;
	for (k = 0; k < s->nreplicas; k++) {
		size_t i = (s->rfirst + k) % s->nreplicas;
		mg_error ignored;
		if (mg_mysql_link_open(&s->rlink, &s->replicas[i].o, &ignored) == MG_OK) {
			s->rcur = i;
			s->rtried = 0;
			return s->rlink.conn;
		}
	}
	return NULL;
}

/* Reads the scope on the replica in use; MG_OK with *out NULL when the
 * replica failed or is behind `opts->min` (the caller then reads the
 * primary). */
static mg_status load_replica(mg_mysql_store *s, MYSQL *rm, const mg_scope *scope, const mg_settings *settings,
	const mg_load_opts *opts, mg_rowset **out, mg_load_info *info)
{
	mg_mysql_options saved_o = s->o;
	mg_mysql_link *saved_link = s->link;
	mg_stamp stamp = { 0, 0 };
	mg_error rerr;
	mg_status st;

	*out = NULL;
	mg_error_clear(&rerr);
	s->o = s->replicas[s->rcur].o;
	s->link = &s->rlink;
	st = load_here(s, rm, scope, settings, opts->want_stamp || opts->have_min, out, &stamp, &rerr);
	s->o = saved_o;
	s->link = saved_link;
	if (st != MG_OK) {
		/* a replica that fails is left for this store's life */
		mg_mysql_link_close(&s->rlink);
		s->rtried = 1;
		return MG_OK;
	}
	if (opts->have_min && stamp.sum < opts->min.sum) {
		/* behind a change the primary already had: the primary decides */
		mg_rowset_free(*out);
		*out = NULL;
		if (info) {
			info->replica_behind = 1;
		}
		return MG_OK;
	}
	s->replica_loads++;
	if (info) {
		info->stamp = stamp;
		info->from_replica = 1;
	}
	return MG_OK;
}

static mg_status store_load(void *store, const mg_scope *scope, const mg_settings *settings,
	const mg_load_opts *opts, mg_rowset **out, mg_load_info *info, mg_error *err)
{
	mg_mysql_store *s = store;
	mg_load_opts none;
	mg_stamp stamp = { 0, 0 };
	MYSQL *m;
	mg_status st;

	*out = NULL;
	if (!opts) {
		memset(&none, 0, sizeof(none));
		opts = &none;
	}
	if (info) {
		memset(info, 0, sizeof(*info));
	}
	if (opts->replica && s->nreplicas > 0 && mg_scope_heavy(scope)) {
		MYSQL *rm = replica_ready(s);
		if (rm) {
			st = load_replica(s, rm, scope, settings, opts, out, info);
			if (st != MG_OK || *out) {
				return st;
			}
		}
	}
	st = link_ready(s, &m, err);
	if (st != MG_OK) {
		return st;
	}
	st = load_here(s, m, scope, settings, opts->want_stamp, out, &stamp, err);
	if (st == MG_OK && info) {
		info->stamp = stamp;
		info->from_replica = 0;
	}
	return st;
}

const mg_store_ops mg_store_mysql_ops = {
	"mysql",
	0,
	store_load,
	store_stamp,
	store_identity,
	store_free,
};

/* ------------------------------------------------------- the library */

/* Filled once by mg_mysql_library_init (MINIT): version and file of the
 * client library the process actually loaded. */
static char client_runtime[600];

const char *mg_mysql_client_runtime(void)
{
	return client_runtime[0] ? client_runtime : mysql_get_client_info();
}

const char *mg_mysql_client_buildtime(void)
{
#ifdef MARIADB_PACKAGE_VERSION
	return "MariaDB Connector/C " MARIADB_PACKAGE_VERSION;
#elif defined(LIBMYSQL_VERSION)
	return "libmysqlclient " LIBMYSQL_VERSION;
#else
	return MYSQL_SERVER_VERSION;
#endif
}

int mg_mysql_library_init(void)
{
	const char *file = NULL;
#ifdef __linux__
	Dl_info info;
	union { const char *(*fn)(void); void *p; } sym;

	sym.fn = mysql_get_client_info;
	if (dladdr(sym.p, &info) && info.dli_fname) {
		file = info.dli_fname;
	}
#endif
	snprintf(client_runtime, sizeof(client_runtime), "%s%s%s%s", mysql_get_client_info(),
		file ? " (" : "", file ? file : "", file ? ")" : "");
	return mysql_library_init(0, NULL, NULL);
}

void mg_mysql_library_end(void)
{
	mysql_library_end();
}
