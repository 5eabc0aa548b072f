/*
 * Zend glue shared by the files of src/php: the objects behind
 * Magistere\Source and Magistere\Tracker, exceptions from mg_error, the
 * emitter that builds PHP arrays.
 */
#ifndef MAGISTERE_PHP_PHP_PRIVATE_H
#define MAGISTERE_PHP_PHP_PRIVATE_H

#ifdef HAVE_CONFIG_H
# include "config.h"
#endif
#include "php.h"
#include "php_magistere.h"
#include "core/core.h"
#include "store/store.h"

/* Magistere\Source: a store and its operations. */
typedef struct php_mg_source {
	const mg_store_ops *ops;
	void *store;             /* owned; released with ops->free */
	bool resident;           /* its models may stay between requests (option "resident") */
	zend_object std;
} php_mg_source;

/* Magistere\Tracker: a source (referenced), the settings and, for a shared
 * store, the model built once from its rowset. */
typedef struct php_mg_tracker {
	zval source;             /* the Magistere\Source object */
	mg_settings settings;
	char *strings;           /* emalloc'd copies of the settings' strings */
	mg_model *model;         /* cached when the store is shared; else NULL */
	zend_object std;
} php_mg_tracker;

static inline php_mg_source *php_mg_source_from_obj(zend_object *obj)
{
	return (php_mg_source *)((char *)obj - XtOffsetOf(php_mg_source, std));
}

static inline php_mg_tracker *php_mg_tracker_from_obj(zend_object *obj)
{
	return (php_mg_tracker *)((char *)obj - XtOffsetOf(php_mg_tracker, std));
}

/* Creates a Magistere\Source object in return_value around a store whose
 * ownership it takes (the store is freed even on failure). */
void php_mg_source_create(zval *return_value, const mg_store_ops *ops, void *store);

/* Throws the exception of the Magistere family that matches err->code:
 * MG_EACCESS AccessDenied, MG_ENOTFOUND NotFound, MG_EDATA DataError,
 * MG_ESETTINGS SettingsError, MG_ECONN ConnectionError, MG_EXML XmlError,
 * MG_EINTERNAL, MG_ENOMEM and MG_EEMIT InternalError, anything else (MG_EIO:
 * a file or stream of the caller) Magistere\Exception. MG_EARG becomes a
 * ValueError. Does nothing if an exception is already pending (an emitter
 * failed in PHP). */
void php_mg_throw(const mg_error *err);
/* Installs the engine's memory limit function for this thread (GINIT): an
 * engine allocation beyond memory_limit is refused, and php_mg_throw() then
 * says so. */
void php_mg_mem_ginit(void);

/* Throws Magistere\InternalError with `message`. */
void php_mg_throw_internal(const char *message);

/* Runs the common part of every view: asks the source's store for the rows of
 * `scope`, builds (or reuses) the model and hands it to `fn`. Returns the
 * status of the first failure, with err filled. */
typedef mg_status (*php_mg_model_fn)(const mg_model *m, void *arg, mg_error *err);
mg_status php_mg_tracker_with_model(php_mg_tracker *t, const mg_scope *scope,
	php_mg_model_fn fn, void *arg, mg_error *err);

/* Resident models (src/php/resident.c, docs/resident.md). Whether the views
 * of `scope` from `src` go through them; the common part of a view served
 * from a resident model (built and kept on a miss); every resident model of
 * the process released (GSHUTDOWN). */
int php_mg_resident_wanted(const php_mg_source *src, const mg_scope *scope);
mg_status php_mg_resident_with_model(php_mg_source *src, php_mg_tracker *t, const mg_scope *scope,
	php_mg_model_fn fn, void *arg, mg_error *err);
void php_mg_resident_clear(void);

/* An emitter that builds a PHP value into *dst (an array for a view). After
 * a failure, *dst is left UNDEF and nothing leaks. */
typedef struct php_mg_zemit php_mg_zemit;
php_mg_zemit *php_mg_zemit_new(zval *dst, mg_emitter *out);
/* Finishes: on success (ok != 0) *dst holds the value; otherwise it is
 * released. Frees the emitter. */
void php_mg_zemit_free(php_mg_zemit *z, int ok);

/* Converts `tables` (table name => rows, as Source::rows() takes them) into a
 * new rowset (*out, owned by the caller; hand it to mg_store_rows_ops). On a
 * structural error (unknown table name, a table that is not an array) a
 * ValueError/TypeError is thrown for argument `arg` and MG_EARG returned with
 * err->message empty; on a row error MG_EDATA with err filled. *out is NULL on
 * failure. (src/php/rows.c) */
mg_status php_mg_rows_from_php(HashTable *tables, uint32_t arg, mg_rowset **out, mg_error *err);

/* Parses a list of statistics table names given as argument `arg` into a bit
 * mask of 1 << mg_stats_tab; a name outside the publication plan throws
 * Magistere\AccessDenied (R5), a wrong type TypeError, a repeat ValueError. */
zend_result php_mg_parse_tables(HashTable *ht, uint32_t arg, unsigned *mask);
/* Rebuilds a release from the array statistics()/Statistics::read() return;
 * `what` names it in messages. ValueError thrown on failure. *out is owned by
 * the caller (mg_stats_release_free). */
zend_result php_mg_release_from_array(HashTable *ht, uint32_t arg, const char *what, mg_stats_release **out);
/* A list of earlier releases (arrays): *out (emalloc'd, may be NULL) holds
 * *n releases, freed with php_mg_free_earlier. Throws on failure. */
zend_result php_mg_parse_earlier(HashTable *ht, uint32_t arg, mg_stats_release ***out, size_t *n);
void php_mg_free_earlier(mg_stats_release **r, size_t n);

/* Interned zend_strings of every atom (filled in MINIT). */
extern zend_string *php_mg_atoms[MG_A__COUNT];

/* Per-class MINIT hooks. */
void php_mg_exceptions_minit(void);
void php_mg_source_minit(void);
void php_mg_tracker_minit(void);
void php_mg_xml_minit(void);     /* src/php/xml.c: parses the schemas once */
void php_mg_xml_mshutdown(void);
void php_mg_atoms_minit(void);
void php_mg_atoms_mshutdown(void);
/* The mysql store's module hooks (src/php/source_mysql.c): MINIT initialises
 * the client library (never opens a connection: php-fpm forks its workers
 * after MINIT) and registers the persistent link type; MINFO prints the client
 * library actually linked and the one compiled against. */
void php_mg_mysql_minit(void);
void php_mg_mysql_mshutdown(void);
void php_mg_mysql_minfo(void);

#endif /* MAGISTERE_PHP_PHP_PRIVATE_H */
