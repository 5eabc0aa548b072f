/*
 * The table descriptors (every column the engine reads, and nothing else)
 * and the rowset that stores typed rows.
 *
 * This file is the only list of the columns the engine reads (R6): the mysql
 * source builds its SELECT lists from it, Magistere\Source::columns() hands
 * it to PHP (the plugin's rows loader and the tests use that), and
 * docs/mysql.md is checked against it by a test.
 */
#include <stdlib.h>
#include <string.h>

#include "core_private.h"

#define F(st, col, type, req, def) { #col, type, offsetof(st, col), req, def }
#define REQ 1
#define OPT 0

static const mg_field f_course[] = {
	F(mg_row_course, id, MG_FT_INT, REQ, 0),
	F(mg_row_course, category, MG_FT_INT, OPT, 0),
	F(mg_row_course, fullname, MG_FT_STR, REQ, 0),
	F(mg_row_course, shortname, MG_FT_STR, REQ, 0),
	F(mg_row_course, visible, MG_FT_INT, OPT, 1),
	F(mg_row_course, enablecompletion, MG_FT_INT, OPT, 1),
};

static const mg_field f_modules[] = {
	F(mg_row_modules, id, MG_FT_INT, REQ, 0),
	F(mg_row_modules, name, MG_FT_STR, REQ, 0),
	F(mg_row_modules, visible, MG_FT_INT, OPT, 1),
};

static const mg_field f_course_sections[] = {
	F(mg_row_course_sections, id, MG_FT_INT, REQ, 0),
	F(mg_row_course_sections, course, MG_FT_INT, REQ, 0),
	F(mg_row_course_sections, section, MG_FT_INT, REQ, 0),
	F(mg_row_course_sections, visible, MG_FT_INT, OPT, 1),
	F(mg_row_course_sections, sequence, MG_FT_STR_NULL, OPT, 0),
};

static const mg_field f_course_modules[] = {
	F(mg_row_course_modules, id, MG_FT_INT, REQ, 0),
	F(mg_row_course_modules, course, MG_FT_INT, REQ, 0),
	F(mg_row_course_modules, module, MG_FT_INT, REQ, 0),
	F(mg_row_course_modules, section, MG_FT_INT, REQ, 0),
	F(mg_row_course_modules, completion, MG_FT_INT, OPT, 0),
	F(mg_row_course_modules, visible, MG_FT_INT, OPT, 1),
	F(mg_row_course_modules, deletioninprogress, MG_FT_INT, OPT, 0),
};

static const mg_field f_cmc[] = {
	F(mg_row_course_modules_completion, id, MG_FT_INT, REQ, 0),
	F(mg_row_course_modules_completion, coursemoduleid, MG_FT_INT, REQ, 0),
	F(mg_row_course_modules_completion, userid, MG_FT_INT, REQ, 0),
	F(mg_row_course_modules_completion, completionstate, MG_FT_INT, REQ, 0),
};

static const mg_field f_cc[] = {
	F(mg_row_course_completions, id, MG_FT_INT, REQ, 0),
	F(mg_row_course_completions, userid, MG_FT_INT, REQ, 0),
	F(mg_row_course_completions, course, MG_FT_INT, REQ, 0),
	F(mg_row_course_completions, timecompleted, MG_FT_INT_NULL, OPT, MG_NULL_INT),
};

static const mg_field f_enrol[] = {
	F(mg_row_enrol, id, MG_FT_INT, REQ, 0),
	F(mg_row_enrol, courseid, MG_FT_INT, REQ, 0),
	F(mg_row_enrol, status, MG_FT_INT, OPT, 0),
	F(mg_row_enrol, enrol, MG_FT_STR_NULL, OPT, 0),
};

static const mg_field f_ue[] = {
	F(mg_row_user_enrolments, id, MG_FT_INT, REQ, 0),
	F(mg_row_user_enrolments, enrolid, MG_FT_INT, REQ, 0),
	F(mg_row_user_enrolments, userid, MG_FT_INT, REQ, 0),
	F(mg_row_user_enrolments, status, MG_FT_INT, OPT, 0),
	F(mg_row_user_enrolments, timestart, MG_FT_INT, OPT, 0),
	F(mg_row_user_enrolments, timeend, MG_FT_INT, OPT, 0),
};

