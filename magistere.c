/*
 * The magistere extension: module entry, class registration, MINIT/MINFO.
 * Each class's behaviour lives in src/php/<class>.c; the engine in src/core,
 * the stores in src/store, the XML exchanges in src/xml.
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "ext/standard/info.h"
#include "ext/spl/spl_exceptions.h"
#include "zend_attributes.h"
#include <libxml/parser.h>
#include <libxml/xmlversion.h>
#ifdef __GLIBC__
# include <malloc.h>
#endif

#include "php_magistere.h"
#include "php/php_private.h"
#include "magistere_arginfo.h"

ZEND_DECLARE_MODULE_GLOBALS(magistere)

PHP_INI_BEGIN()
	STD_PHP_INI_BOOLEAN("magistere.check_scopes", "0", PHP_INI_ALL, OnUpdateBool, check_scopes,
		zend_magistere_globals, magistere_globals)
	STD_PHP_INI_ENTRY("magistere.resident_memory", "128M", PHP_INI_ALL, OnUpdateLongGEZero, resident_memory,
		zend_magistere_globals, magistere_globals)
	STD_PHP_INI_ENTRY("magistere.resident_ttl", "60", PHP_INI_ALL, OnUpdateLongGEZero, resident_ttl,
		zend_magistere_globals, magistere_globals)
	STD_PHP_INI_ENTRY("magistere.heap_retain", "128M", PHP_INI_SYSTEM, OnUpdateLongGEZero, heap_retain,
		zend_magistere_globals, magistere_globals)
PHP_INI_END()

/* The engine allocates with the C library (its bytes are counted against
 * memory_limit by its own hook, src/php/glue.c). A whole-site model is tens
 * to hundreds of megabytes freed at the end of the request, and on the
 * bench's virtual machine a page first touched costs about 20 microseconds
 * (a statistics build at S=3 faults 60,000 pages in: 1.2 s). By default glibc
 * gives blocks of 32 MB and more their own mapping, unmapped when freed, and
 * returns the whole free top of its heap once it exceeds a threshold that
 * moves with the blocks it has seen: whether the next request faulted its
 * pages in again depended on where the last allocation of the previous one
 * happened to sit (0.28 s or 0.51 s for the same build at S=1; at S=3 every
 * build faulted its large blocks in). magistere.heap_retain makes the reuse
 * deterministic: every block comes from the heap (no mmap: a freed large
 * block is reused like any other), and when the free top of the heap exceeds
 * the setting it is cut back to the setting, not to nothing (trim threshold
 * and top pad). So a worker keeps the memory its build freed, its top capped
 * at heap_retain, for its next request; 0 leaves the C library's defaults.
 * glibc only; the setting is the whole process's, like any mallopt(). */
static void heap_retain_apply(zend_long bytes)
{
#ifdef __GLIBC__
	if (bytes > 0) {
		int keep = bytes > INT_MAX ? INT_MAX : (int)bytes;
		(void)mallopt(M_MMAP_MAX, 0);
		(void)mallopt(M_TRIM_THRESHOLD, keep);
		(void)mallopt(M_TOP_PAD, keep);
	}
#else
	(void)bytes;
#endif
}

static PHP_GINIT_FUNCTION(magistere)
{
#if defined(COMPILE_DL_MAGISTERE) && defined(ZTS)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	memset(magistere_globals, 0, sizeof(*magistere_globals));
	php_mg_mem_ginit();
}

static PHP_GSHUTDOWN_FUNCTION(magistere)
{
	(void)magistere_globals;
	php_mg_resident_clear();
}

/* Each request's engine peak starts from what is held then (resident models). */
PHP_RINIT_FUNCTION(magistere)
{
#if defined(ZTS) && defined(COMPILE_DL_MAGISTERE)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	mg_mem_peak_reset();
	return SUCCESS;
}

zend_class_entry *php_magistere_source_ce;
zend_class_entry *php_magistere_tracker_ce;
zend_class_entry *php_magistere_statistics_ce;
zend_class_entry *php_magistere_exception_ce;
zend_class_entry *php_magistere_access_denied_ce;
zend_class_entry *php_magistere_not_found_ce;
zend_class_entry *php_magistere_data_error_ce;
zend_class_entry *php_magistere_settings_error_ce;
zend_class_entry *php_magistere_connection_error_ce;
zend_class_entry *php_magistere_xml_error_ce;
zend_class_entry *php_magistere_internal_error_ce;

