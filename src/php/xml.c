/*
 * Zend glue of the XML exchanges (src/xml): Tracker::writeAttestations(),
 * Tracker::writeStatistics(), Statistics::read(), Statistics::merge() and
 * Statistics::writeMerged().
 *
 * Targets: a local path (written to a temporary file beside it, renamed into place only once
 * the document is complete and valid: never a partial file) or an open stream (the document
 * goes to a php://temp stream first and is copied to the caller's stream only once valid).
 * libxml2's diagnostics go through PHP's libxml error handling, so libxml_use_internal_errors()
 * is honoured; failures raise Magistere\XmlError (or the exception of their kind) naming the
 * file and the line.
 */
#include "php_private.h"
#include "php_memory_streams.h"
#include "ext/libxml/php_libxml.h"
#include "ext/random/php_random.h"
#include "zend_exceptions.h"

#include <errno.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <libxml/parser.h>

#include "xml/xml.h"

/* PHP 8.2 releases older than the libxml hardening (2023) lack these macros: the same by hand. */
#ifndef PHP_LIBXML_IGNORE_DEPRECATIONS_START
# define PHP_LIBXML_IGNORE_DEPRECATIONS_START
# define PHP_LIBXML_IGNORE_DEPRECATIONS_END
#endif
#ifndef PHP_LIBXML_SANITIZE_GLOBALS
# define PHP_LIBXML_SANITIZE_GLOBALS(n) \
	int mg_old_loadsubset_##n = xmlLoadExtDtdDefaultValue; \
	int mg_old_validate_##n = xmlDoValidityCheckingDefaultValue; \
	int mg_old_substitute_##n = xmlSubstituteEntitiesDefault(0); \
	int mg_old_linenrs_##n = xmlLineNumbersDefault(0); \
	xmlLoadExtDtdDefaultValue = 0; \
	xmlDoValidityCheckingDefaultValue = 0;
