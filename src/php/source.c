/*
 * Magistere\Source: an opaque object holding a store (rows or mysql).
 */
#include "php_private.h"

static zend_object_handlers source_handlers;

static zend_object *source_create(zend_class_entry *ce)
{
	php_mg_source *s = zend_object_alloc(sizeof(php_mg_source), ce);

	zend_object_std_init(&s->std, ce);
	object_properties_init(&s->std, ce);
	s->std.handlers = &source_handlers;
	return &s->std;
}

static void source_free(zend_object *obj)
{
	php_mg_source *s = php_mg_source_from_obj(obj);

	if (s->ops && s->store) {
		s->ops->free(s->store);
	}
	s->store = NULL;
	zend_object_std_dtor(&s->std);
}

void php_mg_source_minit(void)
{
	php_magistere_source_ce->create_object = source_create;
	memcpy(&source_handlers, &std_object_handlers, sizeof(zend_object_handlers));
	source_handlers.offset = XtOffsetOf(php_mg_source, std);
	source_handlers.free_obj = source_free;
	source_handlers.clone_obj = NULL;
	source_handlers.compare = zend_objects_not_comparable;
}

void php_mg_source_create(zval *return_value, const mg_store_ops *ops, void *store)
{
	php_mg_source *s;

	object_init_ex(return_value, php_magistere_source_ce);
	s = php_mg_source_from_obj(Z_OBJ_P(return_value));
	s->ops = ops;
	s->store = store;
}

/* A private constructor: sources come from the factories. */
ZEND_METHOD(Magistere_Source, __construct)
{
	ZEND_PARSE_PARAMETERS_NONE();
	zend_throw_error(NULL, "Cannot directly construct Magistere\\Source, use Magistere\\Source::rows() or ::mysql()");
}

ZEND_METHOD(Magistere_Source, rows)
{
	HashTable *tables;
	mg_rowset *rs;
	mg_error err;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY_HT(tables)
	ZEND_PARSE_PARAMETERS_END();

	mg_error_clear(&err);
	if (php_mg_rows_from_php(tables, 1, &rs, &err) != MG_OK) {
		php_mg_throw(&err);
		RETURN_THROWS();
	}
	php_mg_source_create(return_value, &mg_store_rows_ops, rs);
}

ZEND_METHOD(Magistere_Source, columns)
{
	size_t i, f;

	ZEND_PARSE_PARAMETERS_NONE();
	array_init_size(return_value, MG_T__COUNT);
	for (i = 0; i < MG_T__COUNT; i++) {
		const mg_table *t = &mg_tables[i];
		zval cols;

		array_init_size(&cols, (uint32_t)t->nfields);
		for (f = 0; f < t->nfields; f++) {
			add_next_index_string(&cols, t->fields[f].name);
		}
		add_assoc_zval(return_value, t->name, &cols);
	}
}

ZEND_METHOD(Magistere_Source, kind)
{
	php_mg_source *s = php_mg_source_from_obj(Z_OBJ_P(ZEND_THIS));

	ZEND_PARSE_PARAMETERS_NONE();
	if (!s->ops) {
		zend_throw_error(NULL, "This Magistere\\Source was not created by a factory");
		RETURN_THROWS();
	}
	RETURN_STRING(s->ops->kind);
}
