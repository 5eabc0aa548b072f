/*
 * Magistere\Source::mysql() and Magistere\Source::fromMoodleConfig(): the
 * options, persistent links and the module hooks of the mysql store.
 */
#include "php_private.h"
#include "ext/standard/info.h"
#include "zend_exceptions.h"

#include "store/mysql.h"

#include <string.h>
#include <unistd.h>

/* Resource type of the persistent links kept in EG(persistent_list). */
static int le_mg_plink = -1;
static int mg_mysql_init_failed = 0;

typedef struct php_mg_plink {
	mg_mysql_link link;
	char *password;   /* pemalloc'd: a link is reused only with the same password */
	size_t password_len;
} php_mg_plink;

static void php_mg_wipe(char *s, size_t len)
{
	volatile char *v = s;
	size_t i;

	for (i = 0; i < len; i++) {
		v[i] = 0;
	}
}

static void php_mg_plink_dtor(zend_resource *rsrc)
{
	php_mg_plink *p = rsrc->ptr;

	if (!p) {
		return;
	}
	mg_mysql_link_close(&p->link);
	if (p->password) {
		php_mg_wipe(p->password, p->password_len);
		pefree(p->password, 1);
	}
	pefree(p, 1);
	rsrc->ptr = NULL;
}

/* ------------------------------------------------------------ options */

typedef enum php_mg_opt_type { OPT_STRING, OPT_INT, OPT_BOOL } php_mg_opt_type;

typedef struct php_mg_opts {
	mg_mysql_options o;
	zend_bool persistent;
} php_mg_opts;

static const struct {
	const char *name;
	php_mg_opt_type type;
} php_mg_known_options[] = {
	{ "host", OPT_STRING },
	{ "port", OPT_INT },
	{ "socket", OPT_STRING },
	{ "user", OPT_STRING },
	{ "password", OPT_STRING },
	{ "database", OPT_STRING },
	{ "prefix", OPT_STRING },
	{ "charset", OPT_STRING },
	{ "connect_timeout", OPT_INT },
	{ "read_timeout", OPT_INT },
	{ "write_timeout", OPT_INT },
	{ "ssl_ca", OPT_STRING },
	{ "ssl_cert", OPT_STRING },
	{ "ssl_key", OPT_STRING },
	{ "ssl_verify", OPT_BOOL },
	{ "persistent", OPT_BOOL },
};

static const char *php_mg_opt_type_name(php_mg_opt_type t)
{
	return t == OPT_STRING ? "string" : t == OPT_INT ? "int" : "bool";
}

/* Stores one checked option value. Strings point into the zval (alive
 * during the call). Returns FAILURE with an exception thrown. */
static zend_result php_mg_opt_set(php_mg_opts *out, const char *name, zval *val, uint32_t arg)
{
	if (Z_TYPE_P(val) == IS_STRING) {
		const char *s = Z_STRVAL_P(val);
		if (strlen(s) != Z_STRLEN_P(val)) {
			zend_argument_value_error(arg, "option \"%s\" must not contain any null bytes", name);
			return FAILURE;
		}
		if (!strcmp(name, "host")) out->o.host = s;
		else if (!strcmp(name, "socket")) out->o.socket = s;
		else if (!strcmp(name, "user")) out->o.user = s;
		else if (!strcmp(name, "password")) out->o.password = s;
		else if (!strcmp(name, "database")) out->o.database = s;
		else if (!strcmp(name, "prefix")) out->o.prefix = s;
		else if (!strcmp(name, "charset")) out->o.charset = s;
		else if (!strcmp(name, "ssl_ca")) out->o.ssl_ca = s;
		else if (!strcmp(name, "ssl_cert")) out->o.ssl_cert = s;
		else if (!strcmp(name, "ssl_key")) out->o.ssl_key = s;
		return SUCCESS;
	}
	if (Z_TYPE_P(val) == IS_LONG) {
		zend_long v = Z_LVAL_P(val);
		zend_long max = !strcmp(name, "port") ? 65535 : 86400;
		if (v < 0 || v > max) {
			zend_argument_value_error(arg, "option \"%s\" must be between 0 and " ZEND_LONG_FMT, name, max);
			return FAILURE;
		}
		if (!strcmp(name, "port")) out->o.port = (unsigned int)v;
		else if (!strcmp(name, "connect_timeout")) out->o.connect_timeout = (unsigned int)v;
		else if (!strcmp(name, "read_timeout")) out->o.read_timeout = (unsigned int)v;
		else if (!strcmp(name, "write_timeout")) out->o.write_timeout = (unsigned int)v;
		return SUCCESS;
	}
	/* bool */
	if (!strcmp(name, "ssl_verify")) out->o.ssl_verify = Z_TYPE_P(val) == IS_TRUE;
	else if (!strcmp(name, "persistent")) out->persistent = Z_TYPE_P(val) == IS_TRUE;
	return SUCCESS;
}

