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

struct mg_mysql_store {
	mg_mysql_options o;          /* strings point into `strings` */
	char *strings;
	size_t strings_len;
	mg_mysql_link own;
	mg_mysql_link *link;         /* &own, or a persistent link */
	uint64_t statements;
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

static void store_free(void *p)
{
	mg_mysql_store *s = p;

	if (!s) {
		return;
	}
	if (s->link == &s->own) {
		mg_mysql_link_close(&s->own);
	}
	if (s->strings) {
		/* The password lives here: wipe it before release. */
		volatile char *v = s->strings;
		size_t i;
		for (i = 0; i < s->strings_len; i++) {
			v[i] = 0;
		}
		free(s->strings);
	}
	free(s);
}

mg_status mg_mysql_store_new(const mg_mysql_options *o, mg_mysql_link *shared,
	mg_mysql_store **out, mg_error *err)
{
	mg_mysql_store *s;
	const char *prefix = o->prefix ? o->prefix : "mdl_";
	const char *charset = o->charset ? o->charset : "utf8mb4";
	char *cursor;
	size_t total;
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
	s = calloc(1, sizeof(*s));
	if (!s) {
		return mg_error_set(err, MG_ENOMEM, "mysql: out of memory");
	}
	total = opt_len(o->host) + opt_len(o->socket) + opt_len(o->user) + opt_len(o->password)
		+ opt_len(o->database) + opt_len(prefix) + opt_len(charset) + opt_len(o->ssl_ca)
		+ opt_len(o->ssl_cert) + opt_len(o->ssl_key) + 1;
	s->strings = malloc(total);
	if (!s->strings) {
		free(s);
		return mg_error_set(err, MG_ENOMEM, "mysql: out of memory");
	}
	s->strings_len = total;
	cursor = s->strings;
	s->o = *o;
	s->o.host = opt_copy(&cursor, o->host);
	s->o.socket = opt_copy(&cursor, o->socket);
	s->o.user = opt_copy(&cursor, o->user);
	s->o.password = opt_copy(&cursor, o->password);
	s->o.database = opt_copy(&cursor, o->database);
	s->o.prefix = opt_copy(&cursor, prefix);
	s->o.charset = opt_copy(&cursor, charset);
	s->o.ssl_ca = opt_copy(&cursor, o->ssl_ca);
	s->o.ssl_cert = opt_copy(&cursor, o->ssl_cert);
	s->o.ssl_key = opt_copy(&cursor, o->ssl_key);
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
	/* The inspector's teachers, read once by the first statement of an
	 * inspector scope and bound as parameters by the next ones. */
	const int64_t *teachers;
	size_t nteachers;
	int teachers_bound;
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
	p = realloc(b->sql, cap);
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
		qparam *p = realloc(b->params, cap * sizeof(*p));
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
	free(b->sql);
	free(b->params);
}

/* ------------------------------------------------------ the scope sets */

/* Whether the scope is restricted to some courses (else: every course). */
static int scope_courses_restricted(const mg_scope *sc)
{
	switch (sc->kind) {
	case MG_SCOPE_COURSE:
	case MG_SCOPE_TRANSPARENCY:
	case MG_SCOPE_INSPECTOR:
	case MG_SCOPE_USER:
		return 1;
	case MG_SCOPE_ATTESTATIONS:
		return sc->ncourseids > 0 && sc->ncourseids <= MG_MYSQL_MAX_IDS;
	default:
		return 0;
	}
}

/* The teachers of an inspector: users whose school field names a school of
 * one of his circonscriptions. */
static void add_teachers(qb *b, const mg_scope *sc, const mg_settings *st)
{
	size_t i;

	if (b->teachers_bound) {
		/* Their ids, read once: the profile data need not be scanned again. */
		if (b->nteachers == 0) {
			qb_add(b, "SELECT u.id FROM {user} u WHERE 1 = 0");
			return;
		}
		qb_add(b, "SELECT u.id FROM {user} u WHERE u.id IN (");
		for (i = 0; i < b->nteachers; i++) {
			if (i) {
				qb_add(b, ", ");
			}
			qb_int(b, b->teachers[i]);
		}
		qb_add(b, ")");
		return;
	}
	qb_add(b, "SELECT DISTINCT d.userid AS id FROM {user_info_data} d"
		" JOIN {user_info_field} f ON f.id = d.fieldid AND f.shortname = ");
	qb_str(b, st->school_field);
	qb_add(b, " JOIN {local_magistere_school} s ON s.uai = TRIM(d.data)"
		" JOIN {local_magistere_inspector} i ON TRIM(i.circonscription) = TRIM(s.circonscription) AND i.userid = ");
	qb_int(b, sc->userid);
}

/* A subquery of one column `id`: the courses of the scope. Only called
 * when scope_courses_restricted(). */
static void add_courses(qb *b, const mg_scope *sc, const mg_settings *st)
{
	size_t i;

	switch (sc->kind) {
	case MG_SCOPE_COURSE:
	case MG_SCOPE_TRANSPARENCY:
		qb_add(b, "SELECT c.id FROM {course} c WHERE c.id = ");
		qb_int(b, sc->courseid);
		break;
	case MG_SCOPE_ATTESTATIONS:
		qb_add(b, "SELECT c.id FROM {course} c WHERE c.id IN (");
		for (i = 0; i < sc->ncourseids; i++) {
			if (i) {
				qb_add(b, ", ");
			}
			qb_int(b, sc->courseids[i]);
		}
		qb_add(b, ")");
		break;
	case MG_SCOPE_INSPECTOR:
		/* where his teachers are enrolled, or have a training record */
		qb_add(b, "SELECT DISTINCT c.id FROM {course} c JOIN {enrol} e ON e.courseid = c.id"
			" JOIN {user_enrolments} ue ON ue.enrolid = e.id JOIN (");
		add_teachers(b, sc, st);
		qb_add(b, ") tt ON tt.id = ue.userid UNION SELECT mk.courseid FROM {local_magistere_mark} mk JOIN (");
		add_teachers(b, sc, st);
		qb_add(b, ") tm ON tm.id = mk.userid");
		break;
	case MG_SCOPE_USER:
		/* where he is enrolled (in any state), holds a role, or has a mark */
		qb_add(b, "SELECT e.courseid AS id FROM {enrol} e JOIN {user_enrolments} ue ON ue.enrolid = e.id AND ue.userid = ");
		qb_int(b, sc->userid);
		qb_add(b, " UNION SELECT x.instanceid FROM {role_assignments} ra"
			" JOIN {context} x ON x.id = ra.contextid AND x.contextlevel = 50 WHERE ra.userid = ");
		qb_int(b, sc->userid);
		qb_add(b, " UNION SELECT mk.courseid FROM {local_magistere_mark} mk WHERE mk.userid = ");
		qb_int(b, sc->userid);
		break;
	default:
		b->bug = 1; /* only called for restricted scopes */
		break;
	}
}

/* " JOIN (<courses>) sc ON sc.id = <column>" when the scope is restricted. */
static void join_courses(qb *b, const mg_scope *sc, const mg_settings *st, const char *column)
{
	if (!scope_courses_restricted(sc)) {
		return;
	}
	qb_add(b, " JOIN (");
	add_courses(b, sc, st);
	qb_add(b, ") sc ON sc.id = ");
	qb_add(b, column);
}

/* A subquery of one column `id`: the users the scope loads. Every row
 * loaded that names a user names one of these. */
static void add_users(qb *b, const mg_scope *sc, const mg_settings *st)
{
	size_t i;

	if (sc->kind == MG_SCOPE_INSPECTOR) {
		/* His teachers, the trainers of their parcours, and himself. */
		add_teachers(b, sc, st);
		qb_add(b, " UNION SELECT ra.userid FROM {role_assignments} ra"
			" JOIN {context} x ON x.id = ra.contextid AND x.contextlevel = " MG_STRINGIFY(MG_CONTEXT_COURSE));
		join_courses(b, sc, st, "x.instanceid");
		qb_add(b, " JOIN {role} r ON r.id = ra.roleid AND r.shortname IN (");
		for (i = 0; i < st->ntrainer_roles; i++) {
			if (i) {
				qb_add(b, ", ");
			}
			qb_str(b, st->trainer_roles[i]);
		}
		qb_add(b, ") UNION SELECT ");
		qb_int(b, sc->userid);
		return;
	}
	/* Everybody enrolled, holding a role or marked in the scope's courses
	 * (a training record outlives the enrolment). */
	qb_add(b, "SELECT ue.userid AS id FROM {user_enrolments} ue JOIN {enrol} e ON e.id = ue.enrolid");
	join_courses(b, sc, st, "e.courseid");
	qb_add(b, " UNION SELECT ra.userid FROM {role_assignments} ra"
		" JOIN {context} x ON x.id = ra.contextid AND x.contextlevel = " MG_STRINGIFY(MG_CONTEXT_COURSE));
	join_courses(b, sc, st, "x.instanceid");
	qb_add(b, " UNION SELECT mk.userid FROM {local_magistere_mark} mk");
	join_courses(b, sc, st, "mk.courseid");
	/* Who marked them: the attestation file names him, even when he is no
	 * longer a member of any parcours (a trainer who left, an administrator). */
	qb_add(b, " UNION SELECT mk.modifiedby FROM {local_magistere_mark} mk");
	join_courses(b, sc, st, "mk.courseid");
	if (sc->kind == MG_SCOPE_TRANSPARENCY) {
		/* The inspectors of the participant's circonscription. */
		qb_add(b, " UNION SELECT i.userid FROM {local_magistere_inspector} i"
			" JOIN {local_magistere_school} s ON TRIM(s.circonscription) = TRIM(i.circonscription)"
			" JOIN {user_info_data} d ON TRIM(d.data) = s.uai AND d.userid = ");
		qb_int(b, sc->userid);
		qb_add(b, " JOIN {user_info_field} f ON f.id = d.fieldid AND f.shortname = ");
		qb_str(b, st->school_field);
	}
}

static void join_users(qb *b, const mg_scope *sc, const mg_settings *st, const char *column)
{
	qb_add(b, " JOIN (");
	add_users(b, sc, st);
	qb_add(b, ") su ON su.id = ");
	qb_add(b, column);
}

/* The FROM/WHERE part of the statement reading `table` for the scope.
 * Returns 0 when the scope does not read that table. */
static int add_filter(qb *b, mg_table_id table, const mg_scope *sc, const mg_settings *st)
{
	int course_level = sc->kind == MG_SCOPE_COURSE || sc->kind == MG_SCOPE_TRANSPARENCY;
	/* the scopes that show progress: the course's activities are read */
	int with_activities = course_level || sc->kind == MG_SCOPE_USER;

	if (sc->kind == MG_SCOPE_ALL) {
		return 1;
	}
	switch (table) {
	case MG_T_COURSE:
		join_courses(b, sc, st, "t.id");
		return 1;
	case MG_T_MODULES:
		return with_activities;
	case MG_T_COURSE_SECTIONS:
	case MG_T_COURSE_MODULES:
		if (!with_activities) {
			return 0;
		}
		join_courses(b, sc, st, "t.course");
		return 1;
	case MG_T_COURSE_MODULES_COMPLETION:
		if (!with_activities) {
			return 0;
		}
		qb_add(b, " JOIN {course_modules} cm ON cm.id = t.coursemoduleid");
		join_courses(b, sc, st, "cm.course");
		if (sc->kind == MG_SCOPE_USER) {
			/* his own progress only */
			qb_add(b, " WHERE t.userid = ");
			qb_int(b, sc->userid);
		} else {
			join_users(b, sc, st, "t.userid");
		}
		return 1;
	case MG_T_COURSE_COMPLETIONS:
		if (!with_activities) {
			return 0;
		}
		join_courses(b, sc, st, "t.course");
		if (sc->kind == MG_SCOPE_USER) {
			qb_add(b, " WHERE t.userid = ");
			qb_int(b, sc->userid);
		} else {
			join_users(b, sc, st, "t.userid");
		}
		return 1;
	case MG_T_ENROL:
		join_courses(b, sc, st, "t.courseid");
		return 1;
	case MG_T_USER_ENROLMENTS:
		qb_add(b, " JOIN {enrol} e ON e.id = t.enrolid");
		join_courses(b, sc, st, "e.courseid");
		join_users(b, sc, st, "t.userid");
		return 1;
	case MG_T_ROLE:
		return 1;
	case MG_T_CONTEXT:
		join_courses(b, sc, st, "t.instanceid");
		qb_add(b, " WHERE t.contextlevel = " MG_STRINGIFY(MG_CONTEXT_COURSE));
		return 1;
	case MG_T_ROLE_ASSIGNMENTS:
		qb_add(b, " JOIN {context} x ON x.id = t.contextid AND x.contextlevel = " MG_STRINGIFY(MG_CONTEXT_COURSE));
		join_courses(b, sc, st, "x.instanceid");
		join_users(b, sc, st, "t.userid");
		return 1;
	case MG_T_USER:
		join_users(b, sc, st, "t.id");
		return 1;
	case MG_T_USER_INFO_FIELD:
		qb_add(b, " WHERE t.shortname = ");
		qb_str(b, st->school_field);
		return 1;
	case MG_T_USER_INFO_DATA:
		qb_add(b, " JOIN {user_info_field} f ON f.id = t.fieldid AND f.shortname = ");
		qb_str(b, st->school_field);
		join_users(b, sc, st, "t.userid");
		return 1;
	case MG_T_CUSTOMFIELD_FIELD:
		qb_add(b, " WHERE t.shortname = ");
		qb_str(b, st->duration_field);
		return 1;
	case MG_T_CUSTOMFIELD_DATA:
		qb_add(b, " JOIN {customfield_field} f ON f.id = t.fieldid AND f.shortname = ");
		qb_str(b, st->duration_field);
		join_courses(b, sc, st, "t.instanceid");
		return 1;
	case MG_T_MARK:
		join_courses(b, sc, st, "t.courseid");
		join_users(b, sc, st, "t.userid");
		return 1;
	case MG_T_SCHOOL:
		if (with_activities) {
			/* The schools named by the loaded users' profile field. */
			qb_add(b, " WHERE t.uai IN (SELECT TRIM(d.data) FROM {user_info_data} d"
				" JOIN {user_info_field} f ON f.id = d.fieldid AND f.shortname = ");
			qb_str(b, st->school_field);
			join_users(b, sc, st, "d.userid");
			qb_add(b, ")");
		} else if (sc->kind == MG_SCOPE_INSPECTOR) {
			qb_add(b, " WHERE TRIM(t.circonscription) IN (SELECT TRIM(i.circonscription)"
				" FROM {local_magistere_inspector} i WHERE i.userid = ");
			qb_int(b, sc->userid);
			qb_add(b, ")");
		}
		return 1;
	case MG_T_CIRC:
		return 1;
	case MG_T_INSPECTOR:
		if (sc->kind == MG_SCOPE_INSPECTOR) {
			qb_add(b, " WHERE t.userid = ");
			qb_int(b, sc->userid);
			return 1;
		}
		if (sc->kind == MG_SCOPE_TRANSPARENCY) {
			qb_add(b, " WHERE TRIM(t.circonscription) IN (SELECT TRIM(s.circonscription)"
				" FROM {local_magistere_school} s JOIN {user_info_data} d ON TRIM(d.data) = s.uai AND d.userid = ");
			qb_int(b, sc->userid);
			qb_add(b, " JOIN {user_info_field} f ON f.id = d.fieldid AND f.shortname = ");
			qb_str(b, st->school_field);
			qb_add(b, ")");
			return 1;
		}
		return 0;
	default:
		return 0;
	}
}

/* Tables read through the scope's users, driven by them: the users of a
 * parcours are few, Moodle's user and user_info_data tables are large. */
static int driven_by_users(mg_table_id table, const mg_scope *sc)
{
	if (sc->kind == MG_SCOPE_ALL) {
		return 0;
	}
	return table == MG_T_USER || table == MG_T_USER_INFO_DATA
		|| (table == MG_T_SCHOOL && (sc->kind == MG_SCOPE_COURSE || sc->kind == MG_SCOPE_TRANSPARENCY
			|| sc->kind == MG_SCOPE_USER));
}

/* The whole statement for `table`; 0 when the scope does not read it. */
static int build_query(qb *b, mg_table_id table, const mg_scope *sc, const mg_settings *st)
{
	const mg_table *t = &mg_tables[table];
	int driven = driven_by_users(table, sc);
	size_t i;

	qb_reset(b);
	/* STRAIGHT_JOIN: read the (small) derived set of users first, then the
	 * table by its index, whatever the optimizer guesses on a cold table. */
	qb_add(b, driven ? "SELECT STRAIGHT_JOIN " : "SELECT ");
	for (i = 0; i < t->nfields; i++) {
		if (i) {
			qb_add(b, ", ");
		}
		qb_add(b, "t.`");
		qb_raw(b, t->fields[i].name, strlen(t->fields[i].name));
		qb_add(b, "`");
	}
	if (!driven) {
		qb_add(b, " FROM `");
		qb_raw(b, b->prefix, strlen(b->prefix));
		qb_raw(b, t->name, strlen(t->name));
		qb_add(b, "` t");
		return add_filter(b, table, sc, st);
	}
	switch (table) {
	case MG_T_USER:
		qb_add(b, " FROM (");
		add_users(b, sc, st);
		qb_add(b, ") su JOIN {user} t ON t.id = su.id");
		break;
	case MG_T_USER_INFO_DATA:
		qb_add(b, " FROM (");
		add_users(b, sc, st);
		qb_add(b, ") su JOIN {user_info_data} t ON t.userid = su.id"
			" JOIN {user_info_field} f ON f.id = t.fieldid AND f.shortname = ");
		qb_str(b, st->school_field);
		break;
	default: /* MG_T_SCHOOL: the schools named by the users' profile field */
		qb_add(b, " FROM (SELECT DISTINCT STRAIGHT_JOIN TRIM(d.data) AS uai FROM (");
		add_users(b, sc, st);
		qb_add(b, ") su JOIN {user_info_data} d ON d.userid = su.id"
			" JOIN {user_info_field} f ON f.id = d.fieldid AND f.shortname = ");
		qb_str(b, st->school_field);
		qb_add(b, ") ss JOIN {local_magistere_school} t ON t.uai = ss.uai");
		break;
	}
	return 1;
}

/* ------------------------------------------------------ reading rows */

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
	const mg_table *t, mg_rowset *rs, int *broken, mg_error *err)
{
	char *row;
	int64_t key = cols[0].is_null ? 0 : (int64_t)cols[0].i;
	size_t i;

	row = mg_rowset_row(rs, t->id);
	if (!row) {
		return mg_error_set(err, MG_ENOMEM, "mysql: out of memory reading %s", t->name);
	}
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
				whole = malloc((size_t)c->len + 1);
				if (!whole) {
					return mg_error_set(err, MG_ENOMEM, "mysql: out of memory reading %s", t->name);
				}
				memset(&one, 0, sizeof(one));
				one.buffer_type = MYSQL_TYPE_STRING;
				one.buffer = whole;
				one.buffer_length = c->len + 1;
				one.length = &len;
				if (mysql_stmt_fetch_column(stmt, &one, (unsigned int)i, 0)) {
					free(whole);
					return stmt_error(s, stmt, t, "cannot read", broken, err);
				}
				src = whole;
			}
			v = mg_rowset_strdup(rs, src, (size_t)c->len);
			free(whole);
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
	mg_rowset *rs, int *broken, mg_error *err)
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
		pb = calloc(b->nparams, sizeof(*pb));
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
	res = calloc(t->nfields, sizeof(*res));
	cols = calloc(t->nfields, sizeof(*cols));
	strbufs = malloc(t->nfields * (size_t)MG_MYSQL_STRBUF);
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
		st = store_row(s, stmt, res, cols, t, rs, broken, err);
		if (st != MG_OK) {
			goto done;
		}
	}
	if (rc != MYSQL_NO_DATA) {
		st = stmt_error(s, stmt, t, "lost the stream of", broken, err);
	}
