/*
 * magistere: progress tracking and role-filtered reporting for m@gistère.
 * The public header of the extension: version, module entry, class entries.
 */
#ifndef PHP_MAGISTERE_H
#define PHP_MAGISTERE_H

#include "core/core.h"

/* The version of the extension is the engine's: MG_VERSION in src/core/core.h is the one place
 * magistere's version is written (scripts/package.sh, the plugin's release and the tests read it
 * there). */
#define PHP_MAGISTERE_VERSION MG_VERSION

extern zend_module_entry magistere_module_entry;
#define phpext_magistere_ptr &magistere_module_entry

extern zend_class_entry *php_magistere_source_ce;
extern zend_class_entry *php_magistere_tracker_ce;
extern zend_class_entry *php_magistere_statistics_ce;
extern zend_class_entry *php_magistere_exception_ce;
extern zend_class_entry *php_magistere_access_denied_ce;
extern zend_class_entry *php_magistere_not_found_ce;
extern zend_class_entry *php_magistere_data_error_ce;
extern zend_class_entry *php_magistere_settings_error_ce;
extern zend_class_entry *php_magistere_connection_error_ce;
extern zend_class_entry *php_magistere_xml_error_ce;
extern zend_class_entry *php_magistere_internal_error_ce;

/* The module's INI settings (docs/api.md, "INI settings"). */
ZEND_BEGIN_MODULE_GLOBALS(magistere)
	/* Test aid: after each view of a scope, the model of the whole site is
	 * built too and every anomaly of the scope's model must be one of its
	 * anomalies (a scope's filtering never reports a row that is fine). */
	bool check_scopes;
	/* Bytes of engine memory kept between requests (the resident models):
	 * not counted against the request's memory_limit. */
	size_t resident_bytes;
	/* The emitter stopped a view that would have gone beyond memory_limit. */
	bool emit_refused;
	/* Resident models (src/php/resident.c): INI settings, the list, counters. */
	zend_long resident_memory;
	zend_long resident_ttl;
	/* magistere.heap_retain (MINIT, PHP_INI_SYSTEM): see magistere.c. */
	zend_long heap_retain;
	void *resident_head;
	size_t resident_models;
	uint64_t resident_tick;
	uint64_t resident_hits;
	uint64_t resident_misses;
	uint64_t resident_evictions;
ZEND_END_MODULE_GLOBALS(magistere)

ZEND_EXTERN_MODULE_GLOBALS(magistere)
#define MAGISTERE_G(v) ZEND_MODULE_GLOBALS_ACCESSOR(magistere, v)

#if defined(ZTS) && defined(COMPILE_DL_MAGISTERE)
ZEND_TSRMLS_CACHE_EXTERN()
#endif

#endif /* PHP_MAGISTERE_H */