static const mg_field f_role[] = {
	F(mg_row_role, id, MG_FT_INT, REQ, 0),
	F(mg_row_role, shortname, MG_FT_STR, REQ, 0),
};

static const mg_field f_ra[] = {
	F(mg_row_role_assignments, id, MG_FT_INT, REQ, 0),
	F(mg_row_role_assignments, roleid, MG_FT_INT, REQ, 0),
	F(mg_row_role_assignments, contextid, MG_FT_INT, REQ, 0),
	F(mg_row_role_assignments, userid, MG_FT_INT, REQ, 0),
};

static const mg_field f_context[] = {
	F(mg_row_context, id, MG_FT_INT, REQ, 0),
	F(mg_row_context, contextlevel, MG_FT_INT, REQ, 0),
	F(mg_row_context, instanceid, MG_FT_INT, REQ, 0),
};

static const mg_field f_user[] = {
	F(mg_row_user, id, MG_FT_INT, REQ, 0),
	F(mg_row_user, firstname, MG_FT_STR, REQ, 0),
	F(mg_row_user, lastname, MG_FT_STR, REQ, 0),
	F(mg_row_user, idnumber, MG_FT_STR_NULL, OPT, 0),
	F(mg_row_user, deleted, MG_FT_INT, OPT, 0),
	F(mg_row_user, suspended, MG_FT_INT, OPT, 0),
};

static const mg_field f_uif[] = {
	F(mg_row_user_info_field, id, MG_FT_INT, REQ, 0),
	F(mg_row_user_info_field, shortname, MG_FT_STR, REQ, 0),
};

static const mg_field f_uid[] = {
	F(mg_row_user_info_data, id, MG_FT_INT, REQ, 0),
	F(mg_row_user_info_data, userid, MG_FT_INT, REQ, 0),
	F(mg_row_user_info_data, fieldid, MG_FT_INT, REQ, 0),
	F(mg_row_user_info_data, data, MG_FT_STR, REQ, 0),
};

static const mg_field f_cff[] = {
	F(mg_row_customfield_field, id, MG_FT_INT, REQ, 0),
	F(mg_row_customfield_field, shortname, MG_FT_STR, REQ, 0),
};

static const mg_field f_cfd[] = {
	F(mg_row_customfield_data, id, MG_FT_INT, REQ, 0),
	F(mg_row_customfield_data, fieldid, MG_FT_INT, REQ, 0),
	F(mg_row_customfield_data, instanceid, MG_FT_INT, REQ, 0),
	F(mg_row_customfield_data, decvalue, MG_FT_DEC_NULL, OPT, 0),
	F(mg_row_customfield_data, value, MG_FT_STR_NULL, OPT, 0),
};

static const mg_field f_mark[] = {
	F(mg_row_mark, id, MG_FT_INT, REQ, 0),
	F(mg_row_mark, courseid, MG_FT_INT, REQ, 0),
	F(mg_row_mark, userid, MG_FT_INT, REQ, 0),
	F(mg_row_mark, finished, MG_FT_INT, REQ, 0),
	F(mg_row_mark, creditedminutes, MG_FT_INT_NULL, OPT, MG_NULL_INT),
	F(mg_row_mark, timemodified, MG_FT_INT, OPT, 0),
	F(mg_row_mark, modifiedby, MG_FT_INT, OPT, 0),
};

static const mg_field f_school[] = {
	F(mg_row_school, id, MG_FT_INT, REQ, 0),
	F(mg_row_school, uai, MG_FT_STR, REQ, 0),
	F(mg_row_school, name, MG_FT_STR, REQ, 0),
	F(mg_row_school, city, MG_FT_STR_NULL, OPT, 0),
	F(mg_row_school, circonscription, MG_FT_STR, REQ, 0),
	F(mg_row_school, departement, MG_FT_STR_NULL, OPT, 0),
	F(mg_row_school, academie, MG_FT_STR_NULL, OPT, 0),
	F(mg_row_school, degre, MG_FT_STR_NULL, OPT, 0),
	F(mg_row_school, secteur, MG_FT_STR_NULL, OPT, 0),
};

