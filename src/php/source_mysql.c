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

typedef enum php_mg_opt_type { OPT_STRING, OPT_INT, OPT_BOOL, OPT_LIST } php_mg_opt_type;

/* At most this many read replicas (Moodle tries them in turn until one
 * connects). */
#define PHP_MG_MAX_REPLICAS 16

typedef struct php_mg_opts {
	mg_mysql_options o;
	zend_bool persistent;
	zend_bool resident;
	mg_mysql_options replicas[PHP_MG_MAX_REPLICAS];
	size_t nreplicas;
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
	{ "resident", OPT_BOOL },
	{ "replicas", OPT_LIST },
};

static const char *php_mg_opt_type_name(php_mg_opt_type t)
{
	return t == OPT_STRING ? "string" : t == OPT_INT ? "int" : t == OPT_LIST ? "array" : "bool";
}

/* A replica of option "replicas": [host, port, socket, user, password], each
 * optional (the primary's when absent); other settings are the primary's. */
static zend_result php_mg_replica_parse(php_mg_opts *out, zval *list)
{
	zval *r;

	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(list), r) {
		mg_mysql_options *o;
		zend_string *key;
		zval *v;

		ZVAL_DEREF(r);
		if (Z_TYPE_P(r) != IS_ARRAY) {
			zend_argument_type_error(1, "option \"replicas\" must hold arrays, %s given", zend_zval_type_name(r));
			return FAILURE;
		}
		if (out->nreplicas == PHP_MG_MAX_REPLICAS) {
			zend_argument_value_error(1, "option \"replicas\" names more than %d replicas", PHP_MG_MAX_REPLICAS);
			return FAILURE;
		}
		o = &out->replicas[out->nreplicas++];
		memset(o, 0, sizeof(*o));
		o->port = (unsigned int)-1; /* not given */
		ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(r), key, v) {
			ZVAL_DEREF(v);
			if (!key) {
				zend_argument_value_error(1, "option \"replicas\" must hold arrays keyed by option name");
				return FAILURE;
			}
			if (Z_TYPE_P(v) == IS_NULL) {
				continue;
			}
			if (zend_string_equals_literal(key, "port")) {
				if (Z_TYPE_P(v) != IS_LONG || Z_LVAL_P(v) < 0 || Z_LVAL_P(v) > 65535) {
					zend_argument_value_error(1, "option \"replicas\": port must be an int between 0 and 65535");
					return FAILURE;
				}
				o->port = (unsigned int)Z_LVAL_P(v);
				continue;
			}
			if (Z_TYPE_P(v) != IS_STRING || strlen(Z_STRVAL_P(v)) != Z_STRLEN_P(v)) {
				zend_argument_type_error(1, "option \"replicas\": %s must be a string without null bytes", ZSTR_VAL(key));
				return FAILURE;
			}
			if (zend_string_equals_literal(key, "host")) o->host = Z_STRVAL_P(v);
			else if (zend_string_equals_literal(key, "socket")) o->socket = Z_STRVAL_P(v);
			else if (zend_string_equals_literal(key, "user")) o->user = Z_STRVAL_P(v);
			else if (zend_string_equals_literal(key, "password")) o->password = Z_STRVAL_P(v);
			else {
				zend_argument_value_error(1, "option \"replicas\" has an unknown key \"%s\" (known: host, port, socket, user, password)",
					ZSTR_VAL(key));
				return FAILURE;
			}
		} ZEND_HASH_FOREACH_END();
	} ZEND_HASH_FOREACH_END();
	return SUCCESS;
}

