/*
 * Source::rows(): converts the PHP arrays of Moodle's rows into a rowset through
 * the core's table descriptors. The store that then hands that rowset to every
 * request has no Zend in it (src/store/rowset.c).
 */
#include <math.h>

#include "php_private.h"
#include "zend_exceptions.h"

/* ------------------------------------------------- PHP values to fields */

static const char *type_name(zval *v)
{
	return zend_zval_type_name(v);
}

static mg_status conv_int(const mg_table *t, int64_t key, const mg_field *f, zval *v, int64_t *out, mg_error *err)
{
	switch (Z_TYPE_P(v)) {
	case IS_LONG:
		*out = (int64_t)Z_LVAL_P(v);
		return MG_OK;
	case IS_FALSE:
		*out = 0;
		return MG_OK;
	case IS_TRUE:
		*out = 1;
		return MG_OK;
	case IS_DOUBLE: {
		double d = Z_DVAL_P(v);
		if (isfinite(d) && d == floor(d) && fabs(d) < 9.0e15) {
			*out = (int64_t)d;
			return MG_OK;
		}
		return mg_error_data(err, t->name, key, f->name, "%.17g is not an integer", d);
	}
	case IS_STRING: {
		zend_long l;
		double d;
		zend_uchar ty = is_numeric_string(Z_STRVAL_P(v), Z_STRLEN_P(v), &l, &d, false);
		if (ty == IS_LONG) {
			*out = (int64_t)l;
			return MG_OK;
		}
		if (ty == IS_DOUBLE && isfinite(d) && d == floor(d) && fabs(d) < 9.0e15) {
			*out = (int64_t)d;
			return MG_OK;
		}
		return mg_error_data(err, t->name, key, f->name, "\"%.*s\" is not an integer",
			(int)(Z_STRLEN_P(v) > 40 ? 40 : Z_STRLEN_P(v)), Z_STRVAL_P(v));
	}
	default:
		return mg_error_data(err, t->name, key, f->name, "expected an integer, got %s", type_name(v));
	}
}

static mg_status conv_field(mg_rowset *rs, const mg_table *t, int64_t key, const mg_field *f,
	zval *v, void *row, mg_error *err)
{
	char *slot = (char *)row + f->offset;

	if (v) {
		ZVAL_DEREF(v);
	}
	if (!v || Z_TYPE_P(v) == IS_NULL) {
		if (!v && !f->required) {
			return MG_OK; /* the default is already there */
		}
		switch (f->type) {
		case MG_FT_INT_NULL: {
			int64_t n = MG_NULL_INT;
			memcpy(slot, &n, sizeof(n));
			return MG_OK;
		}
		case MG_FT_STR_NULL: {
			mg_str e = MG_STR_NULL;
			memcpy(slot, &e, sizeof(e));
			return MG_OK;
		}
		case MG_FT_DEC_NULL:
			return MG_OK;
		default:
			return mg_error_data(err, t->name, key, f->name, v ? "must not be null" : "is missing");
		}
	}
	switch (f->type) {
	case MG_FT_INT:
	case MG_FT_INT_NULL: {
		int64_t i = 0;
		mg_status st = conv_int(t, key, f, v, &i, err);
		if (st == MG_OK) {
			memcpy(slot, &i, sizeof(i));
		}
		return st;
	}
	case MG_FT_STR:
	case MG_FT_STR_NULL: {
		mg_str s;
		if (Z_TYPE_P(v) == IS_STRING) {
			s = mg_rowset_strdup(rs, Z_STRVAL_P(v), Z_STRLEN_P(v));
		} else if (Z_TYPE_P(v) == IS_LONG) {
			char buf[32];
			int n = snprintf(buf, sizeof(buf), ZEND_LONG_FMT, Z_LVAL_P(v));
			s = mg_rowset_strdup(rs, buf, (size_t)n);
		} else {
			return mg_error_data(err, t->name, key, f->name, "expected a string, got %s", type_name(v));
		}
		if (!s.ptr) {
			return mg_error_set(err, MG_ENOMEM, "out of memory while reading %s", t->name);
		}
		memcpy(slot, &s, sizeof(s));
		return MG_OK;
	}
	case MG_FT_DEC_NULL: {
		mg_row_customfield_data *cfd = row; /* the only table with a decimal */
		double d;
		if (Z_TYPE_P(v) == IS_LONG) {
			d = (double)Z_LVAL_P(v);
		} else if (Z_TYPE_P(v) == IS_DOUBLE) {
			d = Z_DVAL_P(v);
		} else if (Z_TYPE_P(v) == IS_STRING) {
			zend_long l;
			zend_uchar ty = is_numeric_string(Z_STRVAL_P(v), Z_STRLEN_P(v), &l, &d, false);
			if (ty == IS_LONG) {
				d = (double)l;
			} else if (ty != IS_DOUBLE) {
				return mg_error_data(err, t->name, key, f->name, "\"%.*s\" is not a number",
					(int)(Z_STRLEN_P(v) > 40 ? 40 : Z_STRLEN_P(v)), Z_STRVAL_P(v));
			}
		} else {
			return mg_error_data(err, t->name, key, f->name, "expected a number, got %s", type_name(v));
		}
		if (!isfinite(d)) {
			return mg_error_data(err, t->name, key, f->name, "is not a finite number");
		}
		cfd->has_decvalue = 1;
		cfd->decvalue = d;
		return MG_OK;
	}
	}
	return MG_OK;
}

