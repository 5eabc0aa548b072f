/*
 * Shared glue: exceptions from mg_error, interned atoms, and the emitter
 * that builds PHP arrays from a view.
 */
#include "php_private.h"
#include "zend_exceptions.h"

zend_string *php_mg_atoms[MG_A__COUNT];

void php_mg_atoms_minit(void)
{
	int i;

	for (i = 0; i < MG_A__COUNT; i++) {
		const char *name = mg_atom_name((mg_atom)i);
		php_mg_atoms[i] = zend_string_init_interned(name, strlen(name), 1);
	}
}

void php_mg_atoms_mshutdown(void)
{
	/* permanent interned strings are released by the engine */
}

/* ------------------------------------------------------- memory_limit */

/* The engine's memory this request holds: what its allocations hold, but
 * the resident models (kept between requests, bounded by their own setting). */
static size_t request_engine_bytes(size_t live)
{
	size_t resident = MAGISTERE_G(resident_bytes);

	return live > resident ? live - resident : 0;
}

/* Whether `more` bytes (and `margin` to spare) fit under memory_limit with
 * what PHP and the engine hold for this request. */
static int over_memory_limit(size_t engine, size_t more, size_t margin)
{
	zend_long limit = PG(memory_limit);
	size_t php = zend_memory_usage(1);

	if (limit <= 0) {
		return 0; /* -1: no limit */
	}
	return php + engine + more + margin > (size_t)limit;
}

/* The core's limit function (mg_mem_set_limit): an engine allocation that
 * would take the request beyond memory_limit is refused, and the view fails
 * cleanly (Magistere\InternalError), where PHP's own allocator would end the
 * request with a fatal error. */
static int php_mg_mem_limit(void *ctx, size_t live, size_t more)
{
	(void)ctx;
	return over_memory_limit(request_engine_bytes(live), more, 0);
}

void php_mg_mem_ginit(void)
{
	mg_mem_set_limit(php_mg_mem_limit, NULL);
}

/* The message of a failure caused by memory_limit. */
static void memory_limit_message(char *buf, size_t size)
{
	snprintf(buf, size,
		"magistere: this view needs more memory than memory_limit (" ZEND_LONG_FMT " bytes) allows: PHP holds %zu bytes"
		" and the engine %zu; raise memory_limit for this page",
		PG(memory_limit), zend_memory_usage(1), request_engine_bytes(mg_mem_live()));
}

void php_mg_throw(const mg_error *err)
{
	zend_class_entry *ce;
	int refused = mg_mem_take_refused();
	bool emit_refused = MAGISTERE_G(emit_refused);

	MAGISTERE_G(emit_refused) = 0;
	if (EG(exception)) {
		return;
	}
	if ((err->code == MG_ENOMEM && refused) || (err->code == MG_EEMIT && emit_refused)) {
		char msg[MG_ERROR_MSG_MAX];
		memory_limit_message(msg, sizeof(msg));
		zend_throw_exception(php_magistere_internal_error_ce, msg, 0);
		return;
	}
	switch (err->code) {
	case MG_EACCESS:
		ce = php_magistere_access_denied_ce;
		break;
	case MG_ENOTFOUND:
		ce = php_magistere_not_found_ce;
		break;
	case MG_EDATA:
		ce = php_magistere_data_error_ce;
		break;
	case MG_ESETTINGS:
		ce = php_magistere_settings_error_ce;
		break;
	case MG_ECONN:
		ce = php_magistere_connection_error_ce;
		break;
	case MG_EXML:
		ce = php_magistere_xml_error_ce;
		break;
	case MG_ENOMEM:
	case MG_EEMIT:
	case MG_EINTERNAL:
		ce = php_magistere_internal_error_ce;
		break;
	case MG_EARG:
		zend_value_error("%s", err->message);
		return;
	default:
		ce = php_magistere_exception_ce;
		break;
	}
	zend_throw_exception(ce, err->message[0] ? err->message : "magistere: unknown error", 0);
}

void php_mg_throw_internal(const char *message)
{
	mg_error err;

	mg_error_set(&err, MG_EINTERNAL, "%s", message);
	php_mg_throw(&err);
}

/* ------------------------------------------------------ the zval emitter */

#define ZEMIT_DEPTH 32

struct php_mg_zemit {
	zval *dst;
	zval stack[ZEMIT_DEPTH];
	zend_string *pending[ZEMIT_DEPTH];
	int depth;
	int done;
};