static zend_result php_mg_opts_parse(HashTable *options, php_mg_opts *out)
{
	zend_string *key;
	zend_ulong idx;
	zval *val;

	memset(out, 0, sizeof(*out));
	ZEND_HASH_FOREACH_KEY_VAL(options, idx, key, val) {
		size_t i, n = sizeof(php_mg_known_options) / sizeof(php_mg_known_options[0]);
		php_mg_opt_type type;
		int ok;

		if (!key) {
			zend_argument_value_error(1, "must only have string keys (option names), " ZEND_ULONG_FMT " given", idx);
			return FAILURE;
		}
		for (i = 0; i < n; i++) {
			if (zend_string_equals_cstr(key, php_mg_known_options[i].name, strlen(php_mg_known_options[i].name))) {
				break;
			}
		}
		if (i == n) {
			zend_argument_value_error(1, "has an unknown option \"%s\" (known: host, port, socket, user, password, "
				"database, prefix, charset, connect_timeout, read_timeout, write_timeout, ssl_ca, ssl_cert, "
				"ssl_key, ssl_verify, persistent)", ZSTR_VAL(key));
			return FAILURE;
		}
		ZVAL_DEREF(val);
		if (Z_TYPE_P(val) == IS_NULL) {
			continue; /* null: not given */
		}
		type = php_mg_known_options[i].type;
		ok = (type == OPT_STRING && Z_TYPE_P(val) == IS_STRING)
			|| (type == OPT_INT && Z_TYPE_P(val) == IS_LONG)
			|| (type == OPT_BOOL && (Z_TYPE_P(val) == IS_TRUE || Z_TYPE_P(val) == IS_FALSE));
		if (!ok) {
			zend_argument_type_error(1, "option \"%s\" must be of type ?%s, %s given",
				php_mg_known_options[i].name, php_mg_opt_type_name(type), zend_zval_type_name(val));
			return FAILURE;
		}
		if (php_mg_opt_set(out, php_mg_known_options[i].name, val, 1) == FAILURE) {
			return FAILURE;
		}
	} ZEND_HASH_FOREACH_END();
	return SUCCESS;
}

/* Argument checks that do not need the server. `from_cfg`: the values come
 * from Moodle's $CFG (named so in the messages). */
static zend_result php_mg_opts_check(const php_mg_opts *p, uint32_t arg, int from_cfg)
{
	mg_error err;

	mg_error_clear(&err);
	if (!p->o.database || !p->o.database[0]) {
		zend_argument_value_error(arg, from_cfg ? "must name the database ($cfg->dbname)"
			: "must name the database (option \"database\")");
		return FAILURE;
	}
	if (!p->o.user || !p->o.user[0]) {
		zend_argument_value_error(arg, from_cfg ? "must name the database user ($cfg->dbuser)"
			: "must name the database user (option \"user\")");
		return FAILURE;
	}
	if (p->o.prefix && mg_mysql_prefix_check(p->o.prefix, strlen(p->o.prefix), &err) != MG_OK) {
		zend_argument_value_error(arg, "%s: %s", from_cfg ? "$cfg->prefix" : "option \"prefix\"", err.message);
		return FAILURE;
	}
	if (p->o.charset && mg_mysql_charset_check(p->o.charset, strlen(p->o.charset), &err) != MG_OK) {
		zend_argument_value_error(arg, "%s: %s", from_cfg ? "$cfg->dboptions['dbcollation']" : "option \"charset\"",
			err.message);
		return FAILURE;
	}
	return SUCCESS;
}