static const mg_field f_circ[] = {
	F(mg_row_circ, id, MG_FT_INT, REQ, 0),
	F(mg_row_circ, code, MG_FT_STR, REQ, 0),
	F(mg_row_circ, name, MG_FT_STR, REQ, 0),
	F(mg_row_circ, departement, MG_FT_STR_NULL, OPT, 0),
	F(mg_row_circ, academie, MG_FT_STR_NULL, OPT, 0),
};

static const mg_field f_inspector[] = {
	F(mg_row_inspector, id, MG_FT_INT, REQ, 0),
	F(mg_row_inspector, userid, MG_FT_INT, REQ, 0),
	F(mg_row_inspector, circonscription, MG_FT_STR, REQ, 0),
};

#define T(idv, name, st, f) { idv, name, sizeof(st), f, sizeof(f) / sizeof(f[0]) }

const mg_table mg_tables[MG_T__COUNT] = {
	T(MG_T_COURSE, "course", mg_row_course, f_course),
	T(MG_T_MODULES, "modules", mg_row_modules, f_modules),
	T(MG_T_COURSE_SECTIONS, "course_sections", mg_row_course_sections, f_course_sections),
	T(MG_T_COURSE_MODULES, "course_modules", mg_row_course_modules, f_course_modules),
	T(MG_T_COURSE_MODULES_COMPLETION, "course_modules_completion", mg_row_course_modules_completion, f_cmc),
	T(MG_T_COURSE_COMPLETIONS, "course_completions", mg_row_course_completions, f_cc),
	T(MG_T_ENROL, "enrol", mg_row_enrol, f_enrol),
	T(MG_T_USER_ENROLMENTS, "user_enrolments", mg_row_user_enrolments, f_ue),
	T(MG_T_ROLE, "role", mg_row_role, f_role),
	T(MG_T_ROLE_ASSIGNMENTS, "role_assignments", mg_row_role_assignments, f_ra),
	T(MG_T_CONTEXT, "context", mg_row_context, f_context),
	T(MG_T_USER, "user", mg_row_user, f_user),
	T(MG_T_USER_INFO_FIELD, "user_info_field", mg_row_user_info_field, f_uif),
	T(MG_T_USER_INFO_DATA, "user_info_data", mg_row_user_info_data, f_uid),
	T(MG_T_CUSTOMFIELD_FIELD, "customfield_field", mg_row_customfield_field, f_cff),
	T(MG_T_CUSTOMFIELD_DATA, "customfield_data", mg_row_customfield_data, f_cfd),
	T(MG_T_MARK, "local_magistere_mark", mg_row_mark, f_mark),
	T(MG_T_SCHOOL, "local_magistere_school", mg_row_school, f_school),
	T(MG_T_CIRC, "local_magistere_circ", mg_row_circ, f_circ),
	T(MG_T_INSPECTOR, "local_magistere_inspector", mg_row_inspector, f_inspector),
};

const mg_table *mg_table_find(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < MG_T__COUNT; i++) {
		if (strlen(mg_tables[i].name) == len && memcmp(mg_tables[i].name, name, len) == 0) {
			return &mg_tables[i];
		}
	}
	return NULL;
}

void mg_row_set_defaults(const mg_table *t, void *row)
{
	size_t i;

	for (i = 0; i < t->nfields; i++) {
		const mg_field *f = &t->fields[i];
		char *slot = (char *)row + f->offset;

		switch (f->type) {
		case MG_FT_INT:
		case MG_FT_INT_NULL:
			memcpy(slot, &f->def, sizeof(int64_t));
			break;
		case MG_FT_STR:
		case MG_FT_STR_NULL: {
			mg_str e = MG_STR_NULL;
			memcpy(slot, &e, sizeof(e));
			break;
		}
		case MG_FT_DEC_NULL:
			/* has_decvalue precedes decvalue and stays 0 */
			break;
		}
	}
}