/* Room kept under memory_limit while a view's arrays are built: PHP's
 * allocator ends the request with a fatal error when it reaches the limit
 * (the engine's memory would then never be released), so the emitter stops
 * first, with this much to spare for the largest single allocation of an
 * array growing, and the view fails with an exception. */
#define ZEMIT_MARGIN ((size_t)4 * 1024 * 1024)

static int zemit_room(void)
{
	if (over_memory_limit(request_engine_bytes(mg_mem_live()), 0, ZEMIT_MARGIN)) {
		MAGISTERE_G(emit_refused) = 1;
		return -1;
	}
	return 0;
}

static int zemit_put(php_mg_zemit *z, zval *v)
{
	HashTable *ht;

	if (z->depth == 0) {
		if (z->done) {
			zval_ptr_dtor(v);
			return -1;
		}
		ZVAL_COPY_VALUE(z->dst, v);
		z->done = 1;
		return 0;
	}
	ht = Z_ARRVAL(z->stack[z->depth - 1]);
	if (z->pending[z->depth - 1]) {
		zend_hash_update(ht, z->pending[z->depth - 1], v);
		z->pending[z->depth - 1] = NULL;
	} else {
		zend_hash_next_index_insert_new(ht, v);
	}
	return 0;
}

static int zemit_open(void *ctx, size_t hint)
{
	php_mg_zemit *z = ctx;

	if (z->depth >= ZEMIT_DEPTH || zemit_room() != 0) {
		return -1;
	}
	array_init_size(&z->stack[z->depth], (uint32_t)(hint > 1024 * 1024 ? 1024 * 1024 : hint));
	z->pending[z->depth] = NULL;
	z->depth++;
	return 0;
}

static int zemit_close(void *ctx)
{
	php_mg_zemit *z = ctx;
	zval v;

	if (z->depth <= 0) {
		return -1;
	}
	z->depth--;
	ZVAL_COPY_VALUE(&v, &z->stack[z->depth]);
	ZVAL_UNDEF(&z->stack[z->depth]);
	return zemit_put(z, &v);
}

static int zemit_key(void *ctx, mg_atom key)
{
	php_mg_zemit *z = ctx;

	if (z->depth <= 0 || (unsigned)key >= MG_A__COUNT) {
		return -1;
	}
	z->pending[z->depth - 1] = php_mg_atoms[key];
	return 0;
}

static int zemit_int(void *ctx, int64_t v)
{
	zval zv;

	ZVAL_LONG(&zv, (zend_long)v);
	return zemit_put(ctx, &zv);
}

static int zemit_bool(void *ctx, int v)
{
	zval zv;

	memset(&zv, 0, sizeof(zv));
	ZVAL_BOOL(&zv, v != 0);
	return zemit_put(ctx, &zv);
}

static int zemit_null(void *ctx)
{
	zval zv;

	memset(&zv, 0, sizeof(zv));
	ZVAL_NULL(&zv);
	return zemit_put(ctx, &zv);
}

static int zemit_str(void *ctx, const char *s, size_t len)
{
	zval zv;

	if (len > 4096 && zemit_room() != 0) {
		return -1;
	}
	if (len == 0) {
		ZVAL_EMPTY_STRING(&zv);
	} else {
		ZVAL_STRINGL(&zv, s, len);
	}
	return zemit_put(ctx, &zv);
}

static int zemit_atom(void *ctx, mg_atom a)
{
	zval zv;

	if ((unsigned)a >= MG_A__COUNT) {
		return -1;
	}
	ZVAL_INTERNED_STR(&zv, php_mg_atoms[a]);
	return zemit_put(ctx, &zv);
}

php_mg_zemit *php_mg_zemit_new(zval *dst, mg_emitter *out)
{
	php_mg_zemit *z = ecalloc(1, sizeof(*z));

	z->dst = dst;
	ZVAL_UNDEF(dst);
	out->ctx = z;
	out->map_begin = zemit_open;
	out->map_end = zemit_close;
	out->list_begin = zemit_open;
	out->list_end = zemit_close;
	out->key = zemit_key;
	out->v_int = zemit_int;
	out->v_bool = zemit_bool;
	out->v_null = zemit_null;
	out->v_str = zemit_str;
	out->v_atom = zemit_atom;
	return z;
}

void php_mg_zemit_free(php_mg_zemit *z, int ok)
{
	while (z->depth > 0) {
		z->depth--;
		zval_ptr_dtor(&z->stack[z->depth]);
	}
	if (!ok && z->done) {
		zval_ptr_dtor(z->dst);
		ZVAL_UNDEF(z->dst);
	}
	efree(z);
}