# define PHP_LIBXML_RESTORE_GLOBALS(n) \
	xmlLoadExtDtdDefaultValue = mg_old_loadsubset_##n; \
	xmlDoValidityCheckingDefaultValue = mg_old_validate_##n; \
	(void)xmlSubstituteEntitiesDefault(mg_old_substitute_##n); \
	(void)xmlLineNumbersDefault(mg_old_linenrs_##n);
#endif

/* ------------------------------------------------------------ shared */

/* libxml2 diagnostics to PHP's libxml error handling (a warning, or an entry of
 * libxml_get_errors() under libxml_use_internal_errors(true)). */
static void xml_diag(void *arg, const char *name, int line, int is_warning, const char *msg)
{
	(void)arg;
	(void)is_warning;
	if (line > 0) {
		php_libxml_error_handler(NULL, "%s line %d: %s\n", name, line, msg);
	} else {
		php_libxml_error_handler(NULL, "%s: %s\n", name, msg);
	}
}

static php_mg_tracker *xml_this_tracker(zval *this_zv)
{
	php_mg_tracker *t = php_mg_tracker_from_obj(Z_OBJ_P(this_zv));

	if (Z_ISUNDEF(t->source)) {
		zend_throw_error(NULL, "Magistere\\Tracker was not constructed");
		return NULL;
	}
	return t;
}

static void xml_throw_io(const char *what, const char *name)
{
	mg_error err;

	mg_error_set(&err, MG_EIO, "%s %s: %s", what, name, strerror(errno));
	php_mg_throw(&err);
}

/* ------------------------------------------------------------ targets */

typedef struct xml_target {
	php_stream *out;        /* what the writer writes to */
	php_stream *dest;       /* the caller's stream, or NULL */
	zend_string *path;      /* the caller's path, or NULL */
	char *tmp;              /* the temporary file beside path */
	const char *name;       /* for messages */
	mg_xml_sink sink;
} xml_target;

static int target_write(void *arg, const char *buf, size_t len)
{
	php_stream *s = arg;
	ssize_t n = php_stream_write(s, buf, len);

	return n >= 0 && (size_t)n == len ? 0 : -1;
}

static zend_result target_open(zval *zv, uint32_t arg, xml_target *t)
{
	uint32_t nonce = 0;

	memset(t, 0, sizeof(*t));
	if (Z_TYPE_P(zv) == IS_STRING) {
		if (Z_STRLEN_P(zv) == 0 || zend_str_has_nul_byte(Z_STR_P(zv))) {
			zend_argument_value_error(arg, "must be a non-empty path without NUL bytes");
			return FAILURE;
		}
		if (strstr(Z_STRVAL_P(zv), "://") != NULL) {
			zend_argument_value_error(arg, "must be a local path (pass an open stream for a stream wrapper)");
			return FAILURE;
		}
		t->path = Z_STR_P(zv);
		t->name = ZSTR_VAL(t->path);
		if (php_random_bytes_silent(&nonce, sizeof(nonce)) == FAILURE) {
			nonce = (uint32_t)(uintptr_t)t;
		}
		spprintf(&t->tmp, 0, "%s.%ld-%08x.part", ZSTR_VAL(t->path), (long)getpid(), (unsigned)nonce);
		/* "x": a new file, never one that exists. */
		t->out = php_stream_open_wrapper(t->tmp, "xb", 0, NULL);
		if (t->out == NULL) {
			efree(t->tmp);
			t->tmp = NULL;
			if (!EG(exception)) {
				xml_throw_io("cannot create a file beside", t->name);
			}
			return FAILURE;
		}
	} else if (Z_TYPE_P(zv) == IS_RESOURCE) {
		php_stream_from_zval_no_verify(t->dest, zv);
		if (t->dest == NULL) {
			if (!EG(exception)) {
				zend_argument_type_error(arg, "must be a path or a stream resource");
			}
			return FAILURE;
		}
		if (strpbrk(t->dest->mode, "waxc+") == NULL) {
			zend_argument_value_error(arg, "must be a stream open for writing");
			t->dest = NULL;
			return FAILURE;
		}
		t->name = "the output stream";
		t->out = php_stream_temp_create(TEMP_STREAM_DEFAULT, 2 * 1024 * 1024);
		if (t->out == NULL) {
			xml_throw_io("cannot create a temporary stream for", t->name);
			return FAILURE;
		}
	} else {
		zend_argument_type_error(arg, "must be of type string or resource, %s given", zend_zval_type_name(zv));
		return FAILURE;
	}
	t->sink.write = target_write;
	t->sink.arg = t->out;
	t->sink.name = t->name;
	t->sink.diag = xml_diag;
	t->sink.diag_arg = NULL;
	return SUCCESS;
}

static void target_abort(xml_target *t)
{
	if (t->out != NULL) {
		php_stream_close(t->out);
		t->out = NULL;
	}
	if (t->tmp != NULL) {
		VCWD_UNLINK(t->tmp);
		efree(t->tmp);
		t->tmp = NULL;
	}
}

/* Puts a complete, valid document in place; throws on failure. */
static zend_result target_commit(xml_target *t)
{
	if (t->path != NULL) {
		int rc = php_stream_close(t->out);

		t->out = NULL;
		if (rc != 0 || VCWD_RENAME(t->tmp, ZSTR_VAL(t->path)) != 0) {
			xml_throw_io("cannot write", t->name);
			target_abort(t);
			return FAILURE;
		}
		efree(t->tmp);
		t->tmp = NULL;
		return SUCCESS;
	}
	{
		size_t len = 0;
		zend_result rc;

		php_stream_rewind(t->out);
		rc = php_stream_copy_to_stream_ex(t->out, t->dest, PHP_STREAM_COPY_ALL, &len);
		target_abort(t);
		if (rc != SUCCESS) {
			xml_throw_io("cannot write to", "the output stream");
			return FAILURE;
		}
	}
	return SUCCESS;
}

/* Runs fn(arg) with libxml2's global parser defaults sanitised (another extension may have
 * changed them) and line numbers on, for the messages. */
#define XML_GUARDED(stmt) do { \
		PHP_LIBXML_SANITIZE_GLOBALS(mg); \
		PHP_LIBXML_IGNORE_DEPRECATIONS_START \
		(void)xmlLineNumbersDefault(1); \
		PHP_LIBXML_IGNORE_DEPRECATIONS_END \
		stmt; \
		PHP_LIBXML_RESTORE_GLOBALS(mg); \
	} while (0)

/* ------------------------------------------------------- attestations */

typedef struct attest_call {
	const int64_t *ids;
	size_t nids;
	const mg_xml_sink *sink;
	size_t count;
} attest_call;

static mg_status run_attest(const mg_model *m, void *arg, mg_error *err)
{
	attest_call *a = arg;

	return mg_xml_attest_write(m, a->ids, a->nids, (int64_t)time(NULL), a->sink, &a->count, err);
}

/* A list of course ids (argument `arg`); TypeError/ValueError thrown on failure. The array is
 * emalloc'd (NULL when empty). */
static zend_result parse_course_ids(HashTable *ht, uint32_t arg, int64_t **out, size_t *n)
{
	zval *v;
	size_t i = 0;

	*out = NULL;
	*n = 0;
	if (zend_hash_num_elements(ht) == 0) {
		zend_argument_value_error(arg, "must name at least one course (null means every course)");
		return FAILURE;
	}
	*out = safe_emalloc(zend_hash_num_elements(ht), sizeof(int64_t), 0);
	ZEND_HASH_FOREACH_VAL(ht, v) {
		ZVAL_DEREF(v);
		if (Z_TYPE_P(v) != IS_LONG) {
			zend_argument_type_error(arg, "must contain only integers, %s given", zend_zval_type_name(v));
			efree(*out);
			*out = NULL;
			return FAILURE;
		}
		(*out)[i++] = (int64_t)Z_LVAL_P(v);
	} ZEND_HASH_FOREACH_END();
	*n = i;
	return SUCCESS;
}

ZEND_METHOD(Magistere_Tracker, writeAttestations)
{
	zval *target;
	HashTable *ids_ht = NULL;
	php_mg_tracker *t;
	int64_t *ids = NULL;
	size_t nids = 0;
	xml_target tg;
	attest_call a;
	mg_scope scope = { MG_SCOPE_ATTESTATIONS, 0, 0, NULL, 0 };
	mg_error err;
	mg_status st;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_ZVAL(target)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT_OR_NULL(ids_ht)
	ZEND_PARSE_PARAMETERS_END();

	if (!(t = xml_this_tracker(ZEND_THIS))) {
		RETURN_THROWS();
	}
	if (ids_ht != NULL && parse_course_ids(ids_ht, 2, &ids, &nids) == FAILURE) {
		RETURN_THROWS();
	}
	if (target_open(target, 1, &tg) == FAILURE) {
		goto error;
	}
	scope.courseids = ids;
	scope.ncourseids = nids;
	a.ids = ids;
	a.nids = nids;
	a.sink = &tg.sink;
	a.count = 0;
	mg_error_clear(&err);
	XML_GUARDED(st = php_mg_tracker_with_model(t, &scope, run_attest, &a, &err));
	if (st != MG_OK) {
		target_abort(&tg);
		php_mg_throw(&err);
		goto error;
	}
	if (target_commit(&tg) == FAILURE) {
		goto error;
	}
	if (ids) {
		efree(ids);
	}
	RETURN_LONG((zend_long)a.count);
error:
	if (ids) {
		efree(ids);
	}
	RETURN_THROWS();
}

/* --------------------------------------------------------- statistics */

typedef struct stats_call {
	const mg_stats_release *const *earlier;
	size_t nearlier;
	int64_t k, now;
	const char *academie;
	const mg_xml_sink *sink;
	size_t count;
} stats_call;

static mg_status run_stats(const mg_model *m, void *arg, mg_error *err)
{
	stats_call *s = arg;
	mg_stats_release *r = NULL;
	mg_xml_stats_meta meta;
	mg_status st;

	st = mg_stats_release_compute(m, s->k, s->now, s->earlier, s->nearlier, &r, err);
	if (st != MG_OK) {
		return st;
	}
	memset(&meta, 0, sizeof(meta));
	meta.scope = MG_XML_SCOPE_ACADEMIE;
	meta.academie = s->academie;
	meta.generated = r->generated;
	st = mg_xml_stats_write(r, &meta, s->sink, &s->count, err);
	mg_stats_release_free(r);
	return st;
}

/* An académie code as the schema wants it: 1 to 100 bytes, words separated by one space. */
static bool academie_code_ok(const zend_string *s)
{
	size_t i, n = ZSTR_LEN(s);
	const char *p = ZSTR_VAL(s);

	if (n == 0 || n > 100 || p[0] == ' ' || p[n - 1] == ' ') {
		return false;
	}
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		if (c < 0x20 || c == 0x7f || (c == ' ' && p[i + 1] == ' ')) {
			return false;
		}
	}
	return true;
}

