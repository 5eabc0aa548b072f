/*
 * The rows store (Source::rows()): a rowset built once (by the glue, from the
 * PHP arrays: src/php/rows.c), handed to every request whatever its scope.
 */
#include <string.h>

#include "store/store.h"

static mg_status rows_load(void *store, const mg_scope *scope, const mg_settings *settings,
	const mg_load_opts *opts, mg_rowset **out, mg_load_info *info, mg_error *err)
{
	(void)scope;
	(void)settings;
	(void)opts;
	(void)err;
	if (info) {
		memset(info, 0, sizeof(*info));
	}
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
	NULL,
	NULL,
	rows_free,
};

/* ------------------------------------------------------ stamps, scopes */

int mg_scope_heavy(const mg_scope *scope)
{
	switch (scope->kind) {
	case MG_SCOPE_INSPECTOR:
	case MG_SCOPE_STATISTICS:
	case MG_SCOPE_ATTESTATIONS:
	case MG_SCOPE_ALL:
		return 1;
	default:
		return 0;
	}
}

mg_status mg_stamp_keys_of(const mg_scope *scope, const mg_rowset *rs, mg_stamp_keys *out)
{
	size_t i, n;

	memset(out, 0, sizeof(*out));
	switch (scope->kind) {
	case MG_SCOPE_COURSE:
	case MG_SCOPE_TRANSPARENCY:
		out->courseids = mg_malloc(sizeof(int64_t));
		if (!out->courseids) {
			return MG_ENOMEM;
		}
		out->courseids[0] = scope->courseid;
		out->ncourseids = 1;
		return MG_OK;
	case MG_SCOPE_USER:
		out->members = 1;
		n = rs ? mg_rowset_count(rs, MG_T_COURSE) : 0;
		out->courseids = mg_malloc((n ? n : 1) * sizeof(int64_t));
		if (!out->courseids) {
			return MG_ENOMEM;
		}
		for (i = 0; i < n; i++) {
			out->courseids[i] = ((const mg_row_course *)mg_rowset_get(rs, MG_T_COURSE, i))->id;
		}
		out->ncourseids = n;
		return MG_OK;
	default:
		out->whole = 1;
		return MG_OK;
	}
}

void mg_stamp_keys_free(mg_stamp_keys *k)
{
	mg_free(k->courseids);
	memset(k, 0, sizeof(*k));
}
