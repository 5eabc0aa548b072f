/*
 * Small helpers to fill a rowset by hand in the core unit tests.
 */
#ifndef MAGISTERE_CORE_TESTS_FIXTURE_H
#define MAGISTERE_CORE_TESTS_FIXTURE_H

#include <stdio.h>
#include <string.h>

#include "../core.h"

static int64_t fx_key_;

static inline mg_str fx_s(mg_rowset *rs, const char *s)
{
	return mg_rowset_strdup(rs, s, strlen(s));
}

static inline void *fx_row(mg_rowset *rs, mg_table_id t)
{
	void *row = mg_rowset_row(rs, t);

	mg_row_set_defaults(&mg_tables[t], row);
	*(int64_t *)row = fx_key_++;
	return row;
}

static inline void fx_course(mg_rowset *rs, int64_t id, const char *shortname, const char *fullname)
{
	mg_row_course *r = fx_row(rs, MG_T_COURSE);
	r->id = id;
	r->shortname = fx_s(rs, shortname);
	r->fullname = fx_s(rs, fullname);
	{
		mg_row_context *c = fx_row(rs, MG_T_CONTEXT);
		c->id = 1000 + id;
		c->contextlevel = 50;
		c->instanceid = id;
	}
}

static inline void fx_user(mg_rowset *rs, int64_t id, const char *first, const char *last)
{
	mg_row_user *r = fx_row(rs, MG_T_USER);
	r->id = id;
	r->firstname = fx_s(rs, first);
	r->lastname = fx_s(rs, last);
}

static inline void fx_roles(mg_rowset *rs)
{
	mg_row_role *r = fx_row(rs, MG_T_ROLE);
	r->id = 1;
	r->shortname = fx_s(rs, "participant");
	r = fx_row(rs, MG_T_ROLE);
	r->id = 2;
	r->shortname = fx_s(rs, "formateur");
	r = fx_row(rs, MG_T_ROLE);
	r->id = 3;
	r->shortname = fx_s(rs, "guest");
}

/* Enrols user in course (one manual enrol instance per course, id = course)
 * with role 1 participant / 2 trainer; ue/ra ids derived from the pair. */
static inline void fx_enrol(mg_rowset *rs, int64_t course, int64_t user, int64_t roleid)
{
	size_t i, n = mg_rowset_count(rs, MG_T_ENROL);
	int found = 0;

	for (i = 0; i < n; i++) {
		const mg_row_enrol *e = mg_rowset_get(rs, MG_T_ENROL, i);
		found = found || e->id == course;
	}
	if (!found) {
		mg_row_enrol *e = fx_row(rs, MG_T_ENROL);
		e->id = course;
		e->courseid = course;
	}
	{
		mg_row_user_enrolments *ue = fx_row(rs, MG_T_USER_ENROLMENTS);
		ue->id = course * 100000 + user;
		ue->enrolid = course;
		ue->userid = user;
	}
	{
		mg_row_role_assignments *ra = fx_row(rs, MG_T_ROLE_ASSIGNMENTS);
		ra->id = course * 100000 + user;
		ra->roleid = roleid;
		ra->contextid = 1000 + course;
		ra->userid = user;
	}
}

/* One module type (id 1, "quiz"), one section per course (id 500 + course);
 * the activity is appended to the section's sequence, as Moodle does. */
static inline void fx_activity(mg_rowset *rs, int64_t course, int64_t cmid, int64_t completion)
{
	size_t i, n = mg_rowset_count(rs, MG_T_MODULES), ns = mg_rowset_count(rs, MG_T_COURSE_SECTIONS);
	mg_row_course_sections *sec = NULL;
	char buf[1024];

	if (n == 0) {
		mg_row_modules *m = fx_row(rs, MG_T_MODULES);
		m->id = 1;
		m->name = fx_s(rs, "quiz");
	}
	for (i = 0; i < ns; i++) {
		mg_row_course_sections *s = (mg_row_course_sections *)mg_rowset_get(rs, MG_T_COURSE_SECTIONS, i);
		if (s->id == 500 + course) {
			sec = s;
		}
	}
	if (!sec) {
		sec = fx_row(rs, MG_T_COURSE_SECTIONS);
		sec->id = 500 + course;
		sec->course = course;
		sec->section = 1;
	}
	snprintf(buf, sizeof(buf), "%.*s%s%lld", (int)sec->sequence.len, sec->sequence.ptr,
		sec->sequence.len ? "," : "", (long long)cmid);
	sec->sequence = fx_s(rs, buf);
	{
		mg_row_course_modules *cm = fx_row(rs, MG_T_COURSE_MODULES);
		cm->id = cmid;
		cm->course = course;
		cm->module = 1;
		cm->section = 500 + course;
		cm->completion = completion;
	}
}

static inline void fx_completion(mg_rowset *rs, int64_t id, int64_t cmid, int64_t user, int64_t state)
{
	mg_row_course_modules_completion *c = fx_row(rs, MG_T_COURSE_MODULES_COMPLETION);
	c->id = id;
	c->coursemoduleid = cmid;
	c->userid = user;
	c->completionstate = state;
}

static inline void fx_circ(mg_rowset *rs, int64_t id, const char *code)
{
	mg_row_circ *c = fx_row(rs, MG_T_CIRC);
	c->id = id;
	c->code = fx_s(rs, code);
	c->name = fx_s(rs, code);
	c->academie = fx_s(rs, "Lyon");
	c->departement = fx_s(rs, "69");
}

static inline void fx_school(mg_rowset *rs, int64_t id, const char *uai, const char *circ, const char *degre)
{
	mg_row_school *s = fx_row(rs, MG_T_SCHOOL);
	s->id = id;
	s->uai = fx_s(rs, uai);
	s->name = fx_s(rs, uai);
	s->circonscription = fx_s(rs, circ);
	s->academie = fx_s(rs, "Lyon");
	s->departement = fx_s(rs, "69");
	s->degre = fx_s(rs, degre);
	s->secteur = fx_s(rs, "public");
}

static inline void fx_user_school(mg_rowset *rs, int64_t user, const char *uai)
{
	if (mg_rowset_count(rs, MG_T_USER_INFO_FIELD) == 0) {
		mg_row_user_info_field *f = fx_row(rs, MG_T_USER_INFO_FIELD);
		f->id = 1;
		f->shortname = fx_s(rs, "rne");
	}
	{
		mg_row_user_info_data *d = fx_row(rs, MG_T_USER_INFO_DATA);
		d->id = user;
		d->userid = user;
		d->fieldid = 1;
		d->data = fx_s(rs, uai);
	}
}

static inline void fx_mark(mg_rowset *rs, int64_t id, int64_t course, int64_t user, int64_t finished, int64_t minutes)
{
	mg_row_mark *m = fx_row(rs, MG_T_MARK);
	m->id = id;
	m->courseid = course;
	m->userid = user;
	m->finished = finished;
	m->creditedminutes = minutes;
	m->timemodified = 1700000000;
	m->modifiedby = 2;
}

/* Runs a view into JSON; returns a malloc'd string or NULL on failure. */
#include "../json.h"
#include <stdlib.h>

static inline char *fx_dup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);
	if (p) {
		memcpy(p, s, n);
	}
	return p;
}

#endif /* MAGISTERE_CORE_TESTS_FIXTURE_H */