/* Fills what a replica does not give with the primary's. */
static void php_mg_replicas_complete(php_mg_opts *p)
{
	size_t i;

	for (i = 0; i < p->nreplicas; i++) {
		mg_mysql_options *r = &p->replicas[i], given = *r;
		*r = p->o;
		r->host = given.host ? given.host : p->o.host;
		r->port = given.port != (unsigned int)-1 ? given.port : p->o.port;
		r->socket = given.socket ? given.socket : p->o.socket;
		r->user = given.user ? given.user : p->o.user;
		r->password = given.password ? given.password : p->o.password;
		if (given.connect_timeout) {
			r->connect_timeout = given.connect_timeout;
		}
	}
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
	if (Z_TYPE_P(val) == IS_ARRAY) {
		return php_mg_replica_parse(out, val); /* "replicas" */
	}
	/* bool */
	if (!strcmp(name, "ssl_verify")) out->o.ssl_verify = Z_TYPE_P(val) == IS_TRUE;
	else if (!strcmp(name, "persistent")) out->persistent = Z_TYPE_P(val) == IS_TRUE;
	else if (!strcmp(name, "resident")) out->resident = Z_TYPE_P(val) == IS_TRUE;
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
				"ssl_key, ssl_verify, persistent, resident, replicas)", ZSTR_VAL(key));
			return FAILURE;
		}
		ZVAL_DEREF(val);
		if (Z_TYPE_P(val) == IS_NULL) {
			continue; /* null: not given */
		}
		type = php_mg_known_options[i].type;
		ok = (type == OPT_STRING && Z_TYPE_P(val) == IS_STRING)
			|| (type == OPT_INT && Z_TYPE_P(val) == IS_LONG)
			|| (type == OPT_BOOL && (Z_TYPE_P(val) == IS_TRUE || Z_TYPE_P(val) == IS_FALSE))
			|| (type == OPT_LIST && Z_TYPE_P(val) == IS_ARRAY);
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
	php_mg_replicas_complete(p);
	for (size_t i = 0; i < p->nreplicas; i++) {
		if (mg_mysql_store_add_replica(store, &p->replicas[i], &err) != MG_OK) {
			mg_store_mysql_ops.free(store);
			php_mg_throw(&err);
			return;
		}
	}
	php_mg_source_create(return_value, &mg_store_mysql_ops, store);
	php_mg_source_from_obj(Z_OBJ_P(return_value))->resident = p->resident;
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

/* Whether a table of `exclude` (Moodle's dboptions['readonly']['exclude_tables'],
 * names without prefix) is one the engine reads at the heavy scopes: then the
 * replicas are not used at all. */
static int php_mg_excludes_engine_table(HashTable *exclude)
{
	zval *v;

	ZEND_HASH_FOREACH_VAL(exclude, v) {
		ZVAL_DEREF(v);
		if (Z_TYPE_P(v) == IS_STRING && (mg_table_find(Z_STRVAL_P(v), Z_STRLEN_P(v)) != NULL
				|| zend_string_equals_literal(Z_STR_P(v), "local_magistere_stamp"))) {
			return 1;
		}
	} ZEND_HASH_FOREACH_END();
	return 0;
}

/* The read replicas of $CFG->dboptions['readonly'], as Moodle's read-only
 * trait reads them (lib/dml/moodle_read_slave_trait.php): 'instance' is a
 * host, or a list of hosts and of arrays (dbhost, dbport, dbuser, dbpass,
 * each the primary's when absent); the connection timeout is the readonly
 * one, else dboptions' one, else 2 s; other settings are the primary's. */