done:
	mysql_stmt_close(stmt);
	free(pb);
	free(res);
	free(cols);
	free(strbufs);
	return st;
}

/* The tables, in the order they are read. */
static const mg_table_id read_order[] = {
	MG_T_COURSE, MG_T_MODULES, MG_T_COURSE_SECTIONS, MG_T_COURSE_MODULES,
	MG_T_COURSE_MODULES_COMPLETION, MG_T_COURSE_COMPLETIONS, MG_T_ENROL, MG_T_USER_ENROLMENTS, MG_T_ROLE,
	MG_T_CONTEXT, MG_T_ROLE_ASSIGNMENTS, MG_T_USER, MG_T_USER_INFO_FIELD,
	MG_T_USER_INFO_DATA, MG_T_CUSTOMFIELD_FIELD, MG_T_CUSTOMFIELD_DATA, MG_T_MARK,
	MG_T_SCHOOL, MG_T_CIRC, MG_T_INSPECTOR,
};

static mg_status plain_query(mg_mysql_store *s, MYSQL *m, const char *sql, int *broken, mg_error *err)
{
	s->statements++;
	if (mysql_real_query(m, sql, (unsigned long)strlen(sql))) {
		*broken = is_link_error(mysql_errno(m));
		return conn_error(&s->o, m, "cannot start reading", err);
	}
	return MG_OK;
}