static zend_result parse_k(php_mg_tracker *t, bool k_null, zend_long k, int64_t *out)
{
	*out = k_null ? t->settings.k : (int64_t)k;
	{
		mg_error err;

		if (mg_settings_check_k(*out, &err) != MG_OK) {
			php_mg_throw(&err);
			return FAILURE;
		}
	}
	return SUCCESS;
}

ZEND_METHOD(Magistere_Tracker, writeStatistics)
{
	zval *target;
	zend_string *academie;
	HashTable *earlier_ht = NULL;
	zend_long k = 0;
	bool k_null = true;
	php_mg_tracker *t;
	xml_target tg;
	stats_call s;
	mg_stats_release **earlier = NULL;
	size_t nearlier = 0;
	mg_scope scope = { MG_SCOPE_STATISTICS, 0, 0, NULL, 0 };
	mg_error err;
	mg_status st;

	ZEND_PARSE_PARAMETERS_START(2, 4)
		Z_PARAM_ZVAL(target)
		Z_PARAM_STR(academie)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(earlier_ht)
		Z_PARAM_LONG_OR_NULL(k, k_null)
	ZEND_PARSE_PARAMETERS_END();

	if (!(t = xml_this_tracker(ZEND_THIS))) {
		RETURN_THROWS();
	}
	memset(&s, 0, sizeof(s));
	if (!academie_code_ok(academie)) {
		zend_argument_value_error(2, "must be an académie code of 1 to 100 bytes, words separated by single spaces");
		RETURN_THROWS();
	}
	if (parse_k(t, k_null, k, &s.k) == FAILURE) {
		RETURN_THROWS();
	}
	if (earlier_ht != NULL && php_mg_parse_earlier(earlier_ht, 3, &earlier, &nearlier) == FAILURE) {
		RETURN_THROWS();
	}
	if (target_open(target, 1, &tg) == FAILURE) {
		php_mg_free_earlier(earlier, nearlier);
		RETURN_THROWS();
	}
	s.earlier = (const mg_stats_release *const *)earlier;
	s.nearlier = nearlier;
	s.now = t->settings.now;
	s.academie = ZSTR_VAL(academie);
	s.sink = &tg.sink;
	mg_error_clear(&err);
	XML_GUARDED(st = php_mg_tracker_with_model(t, &scope, run_stats, &s, &err));
	php_mg_free_earlier(earlier, nearlier);
	if (st != MG_OK) {
		target_abort(&tg);
		php_mg_throw(&err);
		RETURN_THROWS();
	}
	if (target_commit(&tg) == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_LONG((zend_long)s.count);
}

/* ------------------------------------------------------- read, merge */

static long stream_read(void *arg, char *buf, size_t len)
{
	ssize_t n = php_stream_read((php_stream *)arg, buf, len);

	return n < 0 ? -1 : (long)n;
}

/* Reads one statistics file; on failure err is filled and *out is NULL. */
static mg_status read_stats_file(const char *path, mg_xml_stats_file **out, mg_error *err)
{
	php_stream *s;
	php_stream_statbuf ssb;
	mg_xml_source_io in;
	mg_status st;

	*out = NULL;
	s = php_stream_open_wrapper((char *)path, "rb", 0, NULL);
	if (s == NULL) {
		return mg_error_set(err, MG_EXML, "%s: cannot be opened (%s)", path, strerror(errno));
	}
	memset(&ssb, 0, sizeof(ssb));
	if (php_stream_stat(s, &ssb) == 0 && S_ISDIR(ssb.sb.st_mode)) {
		php_stream_close(s);
		return mg_error_set(err, MG_EXML, "%s: cannot be read (a folder)", path);
	}
	/* A file known to be too large is refused before a byte is parsed. */
	if (php_stream_stat(s, &ssb) == 0 && ssb.sb.st_size > 0
			&& (uint64_t)ssb.sb.st_size > (uint64_t)MG_XML_MAX_BYTES_DEFAULT) {
		php_stream_close(s);
		return mg_error_set(err, MG_EXML, "%s: refused: %lld bytes, larger than the limit of %zu bytes",
			path, (long long)ssb.sb.st_size, MG_XML_MAX_BYTES_DEFAULT);
	}
	memset(&in, 0, sizeof(in));
	in.read = stream_read;
	in.arg = s;
	in.name = path;
	in.max_bytes = MG_XML_MAX_BYTES_DEFAULT;
	in.diag = xml_diag;
	XML_GUARDED(st = mg_xml_stats_read(&in, out, err));
	php_stream_close(s);
	return st;
}

static void add_source_list(zval *result, const mg_xml_source *src, size_t n, const char *const *files)
{
	zval list, item;
	size_t i;

	array_init_size(&list, (uint32_t)n);
	for (i = 0; i < n; i++) {
		array_init_size(&item, 4);
		add_assoc_string(&item, "academie", src[i].academie);
		add_assoc_string(&item, "generated", src[i].generated != NULL ? src[i].generated : "");
		add_assoc_long(&item, "k", (zend_long)src[i].k);
		if (files != NULL) {
			add_assoc_string(&item, "file", (char *)files[i]);
		}
		add_next_index_zval(&list, &item);
	}
	add_assoc_zval(result, "sources", &list);
}

/* Emits a release into return_value (docs/api.md); false after an exception. */
static mg_status emit_release(zval *rv, const mg_stats_release *r, mg_error *err)
{
	mg_emitter em;
	php_mg_zemit *z = php_mg_zemit_new(rv, &em);
	mg_status st = mg_stats_release_emit(r, (1u << MG_TAB__COUNT) - 1, &em, err);

	php_mg_zemit_free(z, st == MG_OK);
	return st;
}

/* Checks a list of paths (argument 1); TypeError/ValueError thrown on failure. */
static zend_result check_paths(HashTable *paths)
{
	zval *v;

	ZEND_HASH_FOREACH_VAL(paths, v) {
		ZVAL_DEREF(v);
		if (Z_TYPE_P(v) != IS_STRING) {
			zend_argument_type_error(1, "must contain only paths (strings), %s given", zend_zval_type_name(v));
			return FAILURE;
		}
		if (Z_STRLEN_P(v) == 0 || zend_str_has_nul_byte(Z_STR_P(v))) {
			zend_argument_value_error(1, "must contain non-empty paths without NUL bytes");
			return FAILURE;
		}
	} ZEND_HASH_FOREACH_END();
	return SUCCESS;
}

ZEND_METHOD(Magistere_Statistics, read)
{
	zend_string *path;
	mg_xml_stats_file *f = NULL;
	mg_error err;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(path)
	ZEND_PARSE_PARAMETERS_END();

	if (ZSTR_LEN(path) == 0 || zend_str_has_nul_byte(path)) {
		zend_argument_value_error(1, "must be a non-empty path without NUL bytes");
		RETURN_THROWS();
	}
	mg_error_clear(&err);
	if (read_stats_file(ZSTR_VAL(path), &f, &err) != MG_OK) {
		php_mg_throw(&err);
		RETURN_THROWS();
	}
	if (emit_release(return_value, f->release, &err) != MG_OK) {
		mg_xml_stats_file_free(f);
		php_mg_throw(&err);
		RETURN_THROWS();
	}
	add_assoc_string(return_value, "scope", f->scope == MG_XML_SCOPE_NATIONAL ? "national" : "academie");
	if (f->academie != NULL) {
		add_assoc_string(return_value, "academie", f->academie);
	}
	if (f->scope == MG_XML_SCOPE_NATIONAL) {
		add_source_list(return_value, f->sources, f->nsources, NULL);
	}
	mg_xml_stats_file_free(f);
}

ZEND_METHOD(Magistere_Statistics, merge)
{
	HashTable *paths;
	zend_long k = 0;
	bool k_null = true;
	mg_xml_stats_file **files = NULL;
	const char **names = NULL;
	size_t n = 0, i;
	uint32_t count;
	zval *v;
	mg_stats_release *national = NULL;
	mg_error err;
	mg_status st = MG_OK;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_ARRAY_HT(paths)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG_OR_NULL(k, k_null)
	ZEND_PARSE_PARAMETERS_END();

	count = zend_hash_num_elements(paths);
	if (count == 0) {
		zend_argument_value_error(1, "must name at least one statistics file");
		RETURN_THROWS();
	}
	if (!k_null && mg_settings_check_k((int64_t)k, &err) != MG_OK) {
		php_mg_throw(&err);
		RETURN_THROWS();
	}
	if (check_paths(paths) == FAILURE) {
		RETURN_THROWS();
	}
	files = ecalloc(count, sizeof(*files));
	names = ecalloc(count, sizeof(*names));
	mg_error_clear(&err);
	ZEND_HASH_FOREACH_VAL(paths, v) {
		ZVAL_DEREF(v);
		names[n] = Z_STRVAL_P(v);
		st = read_stats_file(names[n], &files[n], &err);
		if (st != MG_OK) {
			break;
		}
		n++;
	} ZEND_HASH_FOREACH_END();
	if (st == MG_OK) {
		st = mg_xml_stats_merge(files, names, n, k_null ? 0 : (int64_t)k, (int64_t)time(NULL), &national, &err);
	}
	if (st == MG_OK) {
		st = emit_release(return_value, national, &err);
		if (st == MG_OK) {
			mg_xml_source *src = ecalloc(n, sizeof(*src));
			for (i = 0; i < n; i++) {
				src[i].academie = files[i]->academie;
				src[i].generated = files[i]->generated != NULL ? files[i]->generated : (char *)"";
				src[i].k = files[i]->release->k;
			}
			add_assoc_string(return_value, "scope", "national");
			add_source_list(return_value, src, n, names);
			efree(src);
		}
	}
	mg_stats_release_free(national);
	for (i = 0; i < n; i++) {
		mg_xml_stats_file_free(files[i]);
	}
	efree(files);
	efree(names);
	if (st != MG_OK) {
		php_mg_throw(&err);
		RETURN_THROWS();
	}
}

/* ------------------------------------------------------- writeMerged */

static zval *table_get(HashTable *ht, const char *key)
{
	zval *v = zend_hash_str_find(ht, key, strlen(key));

	if (v != NULL) {
		ZVAL_DEREF(v);
	}
	return v;
}

/* The sources of a national release array; ValueError thrown on failure. Strings are borrowed
 * from the array. */
static zend_result sources_from_array(HashTable *ht, mg_xml_source **sources, size_t *nsources)
{
	zval *src_zv = table_get(ht, "sources"), *sz;
	size_t si = 0;

	*sources = NULL;
	*nsources = 0;
	if (src_zv == NULL || Z_TYPE_P(src_zv) != IS_ARRAY || zend_hash_num_elements(Z_ARRVAL_P(src_zv)) == 0) {
		return SUCCESS;
	}
	*sources = ecalloc(zend_hash_num_elements(Z_ARRVAL_P(src_zv)), sizeof(mg_xml_source));
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(src_zv), sz) {
		zval *a, *g, *sk;

		ZVAL_DEREF(sz);
		if (Z_TYPE_P(sz) != IS_ARRAY
				|| (a = table_get(Z_ARRVAL_P(sz), "academie")) == NULL || Z_TYPE_P(a) != IS_STRING
				|| (g = table_get(Z_ARRVAL_P(sz), "generated")) == NULL || Z_TYPE_P(g) != IS_STRING
				|| (sk = table_get(Z_ARRVAL_P(sz), "k")) == NULL || Z_TYPE_P(sk) != IS_LONG) {
			zend_argument_value_error(1, "source %zu must hold academie, generated and k", si);
			efree(*sources);
			*sources = NULL;
			*nsources = 0;
			return FAILURE;
		}
		(*sources)[si].academie = Z_STRVAL_P(a);
		(*sources)[si].generated = Z_STRVAL_P(g);
		(*sources)[si].k = (int64_t)Z_LVAL_P(sk);
		si++;
		*nsources = si;
	} ZEND_HASH_FOREACH_END();
	return SUCCESS;
}