static zend_result php_mg_cfg_readonly(php_mg_opts *p, zval *ro)
{
	zval *instances, *inst, *v;
	unsigned int timeout = p->o.connect_timeout ? p->o.connect_timeout : 2, port;
	HashTable *list;
	zval single;

	ZVAL_DEREF(ro);
	if (Z_TYPE_P(ro) == IS_NULL) {
		return SUCCESS;
	}
	if (Z_TYPE_P(ro) != IS_ARRAY) {
		zend_argument_type_error(1, "$cfg->dboptions['readonly'] must be of type array, %s given", zend_zval_type_name(ro));
		return FAILURE;
	}
	v = zend_hash_str_find_deref(Z_ARRVAL_P(ro), "exclude_tables", sizeof("exclude_tables") - 1);
	if (v && Z_TYPE_P(v) == IS_ARRAY && php_mg_excludes_engine_table(Z_ARRVAL_P(v))) {
		return SUCCESS; /* the site keeps tables the engine reads on the primary */
	}
	v = zend_hash_str_find_deref(Z_ARRVAL_P(ro), "connecttimeout", sizeof("connecttimeout") - 1);
	if (v && php_mg_cfg_uint(v, "$cfg->dboptions['readonly']['connecttimeout']", 86400, &timeout) == FAILURE) {
		return FAILURE;
	}
	instances = zend_hash_str_find_deref(Z_ARRVAL_P(ro), "instance", sizeof("instance") - 1);
	if (!instances || Z_TYPE_P(instances) == IS_NULL) {
		return SUCCESS;
	}
	if (Z_TYPE_P(instances) == IS_ARRAY && zend_hash_index_exists(Z_ARRVAL_P(instances), 0)) {
		list = Z_ARRVAL_P(instances);
	} else {
		/* one instance, a host or an array */
		array_init(&single);
		Z_TRY_ADDREF_P(instances);
		add_next_index_zval(&single, instances);
		list = Z_ARRVAL(single);
	}
	ZEND_HASH_FOREACH_VAL(list, inst) {
		mg_mysql_options *r;
		ZVAL_DEREF(inst);
		if (p->nreplicas == PHP_MG_MAX_REPLICAS) {
			break;
		}
		r = &p->replicas[p->nreplicas];
		memset(r, 0, sizeof(*r));
		r->port = (unsigned int)-1;
		if (Z_TYPE_P(inst) == IS_STRING) {
			r->host = Z_STRVAL_P(inst);
		} else if (Z_TYPE_P(inst) == IS_ARRAY) {
			HashTable *h = Z_ARRVAL_P(inst);
			if (php_mg_cfg_string(zend_hash_str_find_deref(h, "dbhost", sizeof("dbhost") - 1),
					"$cfg->dboptions['readonly']['instance'][]['dbhost']", &r->host) == FAILURE
				|| php_mg_cfg_string(zend_hash_str_find_deref(h, "dbuser", sizeof("dbuser") - 1),
					"$cfg->dboptions['readonly']['instance'][]['dbuser']", &r->user) == FAILURE
				|| php_mg_cfg_string(zend_hash_str_find_deref(h, "dbpass", sizeof("dbpass") - 1),
					"$cfg->dboptions['readonly']['instance'][]['dbpass']", &r->password) == FAILURE) {
				goto fail;
			}
			v = zend_hash_str_find_deref(h, "dbport", sizeof("dbport") - 1);
			if (v && Z_TYPE_P(v) != IS_NULL) {
				if (php_mg_cfg_uint(v, "$cfg->dboptions['readonly']['instance'][]['dbport']", 65535, &port) == FAILURE) {
					goto fail;
				}
				r->port = port;
			}
		} else {
			zend_argument_type_error(1, "$cfg->dboptions['readonly']['instance'] must hold strings or arrays, %s given",
				zend_zval_type_name(inst));
			goto fail;
		}
		r->connect_timeout = timeout;
		p->nreplicas++;
	} ZEND_HASH_FOREACH_END();
	if (list != Z_ARRVAL_P(instances)) {
		/* keep the strings alive: they point into $cfg's own zvals */
		zval_ptr_dtor(&single);
	}
	return SUCCESS;
fail:
	if (list != Z_ARRVAL_P(instances)) {
		zval_ptr_dtor(&single);
	}
	return FAILURE;
}

/* {{{ Magistere\Source::fromMoodleConfig(object $cfg, array $options = []): Magistere\Source */
PHP_METHOD(Magistere_Source, fromMoodleConfig)
{
	zval *cfg, *v, *dboptions, *ro = NULL;
	HashTable *options = NULL;
	php_mg_opts p;
	const char *dbtype = NULL, *collation = NULL;
	char charset[33];
	mg_error err;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_OBJECT(cfg)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(options)
	ZEND_PARSE_PARAMETERS_END();

	memset(&p, 0, sizeof(p));
	if (options) {
		zend_string *key;
		ZEND_HASH_FOREACH_STR_KEY_VAL(options, key, v) {
			ZVAL_DEREF(v);
			if (!key || !zend_string_equals_literal(key, "resident")) {
				zend_argument_value_error(2, "has an unknown option (known: resident)");
				RETURN_THROWS();
			}
			if (Z_TYPE_P(v) != IS_TRUE && Z_TYPE_P(v) != IS_FALSE) {
				zend_argument_type_error(2, "option \"resident\" must be of type bool, %s given", zend_zval_type_name(v));
				RETURN_THROWS();
			}
			p.resident = Z_TYPE_P(v) == IS_TRUE;
		} ZEND_HASH_FOREACH_END();
	}
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
		ro = zend_hash_str_find_deref(ht, "readonly", sizeof("readonly") - 1);
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
	if (ro && php_mg_cfg_readonly(&p, ro) == FAILURE) {
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