/* At most this many teachers are bound as parameters (a statement repeats
 * the list up to five times: twice in the scope's courses, which reach his
 * teachers' enrolments and training records, three times through its users;
 * the protocol allows 65,535 parameters). Above it the statements compute
 * the set themselves. */
#define MG_MYSQL_MAX_TEACHERS 12000

/* Reads the inspector's teachers (one statement) into b->teachers. */
static mg_status read_teachers(mg_mysql_store *s, MYSQL *m, qb *b, const mg_scope *sc,
	const mg_settings *st, int64_t **out, int *broken, mg_error *err)
{
	const mg_table *t = &mg_tables[MG_T_USER_INFO_DATA];
	MYSQL_STMT *stmt;
	MYSQL_BIND pb[2], res;
	long long id = 0, uid = (long long)sc->userid;
	unsigned long flen = (unsigned long)st->school_field.len;
	mg_my_bool is_null = 0;
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;
	mg_status status = MG_OK;
	int rc;

	*out = NULL;
	qb_reset(b);
	add_teachers(b, sc, st);
	if (b->oom || b->nparams != 2) {
		return mg_error_set(err, MG_ENOMEM, "mysql: out of memory building the query of the teachers");
	}
	stmt = mysql_stmt_init(m);
	if (!stmt) {
		return mg_error_set(err, MG_ENOMEM, "mysql: out of memory");
	}
	memset(pb, 0, sizeof(pb));
	pb[0].buffer_type = MYSQL_TYPE_STRING;
	pb[0].buffer = (void *)st->school_field.ptr;
	pb[0].buffer_length = flen;
	pb[0].length = &flen;
	pb[1].buffer_type = MYSQL_TYPE_LONGLONG;
	pb[1].buffer = &uid;
	memset(&res, 0, sizeof(res));
	res.buffer_type = MYSQL_TYPE_LONGLONG;
	res.buffer = &id;
	res.is_null = &is_null;
	s->statements++;
	if (mysql_stmt_prepare(stmt, b->sql, (unsigned long)b->len) || mysql_stmt_bind_param(stmt, pb)
		|| mysql_stmt_execute(stmt) || mysql_stmt_bind_result(stmt, &res)) {
		status = stmt_error(s, stmt, t, "cannot query", broken, err);
		goto done;
	}
	while ((rc = mysql_stmt_fetch(stmt)) == 0) {
		if (is_null) {
			continue;
		}
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 256;
			int64_t *p = ncap > SIZE_MAX / sizeof(*p) ? NULL : realloc(ids, ncap * sizeof(*p));
			if (!p) {
				status = mg_error_set(err, MG_ENOMEM, "mysql: out of memory");
				goto done;
			}
			ids = p;
			cap = ncap;
		}
		ids[n++] = (int64_t)id;
	}
	if (rc != MYSQL_NO_DATA) {
		status = stmt_error(s, stmt, t, "lost the stream of", broken, err);
	}