/* Magistere\Statistics only has static methods. */
ZEND_METHOD(Magistere_Statistics, __construct)
{
	ZEND_PARSE_PARAMETERS_NONE();
	zend_throw_error(NULL, "Cannot directly construct Magistere\\Statistics, use its static methods");
}

PHP_MINIT_FUNCTION(magistere)
{
#if defined(ZTS) && defined(COMPILE_DL_MAGISTERE)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	REGISTER_INI_ENTRIES();
	heap_retain_apply(MAGISTERE_G(heap_retain));
	/* The exception family first: everything else may throw them. */
	php_magistere_exception_ce = register_class_Magistere_Exception(spl_ce_RuntimeException);
	php_magistere_access_denied_ce = register_class_Magistere_AccessDenied(php_magistere_exception_ce);
	php_magistere_not_found_ce = register_class_Magistere_NotFound(php_magistere_exception_ce);
	php_magistere_data_error_ce = register_class_Magistere_DataError(php_magistere_exception_ce);
	php_magistere_settings_error_ce = register_class_Magistere_SettingsError(php_magistere_exception_ce);
	php_magistere_connection_error_ce = register_class_Magistere_ConnectionError(php_magistere_exception_ce);
	php_magistere_xml_error_ce = register_class_Magistere_XmlError(php_magistere_exception_ce);
	php_magistere_internal_error_ce = register_class_Magistere_InternalError(php_magistere_exception_ce);

	php_magistere_source_ce = register_class_Magistere_Source();
	php_mg_source_minit();
	php_magistere_tracker_ce = register_class_Magistere_Tracker();
	php_mg_tracker_minit();
	php_magistere_statistics_ce = register_class_Magistere_Statistics();

	php_mg_atoms_minit();
	php_mg_xml_minit();
	/* mysql_library_init: once, here, before any thread or fork (php-fpm
	 * forks its workers after MINIT; connections are opened per request). */
	php_mg_mysql_minit();
	return SUCCESS;
}

PHP_MSHUTDOWN_FUNCTION(magistere)
{
	UNREGISTER_INI_ENTRIES();
	php_mg_mysql_mshutdown();
	php_mg_xml_mshutdown();
	php_mg_atoms_mshutdown();
	return SUCCESS;
}

PHP_MINFO_FUNCTION(magistere)
{
	php_info_print_table_start();
	php_info_print_table_row(2, "magistere support", "enabled");
	php_info_print_table_row(2, "Version", PHP_MAGISTERE_VERSION);
	php_info_print_table_row(2, "libxml2 (compiled)", LIBXML_DOTTED_VERSION);
	php_info_print_table_row(2, "libxml2 (loaded)", xmlParserVersion);
	php_info_print_table_end();
	php_mg_mysql_minfo();
	DISPLAY_INI_ENTRIES();
}

static const zend_module_dep magistere_deps[] = {
	ZEND_MOD_REQUIRED("libxml")
	ZEND_MOD_REQUIRED("spl")
	ZEND_MOD_END
};

zend_module_entry magistere_module_entry = {
	STANDARD_MODULE_HEADER_EX,
	NULL,
	magistere_deps,
	"magistere",
	NULL,                       /* functions: the API is classes only */
	PHP_MINIT(magistere),
	PHP_MSHUTDOWN(magistere),
	PHP_RINIT(magistere),
	NULL,                       /* RSHUTDOWN */
	PHP_MINFO(magistere),
	PHP_MAGISTERE_VERSION,
	PHP_MODULE_GLOBALS(magistere),
	PHP_GINIT(magistere),
	PHP_GSHUTDOWN(magistere),
	NULL,                       /* post-deactivate */
	STANDARD_MODULE_PROPERTIES_EX
};

#ifdef COMPILE_DL_MAGISTERE
# ifdef ZTS
ZEND_TSRMLS_CACHE_DEFINE()
# endif
ZEND_GET_MODULE(magistere)
#endif