/* --------------------------------------------------- persistent links */

/* The persistent link for these options, created empty when absent. Its
 * key names everything but the password; the password is compared, and a
 * link opened with another password is closed first. */
static php_mg_plink *php_mg_plink_get(const mg_mysql_options *o)
{
	zend_string *key;
	zend_resource *le;
	php_mg_plink *p;
	size_t plen = o->password ? strlen(o->password) : 0;

	key = zend_strpprintf(0, "magistere_mysql|%s|%u|%s|%s|%s|%s|%s|%u|%u|%u|%s|%s|%s|%d",
		o->host ? o->host : "", o->port, o->socket ? o->socket : "", o->user ? o->user : "",
		o->database ? o->database : "", o->prefix ? o->prefix : "", o->charset ? o->charset : "",
		o->connect_timeout, o->read_timeout, o->write_timeout,
		o->ssl_ca ? o->ssl_ca : "", o->ssl_cert ? o->ssl_cert : "", o->ssl_key ? o->ssl_key : "",
		o->ssl_verify);
	le = zend_hash_find_ptr(&EG(persistent_list), key);
	if (le && le->type == le_mg_plink && le->ptr) {
		p = le->ptr;
		if (p->password_len != plen || (plen && memcmp(p->password, o->password, plen) != 0)) {
			mg_mysql_link_close(&p->link);
			php_mg_wipe(p->password, p->password_len);
			pefree(p->password, 1);
			p->password = pemalloc(plen + 1, 1);
			memcpy(p->password, plen ? o->password : "", plen + 1);
			p->password_len = plen;
		}
		zend_string_release(key);
		return p;
	}
	p = pecalloc(1, sizeof(*p), 1);
	p->password = pemalloc(plen + 1, 1);
	memcpy(p->password, plen ? o->password : "", plen + 1);
	p->password_len = plen;
	p->link.pid = getpid();
	{
		/* The persistent list outlives the request: its key must be persistent too. */
		zend_string *pkey = zend_string_init(ZSTR_VAL(key), ZSTR_LEN(key), 1);
		zend_register_persistent_resource_ex(pkey, p, le_mg_plink);
		zend_string_release(pkey);
	}
	zend_string_release(key);
	return p;
}

/* ------------------------------------------------------------ the source */

static void php_mg_mysql_create(zval *return_value, php_mg_opts *p)
{
	mg_mysql_store *store = NULL;
	mg_mysql_link *shared = NULL;
	mg_error err;

	mg_error_clear(&err);
	if (mg_mysql_init_failed) {
		mg_error_set(&err, MG_EINTERNAL, "mysql: the client library could not be initialised");
		php_mg_throw(&err);
		return;
	}
	if (p->persistent) {
		shared = &php_mg_plink_get(&p->o)->link;
	}
	if (mg_mysql_store_new(&p->o, shared, &store, &err) != MG_OK) {
		php_mg_throw(&err);
		return;
	}
	php_mg_source_create(return_value, &mg_store_mysql_ops, store);
}

/* {{{ Magistere\Source::mysql(array $options): Magistere\Source */
PHP_METHOD(Magistere_Source, mysql)
{
	HashTable *options;
	php_mg_opts p;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY_HT(options)
	ZEND_PARSE_PARAMETERS_END();

	if (php_mg_opts_parse(options, &p) == FAILURE || php_mg_opts_check(&p, 1, 0) == FAILURE) {
		RETURN_THROWS();
	}
	php_mg_mysql_create(return_value, &p);
}
/* }}} */

/* ------------------------------------------------- fromMoodleConfig() */

/* A string property of $CFG (or a key of dboptions); NULL when absent or
 * null. FAILURE (TypeError thrown) when of another type. */
static zend_result php_mg_cfg_string(zval *v, const char *what, const char **out)
{
	*out = NULL;
	if (!v || Z_TYPE_P(v) == IS_NULL || Z_TYPE_P(v) == IS_UNDEF) {
		return SUCCESS;
	}
	ZVAL_DEREF(v);
	if (Z_TYPE_P(v) == IS_FALSE) {
		return SUCCESS; /* Moodle writes 'dbsocket' => false */
	}
	if (Z_TYPE_P(v) != IS_STRING) {
		zend_argument_type_error(1, "%s must be of type ?string, %s given", what, zend_zval_type_name(v));
		return FAILURE;
	}
	if (strlen(Z_STRVAL_P(v)) != Z_STRLEN_P(v)) {
		zend_argument_value_error(1, "%s must not contain any null bytes", what);
		return FAILURE;
	}
	*out = Z_STRVAL_P(v);
	return SUCCESS;
}

