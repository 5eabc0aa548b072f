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

void php_mg_throw(const mg_error *err)
{
	zend_class_entry *ce;

	if (EG(exception)) {
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

	if (z->depth >= ZEMIT_DEPTH) {
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