done:
	mysql_stmt_close(stmt);
	if (status != MG_OK) {
		free(ids);
		return status;
	}
	if (n <= MG_MYSQL_MAX_TEACHERS) {
		b->teachers = ids;
		b->nteachers = n;
		b->teachers_bound = 1;
		*out = ids;
	} else {
		free(ids);
	}
	return MG_OK;
}

static mg_status store_load(void *store, const mg_scope *scope, const mg_settings *settings,
	mg_rowset **out, mg_error *err)
{
	mg_mysql_store *s = store;
	mg_rowset *rs = NULL;
	MYSQL *m;
	qb b;
	int64_t *teachers = NULL;
	size_t i;
	int broken = 0, in_tx = 0;
	mg_status st;

	*out = NULL;
	memset(&b, 0, sizeof(b));
	b.prefix = s->o.prefix;
	st = link_ready(s, &m, err);
	if (st != MG_OK) {
		return st;
	}
	rs = mg_rowset_new();
	if (!rs) {
		return mg_error_set(err, MG_ENOMEM, "mysql: out of memory");
	}
	/* One snapshot for every statement: the rows agree with each other even
	 * while Moodle writes. */
	st = plain_query(s, m, "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY", &broken, err);
	if (st != MG_OK) {
		goto error;
	}
	in_tx = 1;
	if (scope->kind == MG_SCOPE_INSPECTOR) {
		st = read_teachers(s, m, &b, scope, settings, &teachers, &broken, err);
		if (st != MG_OK) {
			goto error;
		}
	}
	for (i = 0; i < sizeof(read_order) / sizeof(read_order[0]); i++) {
		if (!build_query(&b, read_order[i], scope, settings)) {
			continue;
		}
		if (b.bug) {
			st = mg_error_set(err, MG_EINTERNAL, "mysql: internal error building the query of %s", mg_tables[read_order[i]].name);
			goto error;
		}
		if (b.oom) {
			st = mg_error_set(err, MG_ENOMEM, "mysql: out of memory building the query of %s", mg_tables[read_order[i]].name);
			goto error;
		}
		st = run_query(s, m, &b, read_order[i], rs, &broken, err);
		if (st != MG_OK) {
			goto error;
		}
	}
	in_tx = 0;
	st = plain_query(s, m, "COMMIT", &broken, err);
	if (st != MG_OK) {
		goto error;
	}
	qb_free(&b);
	free(teachers);
	*out = rs;
	return MG_OK;
error:
	qb_free(&b);
	free(teachers);
	mg_rowset_free(rs);
	if (broken) {
		mg_mysql_link_close(s->link);
	} else if (in_tx) {
		static const char rollback[] = "ROLLBACK";
		if (mysql_real_query(m, rollback, sizeof(rollback) - 1)) {
			mg_mysql_link_close(s->link);
		}
	}
	return st;
}

const mg_store_ops mg_store_mysql_ops = {
	"mysql",
	0,
	store_load,
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