/* ------------------------------------------------------------ the rowset */

struct mg_rowset {
	mg_arena arena;
	mg_vec tables[MG_T__COUNT];
	int unique_ids;
	int unique_keys;
};

mg_rowset *mg_rowset_new(void)
{
	mg_rowset *rs = mg_calloc(1, sizeof(*rs));
	size_t i;

	if (!rs) {
		return NULL;
	}
	for (i = 0; i < MG_T__COUNT; i++) {
		mg_vec_init(&rs->tables[i], mg_tables[i].row_size);
	}
	return rs;
}

void mg_rowset_free(mg_rowset *rs)
{
	size_t i;

	if (!rs) {
		return;
	}
	for (i = 0; i < MG_T__COUNT; i++) {
		mg_vec_free(&rs->tables[i]);
	}
	mg_arena_destroy(&rs->arena);
	mg_free(rs);
}

void *mg_rowset_row(mg_rowset *rs, mg_table_id table)
{
	if ((unsigned)table >= MG_T__COUNT) {
		return NULL;
	}
	return mg_vec_push(&rs->tables[table]);
}

mg_str mg_rowset_strdup(mg_rowset *rs, const char *s, size_t len)
{
	mg_str r;

	if (len == 0) {
		return MG_STR_NULL;
	}
	r.ptr = mg_arena_strndup(&rs->arena, s, len);
	r.len = r.ptr ? len : 0;
	return r;
}

size_t mg_rowset_count(const mg_rowset *rs, mg_table_id table)
{
	return (unsigned)table < MG_T__COUNT ? rs->tables[table].len : 0;
}

const void *mg_rowset_get(const mg_rowset *rs, mg_table_id table, size_t i)
{
	const mg_vec *v;

	if ((unsigned)table >= MG_T__COUNT) {
		return NULL;
	}
	v = &rs->tables[table];
	return i < v->len ? (const char *)v->data + i * v->elsize : NULL;
}

void mg_rowset_pop(mg_rowset *rs, mg_table_id table)
{
	if ((unsigned)table < MG_T__COUNT && rs->tables[table].len > 0) {
		rs->tables[table].len--;
	}
}

size_t mg_rowset_filter(mg_rowset *rs, mg_table_id table, int (*keep)(const void *row, void *ctx), void *ctx)
{
	mg_vec *v;
	size_t i, o = 0, removed;
	char *data;

	if ((unsigned)table >= MG_T__COUNT) {
		return 0;
	}
	v = &rs->tables[table];
	data = v->data;
	for (i = 0; i < v->len; i++) {
		if (!keep(data + i * v->elsize, ctx)) {
			continue;
		}
		if (o != i) {
			memcpy(data + o * v->elsize, data + i * v->elsize, v->elsize);
		}
		o++;
	}
	removed = v->len - o;
	v->len = o;
	return removed;
}

void mg_rowset_shrink(mg_rowset *rs)
{
	size_t i;

	for (i = 0; i < MG_T__COUNT; i++) {
		mg_vec_shrink(&rs->tables[i]);
	}
}

void mg_rowset_set_unique_keys(mg_rowset *rs, int unique)
{
	rs->unique_keys = unique != 0;
}

int mg_rowset_unique_keys(const mg_rowset *rs)
{
	return rs->unique_keys;
}

void mg_rowset_set_unique_ids(mg_rowset *rs, int unique)
{
	rs->unique_ids = unique != 0;
}

int mg_rowset_unique_ids(const mg_rowset *rs)
{
	return rs->unique_ids;
}

void mg_rowset_release_rows(mg_rowset *rs)
{
	size_t i;

	for (i = 0; i < MG_T__COUNT; i++) {
		mg_vec_free(&rs->tables[i]);
	}
}