ZEND_METHOD(Magistere_Statistics, writeMerged)
{
	HashTable *table_ht;
	zval *target;
	mg_stats_release *r = NULL;
	mg_xml_source *sources = NULL;
	size_t nsources = 0, count = 0;
	mg_xml_stats_meta meta;
	xml_target tg;
	mg_error err;
	mg_status st;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_ARRAY_HT(table_ht)
		Z_PARAM_ZVAL(target)
	ZEND_PARSE_PARAMETERS_END();

	if (php_mg_release_from_array(table_ht, 1, "the release", &r) == FAILURE) {
		RETURN_THROWS();
	}
	if (sources_from_array(table_ht, &sources, &nsources) == FAILURE) {
		goto error;
	}
	if (target_open(target, 2, &tg) == FAILURE) {
		goto error;
	}
	memset(&meta, 0, sizeof(meta));
	meta.scope = MG_XML_SCOPE_NATIONAL;
	meta.generated = r->generated;
	meta.sources = sources;
	meta.nsources = nsources;
	mg_error_clear(&err);
	XML_GUARDED(st = mg_xml_stats_write(r, &meta, &tg.sink, &count, &err));
	if (st != MG_OK) {
		target_abort(&tg);
		php_mg_throw(&err);
		goto error;
	}
	if (target_commit(&tg) == FAILURE) {
		goto error;
	}
	mg_stats_release_free(r);
	if (sources) {
		efree(sources);
	}
	RETURN_LONG((zend_long)count);
error:
	mg_stats_release_free(r);
	if (sources) {
		efree(sources);
	}
	RETURN_THROWS();
}

/* ------------------------------------------------------------ MINIT */

/* Parses the two embedded schemas once per process, shared read-only by every request
 * (without this hook every read and write parses its schema, about a millisecond). To be
 * called from MINIT, after ext/libxml's (a module dependency), and php_mg_xml_mshutdown()
 * from MSHUTDOWN. */
void php_mg_xml_minit(void)
{
	mg_error err;

	mg_error_clear(&err);
	if (mg_xml_schemas_init(&err) != MG_OK) {
		/* Not fatal: each call then parses (and reports) the schema itself. */
		mg_xml_schemas_shutdown();
	}
}

void php_mg_xml_mshutdown(void)
{
	mg_xml_schemas_shutdown();
}