/* An integer of dboptions: int, numeric string or '' (Moodle's config.php
 * often has 'dbport' => ''). */
static zend_result php_mg_cfg_uint(zval *v, const char *what, zend_long max, unsigned int *out)
{
	zend_long n = 0;

	*out = 0;
	if (!v) {
		return SUCCESS;
	}
	ZVAL_DEREF(v);
	switch (Z_TYPE_P(v)) {
	case IS_NULL:
	case IS_FALSE:
		return SUCCESS;
	case IS_LONG:
		n = Z_LVAL_P(v);
		break;
	case IS_STRING:
		if (Z_STRLEN_P(v) == 0) {
			return SUCCESS;
		}
		if (is_numeric_string(Z_STRVAL_P(v), Z_STRLEN_P(v), &n, NULL, 0) != IS_LONG) {
			zend_argument_value_error(1, "%s must be an integer, \"%s\" given", what, Z_STRVAL_P(v));
			return FAILURE;
		}
		break;
	default:
		zend_argument_type_error(1, "%s must be of type int|string, %s given", what, zend_zval_type_name(v));
		return FAILURE;
	}
	if (n < 0 || n > max) {
		zend_argument_value_error(1, "%s must be between 0 and " ZEND_LONG_FMT, what, max);
		return FAILURE;
	}
	*out = (unsigned int)n;
	return SUCCESS;
}

static zval *php_mg_cfg_prop(zval *cfg, const char *name)
{
	HashTable *props = Z_OBJ_HT_P(cfg)->get_properties(Z_OBJ_P(cfg));
	zval *v = props ? zend_hash_str_find(props, name, strlen(name)) : NULL;

	if (v && Z_TYPE_P(v) == IS_INDIRECT) {
		v = Z_INDIRECT_P(v);
	}
	if (v && Z_TYPE_P(v) == IS_UNDEF) {
		v = NULL;
	}
	return v;
}

