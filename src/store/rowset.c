/*
 * The rows store (Source::rows()): a rowset built once (by the glue, from the
 * PHP arrays: src/php/rows.c), handed to every request whatever its scope.
 */
#include "store/store.h"

static mg_status rows_load(void *store, const mg_scope *scope, const mg_settings *settings,
	mg_rowset **out, mg_error *err)
{
	(void)scope;
	(void)settings;
	(void)err;
	*out = store;
	return MG_OK;
}

static void rows_free(void *store)
{
	mg_rowset_free(store);
}

const mg_store_ops mg_store_rows_ops = {
	"rows",
	1,
	rows_load,
	rows_free,
};