static mg_status conv_table(mg_rowset *rs, const mg_table *t, HashTable *rows, mg_error *err)
{
	zend_ulong idx;
	zend_string *skey;
	zval *rowzv;
	int64_t pos = 0;

	ZEND_HASH_FOREACH_KEY_VAL(rows, idx, skey, rowzv) {
		int64_t key = skey ? pos : (int64_t)idx;
		HashTable *fields;
		void *row;
		size_t f;

		pos++;
		ZVAL_DEREF(rowzv);
		if (Z_TYPE_P(rowzv) == IS_ARRAY) {
			fields = Z_ARRVAL_P(rowzv);
		} else if (Z_TYPE_P(rowzv) == IS_OBJECT) {
			fields = Z_OBJ_HT_P(rowzv)->get_properties(Z_OBJ_P(rowzv));
		} else {
			return mg_error_data(err, t->name, key, NULL, "a row must be an array or an object, got %s",
				type_name(rowzv));
		}
		row = mg_rowset_row(rs, t->id);
		if (!row) {
			return mg_error_set(err, MG_ENOMEM, "out of memory while reading %s", t->name);
		}
		mg_row_set_defaults(t, row);
		*(int64_t *)row = key;
		for (f = 0; f < t->nfields; f++) {
			const mg_field *fd = &t->fields[f];
			zval *v = fields ? zend_hash_str_find_ind(fields, fd->name, strlen(fd->name)) : NULL;
			mg_status st = conv_field(rs, t, key, fd, v, row, err);
			if (st != MG_OK) {
				return st;
			}
		}
	} ZEND_HASH_FOREACH_END();
	return MG_OK;
}

mg_status php_mg_rows_from_php(HashTable *tables, uint32_t arg, mg_rowset **out, mg_error *err)
{
	mg_rowset *rs;
	zend_ulong idx;
	zend_string *name;
	zval *rows;
	mg_status st = MG_OK;

	*out = NULL;
	/* structural checks first, so that nothing is converted in vain */
	ZEND_HASH_FOREACH_KEY_VAL(tables, idx, name, rows) {
		const mg_table *t;
		(void)idx;
		if (!name) {
			zend_argument_value_error(arg, "must be keyed by table name, found the integer key " ZEND_ULONG_FMT, idx);
			return mg_error_set(err, MG_EARG, "%s", "");
		}
		t = mg_table_find(ZSTR_VAL(name), ZSTR_LEN(name));
		if (!t) {
			zend_argument_value_error(arg, "contains the unknown table \"%s\" (names are given without prefix, e.g. \"course\")",
				ZSTR_VAL(name));
			return mg_error_set(err, MG_EARG, "%s", "");
		}
		ZVAL_DEREF(rows);
		if (Z_TYPE_P(rows) != IS_ARRAY) {
			zend_argument_type_error(arg, "table \"%s\" must be an array of rows, %s given",
				ZSTR_VAL(name), zend_zval_type_name(rows));
			return mg_error_set(err, MG_EARG, "%s", "");
		}
	} ZEND_HASH_FOREACH_END();

	rs = mg_rowset_new();
	if (!rs) {
		return mg_error_set(err, MG_ENOMEM, "out of memory");
	}
	ZEND_HASH_FOREACH_STR_KEY_VAL(tables, name, rows) {
		const mg_table *t = mg_table_find(ZSTR_VAL(name), ZSTR_LEN(name));
		ZVAL_DEREF(rows);
		st = conv_table(rs, t, Z_ARRVAL_P(rows), err);
		if (st != MG_OK) {
			break;
		}
	} ZEND_HASH_FOREACH_END();
	if (st != MG_OK) {
		mg_rowset_free(rs);
		return st;
	}
	*out = rs;
	return MG_OK;
}