/* {{{ Magistere\Source::fromMoodleConfig(object $cfg): Magistere\Source */
PHP_METHOD(Magistere_Source, fromMoodleConfig)
{
	zval *cfg, *v, *dboptions;
	php_mg_opts p;
	const char *dbtype = NULL, *collation = NULL;
	char charset[33];
	mg_error err;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJECT(cfg)
	ZEND_PARSE_PARAMETERS_END();

	memset(&p, 0, sizeof(p));
	mg_error_clear(&err);
	if (php_mg_cfg_string(php_mg_cfg_prop(cfg, "dbtype"), "$cfg->dbtype", &dbtype) == FAILURE) {
		RETURN_THROWS();
	}
	if (!dbtype) {
		zend_argument_value_error(1, "must have a dbtype property (Moodle's $CFG)");
		RETURN_THROWS();
	}
	if (strcmp(dbtype, "mysqli") != 0 && strcmp(dbtype, "mariadb") != 0 && strcmp(dbtype, "auroramysql") != 0) {
		/* A site configuration the mysql source cannot serve: the plugin
		 * catches this and feeds a rows source from $DB instead. */
		mg_error_set(&err, MG_ECONN,
			"the mysql source reads MariaDB/MySQL databases only (dbtype mysqli, mariadb or auroramysql); "
			"this site's dbtype is \"%.40s\": use Magistere\\Source::rows() with rows read through $DB", dbtype);
		php_mg_throw(&err);
		RETURN_THROWS();
	}
	if (php_mg_cfg_string(php_mg_cfg_prop(cfg, "dbhost"), "$cfg->dbhost", &p.o.host) == FAILURE
		|| php_mg_cfg_string(php_mg_cfg_prop(cfg, "dbname"), "$cfg->dbname", &p.o.database) == FAILURE
		|| php_mg_cfg_string(php_mg_cfg_prop(cfg, "dbuser"), "$cfg->dbuser", &p.o.user) == FAILURE
		|| php_mg_cfg_string(php_mg_cfg_prop(cfg, "dbpass"), "$cfg->dbpass", &p.o.password) == FAILURE
		|| php_mg_cfg_string(php_mg_cfg_prop(cfg, "prefix"), "$cfg->prefix", &p.o.prefix) == FAILURE) {
		RETURN_THROWS();
	}
	dboptions = php_mg_cfg_prop(cfg, "dboptions");
	if (dboptions) {
		ZVAL_DEREF(dboptions);
	}
	if (dboptions && Z_TYPE_P(dboptions) == IS_ARRAY) {
		HashTable *ht = Z_ARRVAL_P(dboptions);
		if (php_mg_cfg_uint(zend_hash_str_find_deref(ht, "dbport", sizeof("dbport") - 1),
				"$cfg->dboptions['dbport']", 65535, &p.o.port) == FAILURE
			|| php_mg_cfg_string(zend_hash_str_find_deref(ht, "dbsocket", sizeof("dbsocket") - 1),
				"$cfg->dboptions['dbsocket']", &p.o.socket) == FAILURE
			|| php_mg_cfg_string(zend_hash_str_find_deref(ht, "dbcollation", sizeof("dbcollation") - 1),
				"$cfg->dboptions['dbcollation']", &collation) == FAILURE
			|| php_mg_cfg_uint(zend_hash_str_find_deref(ht, "connecttimeout", sizeof("connecttimeout") - 1),
				"$cfg->dboptions['connecttimeout']", 86400, &p.o.connect_timeout) == FAILURE) {
			RETURN_THROWS();
		}
		v = zend_hash_str_find_deref(ht, "dbpersist", sizeof("dbpersist") - 1);
		p.persistent = v && zend_is_true(v);
	} else if (dboptions && Z_TYPE_P(dboptions) != IS_NULL) {
		zend_argument_type_error(1, "$cfg->dboptions must be of type ?array, %s given", zend_zval_type_name(dboptions));
		RETURN_THROWS();
	}
	if (collation && collation[0]) {
		/* utf8mb4_unicode_ci -> utf8mb4, as Moodle's driver does. */
		size_t n = strcspn(collation, "_");
		if (n == 0 || n >= sizeof(charset)) {
			zend_argument_value_error(1, "$cfg->dboptions['dbcollation'] is not a collation name");
			RETURN_THROWS();
		}
		memcpy(charset, collation, n);
		charset[n] = '\0';
		p.o.charset = charset;
	}
	if (p.o.socket && !strchr(p.o.socket, '/') && !strchr(p.o.socket, '\\')) {
		p.o.socket = NULL; /* Moodle ignores a socket without a path separator */
	}
	if (!p.o.prefix) {
		p.o.prefix = "mdl_";
	}
	if (php_mg_opts_check(&p, 1, 1) == FAILURE) {
		RETURN_THROWS();
	}
	php_mg_mysql_create(return_value, &p);
}
/* }}} */

/* ------------------------------------------------------- module hooks */

void php_mg_mysql_minit(void)
{
	/* Initialises the client library only: connections are opened at
	 * request time (php-fpm forks its workers after MINIT). */
	mg_mysql_init_failed = mg_mysql_library_init() != 0;
	le_mg_plink = zend_register_list_destructors_ex(NULL, php_mg_plink_dtor,
		"magistere mysql link", magistere_module_entry.module_number);
}

void php_mg_mysql_mshutdown(void)
{
	if (!mg_mysql_init_failed) {
		mg_mysql_library_end();
	}
}

/* Its own phpinfo() table: the client library the process actually loaded
 * (version and file) and the one the extension was compiled against. */
void php_mg_mysql_minfo(void)
{
	php_info_print_table_start();
	php_info_print_table_row(2, "MySQL client library (linked, run time)", mg_mysql_client_runtime());
	php_info_print_table_row(2, "MySQL client library (compiled against)", mg_mysql_client_buildtime());
#ifdef MAGISTERE_MYSQL_FROM
	php_info_print_table_row(2, "MySQL client library found by configure", MAGISTERE_MYSQL_FROM);
#endif
	php_info_print_table_end();
}
