/*
 * The four role views (R2, R3, R4, R9) and the rules that guard them.
 *
 * Every row a view shows about a person is produced by one function below
 * (emit_progress, emit_trainer_row, emit_inspector_teacher...), and the
 * transparency view (R9) calls those same functions: what it shows a
 * participant is by construction what the other roles see.
 */
#include <stdlib.h>
#include <string.h>

#include "core_private.h"

static const char *const atom_names[MG_A__COUNT] = {
#define MG_ATOM(name) #name,
#include "atoms.h"
#undef MG_ATOM
};

const char *mg_atom_name(mg_atom a)
{
	return (unsigned)a < MG_A__COUNT ? atom_names[a] : "";
}

static mg_status emit_failed(mg_error *err)
{
	if (err && err->code == MG_EEMIT) {
		return MG_EEMIT;
	}
	return mg_error_set(err, MG_EEMIT, "the view could not be written out");
}

/* Completion states as Moodle shows them: 4 (COMPLETION_COMPLETE_FAIL_HIDDEN,
 * a fail on a hidden grade item) is a fail. */
static const mg_atom state_atoms[5] = {
	MG_A_incomplete, MG_A_complete, MG_A_pass, MG_A_fail, MG_A_fail
};

/* ------------------------------------------------------------ rows */

static int emit_person(const mg_emitter *out, const mg_user *u)
{
	EMAP(3);
	EKEY(id); EINT(u->id);
	EKEY(firstname); ESTR(u->firstname);
	EKEY(lastname); ESTR(u->lastname);
	EMAPEND();
	return 0;
emit_fail:
	return -1;
}

static int emit_person_list(const mg_emitter *out, const mg_model *m, const uint32_t *users, size_t n)
{
	size_t i;

	ELIST(n);
	for (i = 0; i < n; i++) {
		EM(emit_person(out, &m->users[users[i]]));
	}
	ELISTEND();
	return 0;
emit_fail:
	return -1;
}

static int emit_viewer(const mg_emitter *out, const mg_user *u, mg_atom role)
{
	EMAP(4);
	EKEY(id); EINT(u->id);
	EKEY(firstname); ESTR(u->firstname);
	EKEY(lastname); ESTR(u->lastname);
	EKEY(role); EATOMV(role);
	EMAPEND();
	return 0;
emit_fail:
	return -1;
}

static int emit_course(const mg_emitter *out, const mg_course *c, int open_only)
{
	EMAP(4);
	EKEY(id); EINT(c->id);
	EKEY(shortname); ESTR(c->shortname);
	EKEY(fullname); ESTR(c->fullname);
	EKEY(duration_minutes); EINTN(c->duration);
	if (!open_only) {
		EMAPEND();
	}
	return 0;
emit_fail:
	return -1;
}

static int emit_school(const mg_emitter *out, const mg_model *m, const mg_user *u, int with_circ)
{
	const mg_school *s;

	if (u->school == MG_NONE) {
		ENULL();
		return 0;
	}
	s = &m->schools[u->school];
	EMAP(with_circ ? 4 : 3);
	EKEY(uai); ESTR(s->uai);
	EKEY(name); ESTR(s->name);
	EKEY(city); ESTR(s->city);
	if (with_circ) {
		EKEY(circonscription);
		if (s->circ == MG_NONE) {
			ENULL();
		} else {
			ESTR(m->circs[s->circ].code);
		}
	}
	EMAPEND();
	return 0;
emit_fail:
	return -1;
}

static int emit_mark(const mg_emitter *out, const mg_model *m, const mg_part *p, int with_by)
{
	const mg_mark *mk = p->mark == MG_NONE ? NULL : &m->marks[p->mark];

	EMAP(with_by ? 4 : 3);
	EKEY(finished); EBOOL(mk && mk->finished);
	EKEY(credited_minutes);
	if (mk && mk->finished) {
		EINTN(mk->credited);
	} else {
		ENULL();
	}
	EKEY(time);
	if (mk) {
		EINT(mk->time);
	} else {
		ENULL();
	}
	if (with_by) {
		EKEY(by);
		if (mk && mk->by) {
			EINT(mk->by);
		} else {
			ENULL();
		}
	}
	EMAPEND();
	return 0;
emit_fail:
	return -1;
}

/* The figures of a progress bar, as Moodle computes them (docs/rules.md):
 * done, tracked, percent, completion_enabled, course_complete. */
static int emit_progress_figures(const mg_emitter *out, const mg_model *m, uint32_t c, uint32_t p)
{
	const mg_course *co = &m->courses[c];
	const mg_part *pa = &m->parts[p];

	EKEY(done); EINT(pa->done);
	EKEY(tracked); EINT(co->nact);
	EKEY(percent); EINTN(mg_model_percent(m, c, p));
	EKEY(completion_enabled); EBOOL(co->completion);
	EKEY(course_complete); EBOOL(co->completion && pa->complete);
	return 0;
emit_fail:
	return -1;
}

/* The participant's own progress (R2): states with activity details. */
static int emit_progress(const mg_emitter *out, const mg_model *m, uint32_t c, uint32_t p)
{
	const mg_course *co = &m->courses[c];
	const uint8_t *row = co->states ? co->states + (size_t)(p - co->pa_first) * co->nact : NULL;
	uint32_t a;

	EMAP(6);
	EM(emit_progress_figures(out, m, c, p));
	EKEY(activities);
	ELIST(co->nact);
	for (a = 0; a < co->nact; a++) {
		const mg_activity *act = &m->acts[co->act_first + a];
		EMAP(4);
		EKEY(cmid); EINT(act->cmid);
		EKEY(module); ESTR(act->module);
		EKEY(section); EINT(act->section);
		EKEY(state); EATOMV(state_atoms[row ? row[a] : 0]);
		EMAPEND();
	}
	ELISTEND();
	EMAPEND();
	return 0;
emit_fail:
	return -1;
}

/* A participant's row in the trainer view (R3). */
static int emit_trainer_row(const mg_emitter *out, const mg_model *m, uint32_t c, uint32_t p)
{
	const mg_course *co = &m->courses[c];
	const mg_part *pa = &m->parts[p];
	const mg_user *u = &m->users[pa->user];
	const uint8_t *row = co->states ? co->states + (size_t)(p - co->pa_first) * co->nact : NULL;
	uint32_t a;

	EMAP(6);
	EKEY(id); EINT(u->id);
	EKEY(firstname); ESTR(u->firstname);
	EKEY(lastname); ESTR(u->lastname);
	EKEY(school); EM(emit_school(out, m, u, 0));
	EKEY(progress);
	EMAP(6);
	EM(emit_progress_figures(out, m, c, p));
	EKEY(states);
	ELIST(co->nact);
	for (a = 0; a < co->nact; a++) {
		EATOMV(state_atoms[row ? row[a] : 0]);
	}
	ELISTEND();
	EMAPEND();
	EKEY(mark); EM(emit_mark(out, m, pa, 1));
	EMAPEND();
	return 0;
emit_fail:
	return -1;
}

/* Does user u belong to one of the circonscriptions in circs[0..n)? */
static bool user_in_circs(const mg_model *m, const mg_user *u, const uint32_t *circs, size_t n)
{
	size_t i;

	if (u->school == MG_NONE || m->schools[u->school].circ == MG_NONE) {
		return false;
	}
	for (i = 0; i < n; i++) {
		if (m->schools[u->school].circ == circs[i]) {
			return true;
		}
	}
	return false;
}

/* A teacher's row in the inspector view (R4): name, school, and for each of
 * his participations (or only the one in `only_course` when not MG_NONE)
 * finished (a training record, whatever the enrolment) or enrolled (a
 * current participant without one), and the credited duration. Never an
 * activity, a state or a percentage. */
static int emit_inspector_teacher(const mg_emitter *out, const mg_model *m, uint32_t u, uint32_t only_course)
{
	const mg_user *usr = &m->users[u];
	uint32_t k, n = 0;

	for (k = m->upart_first[u]; k < m->upart_first[u + 1]; k++) {
		if (only_course == MG_NONE || m->uparts[k].course == only_course) {
			n++;
		}
	}
	EMAP(5);
	EKEY(id); EINT(usr->id);
	EKEY(firstname); ESTR(usr->firstname);
	EKEY(lastname); ESTR(usr->lastname);
	EKEY(school); EM(emit_school(out, m, usr, 1));
	EKEY(enrolments);
	ELIST(n);
	for (k = m->upart_first[u]; k < m->upart_first[u + 1]; k++) {
		const mg_upart *up = &m->uparts[k];
		const mg_part *pa = &m->parts[up->part];
		const mg_mark *mk = pa->mark == MG_NONE ? NULL : &m->marks[pa->mark];
		bool fin = mg_model_is_record(m, up->part);

		if (only_course != MG_NONE && up->course != only_course) {
			continue;
		}
		EMAP(3);
		EKEY(courseid); EINT(m->courses[up->course].id);
		EKEY(status);
		if (fin) {
			EATOM(finished);
		} else {
			EATOM(enrolled);
		}
		EKEY(credited_minutes);
		if (fin) {
			EINTN(mk->credited);
		} else {
			ENULL();
		}
		EMAPEND();
	}
	ELISTEND();
	EMAPEND();
	return 0;
emit_fail:
	return -1;
}

/* ------------------------------------------------------- access checks */

static mg_status find_course_user(const mg_model *m, int64_t userid, int64_t courseid,
	uint32_t *c, uint32_t *u, mg_error *err)
{
	*c = mg_model_course(m, courseid);
	if (*c == MG_NONE) {
		return mg_error_set(err, MG_ENOTFOUND, "no parcours with id %lld", (long long)courseid);
	}
	*u = mg_model_user(m, userid);
	if (*u == MG_NONE) {
		return mg_error_set(err, MG_ENOTFOUND, "no user with id %lld", (long long)userid);
	}
	return MG_OK;
}

static mg_status require_participant(const mg_model *m, int64_t userid, int64_t courseid,
	const char *why, uint32_t *c, uint32_t *u, uint32_t *p, mg_error *err)
{
	mg_status st = find_course_user(m, userid, courseid, c, u, err);

	if (st != MG_OK) {
		return st;
	}
	*p = mg_model_find_part(m, *c, *u);
	if (*p == MG_NONE || !m->parts[*p].current) {
		return mg_error_set(err, MG_EACCESS,
			"user %lld is not a participant of parcours %lld: %s",
			(long long)userid, (long long)courseid, why);
	}
	return MG_OK;
}

/* --------------------------------------------------------------- views */

mg_status mg_view_participant(const mg_model *m, int64_t viewerid, int64_t courseid,
	const mg_emitter *out, mg_error *err)
{
	uint32_t c, u, p, k;
	const mg_course *co;
	mg_status st = require_participant(m, viewerid, courseid,
		"only its participants see the participant view (R1, R2)", &c, &u, &p, err);

	if (st != MG_OK) {
		return st;
	}
	co = &m->courses[c];
	EMAP(6);
	EKEY(course); EM(emit_course(out, co, 0));
	EKEY(viewer); EM(emit_viewer(out, &m->users[u], MG_A_participant));
	EKEY(trainers); EM(emit_person_list(out, m, m->trainers + co->tr_first, co->ntr));
	EKEY(participants);
	ELIST(co->ncur);
	for (k = 0; k < co->npa; k++) {
		if (m->parts[co->pa_first + k].current) {
			EM(emit_person(out, &m->users[m->parts[co->pa_first + k].user]));
		}
	}
	ELISTEND();
	EKEY(progress); EM(emit_progress(out, m, c, p));
	EKEY(mark); EM(emit_mark(out, m, &m->parts[p], 0));
	EMAPEND();
	return MG_OK;
emit_fail:
	return emit_failed(err);
}

mg_status mg_view_trainer(const mg_model *m, int64_t viewerid, int64_t courseid,
	const mg_emitter *out, mg_error *err)
{
	uint32_t c, u, k, finished = 0;
	const mg_course *co;
	mg_status st = find_course_user(m, viewerid, courseid, &c, &u, err);

	if (st != MG_OK) {
		return st;
	}
	if (!mg_model_is_trainer(m, c, u)) {
		return mg_error_set(err, MG_EACCESS,
			"user %lld is not a trainer of parcours %lld: only its trainers see the participants' progress (R1, R3)",
			(long long)viewerid, (long long)courseid);
	}
	co = &m->courses[c];
	EMAP(6);
	EKEY(course); EM(emit_course(out, co, 0));
	EKEY(viewer); EM(emit_viewer(out, &m->users[u], MG_A_trainer));
	EKEY(activities);
	ELIST(co->nact);
	for (k = 0; k < co->nact; k++) {
		const mg_activity *act = &m->acts[co->act_first + k];
		EMAP(3);
		EKEY(cmid); EINT(act->cmid);
		EKEY(module); ESTR(act->module);
		EKEY(section); EINT(act->section);
		EMAPEND();
	}
	ELISTEND();
	EKEY(trainers); EM(emit_person_list(out, m, m->trainers + co->tr_first, co->ntr));
	EKEY(participants);
	ELIST(co->ncur);
	for (k = 0; k < co->npa; k++) {
		const mg_part *pa = &m->parts[co->pa_first + k];
		if (!pa->current) {
			continue; /* a former participant with a record: not in the parcours (R1) */
		}
		if (pa->mark != MG_NONE && m->marks[pa->mark].finished) {
			finished++;
		}
		EM(emit_trainer_row(out, m, c, co->pa_first + k));
	}
	ELISTEND();
	EKEY(summary);
	EMAP(2);
	EKEY(participants); EINT(co->ncur);
	EKEY(finished); EINT(finished);
	EMAPEND();
	EMAPEND();
	return MG_OK;
emit_fail:
	return emit_failed(err);
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : (x > y ? 1 : 0);
}

static _Thread_local const mg_model *sort_m;

/* People by name (mg_name_cmp of last, then first name), then id; courses by
 * full name, then id: the model's ranks, computed once per build. */
static int cmp_teacher(const void *a, const void *b)
{
	uint32_t x = sort_m->user_rank[*(const uint32_t *)a], y = sort_m->user_rank[*(const uint32_t *)b];

	return x < y ? -1 : (x > y ? 1 : 0);
}

static int cmp_course(const void *a, const void *b)
{
	uint32_t x = sort_m->course_rank[*(const uint32_t *)a], y = sort_m->course_rank[*(const uint32_t *)b];

	return x < y ? -1 : (x > y ? 1 : 0);
}

mg_status mg_view_inspector(const mg_model *m, int64_t viewerid, mg_str circ,
	const mg_emitter *out, mg_error *err)
{
	uint32_t v = mg_model_user(m, viewerid);
	uint32_t *circs = NULL, *teachers = NULL, *courses = NULL;
	uint8_t *course_used = NULL;
	size_t ncircs = 0, nteachers = 0, ncourses = 0, i;
	int64_t enrolments = 0, finished = 0, credited = 0;
	mg_status st = MG_OK;

	if (v == MG_NONE) {
		return mg_error_set(err, MG_ENOTFOUND, "no user with id %lld", (long long)viewerid);
	}
	circs = mg_malloc((m->ninspectors ? m->ninspectors : 1) * sizeof(uint32_t));
	if (!circs) {
		return mg_error_set(err, MG_ENOMEM, "out of memory");
	}
	for (i = 0; i < m->ninspectors; i++) {
		if (m->inspectors[i].user == v) {
			circs[ncircs++] = m->inspectors[i].circ;
		}
	}
	if (ncircs == 0) {
		mg_free(circs);
		return mg_error_set(err, MG_EACCESS,
			"user %lld is not an inspector: the circonscription view is for the inspectors (IEN) only (R4)",
			(long long)viewerid);
	}
	circ = mg_str_trim(circ);
	if (circ.len) {
		uint32_t ci;
		bool mine = false;
		char folded[65];
		size_t f;
		for (f = 0; f < circ.len && f < 64; f++) {
			char ch = circ.ptr[f];
			folded[f] = (char)(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
		}
		if (circ.len > 64 || !mg_smap_get(&m->circ_by_code, (mg_str){ folded, f }, &ci)) {
			mg_free(circs);
			return mg_error_set(err, MG_ENOTFOUND, "no circonscription with code \"%.*s\"",
				(int)(circ.len > 64 ? 64 : circ.len), circ.ptr);
		}
		for (i = 0; i < ncircs; i++) {
			mine = mine || circs[i] == ci;
		}
		if (!mine) {
			mg_free(circs);
			return mg_error_set(err, MG_EACCESS,
				"user %lld is not the inspector of circonscription %.*s: an inspector sees his own circonscription only (R4)",
				(long long)viewerid, (int)(circ.len > 64 ? 64 : circ.len), circ.ptr);
		}
		circs[0] = ci;
		ncircs = 1;
	}
	qsort(circs, ncircs, sizeof(uint32_t), cmp_u32);

	teachers = mg_malloc((m->nusers ? m->nusers : 1) * sizeof(uint32_t));
	course_used = mg_calloc(m->ncourses ? m->ncourses : 1, 1);
	courses = mg_malloc((m->ncourses ? m->ncourses : 1) * sizeof(uint32_t));
	if (!teachers || !course_used || !courses) {
		st = mg_error_set(err, MG_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < m->nusers; i++) {
		uint32_t k;
		if (m->upart_first[i] == m->upart_first[i + 1] || !user_in_circs(m, &m->users[i], circs, ncircs)) {
			continue;
		}
		teachers[nteachers++] = (uint32_t)i;
		for (k = m->upart_first[i]; k < m->upart_first[i + 1]; k++) {
			const mg_part *pa = &m->parts[m->uparts[k].part];
			course_used[m->uparts[k].course] = 1;
			enrolments++;
			if (mg_model_is_record(m, m->uparts[k].part)) {
				finished++;
				if (m->marks[pa->mark].credited != MG_NULL_INT) {
					credited += m->marks[pa->mark].credited;
				}
			}
		}
	}
	for (i = 0; i < m->ncourses; i++) {
		if (course_used[i]) {
			courses[ncourses++] = (uint32_t)i;
		}
	}
	sort_m = m;
	qsort(teachers, nteachers, sizeof(uint32_t), cmp_teacher);
	qsort(courses, ncourses, sizeof(uint32_t), cmp_course);
	sort_m = NULL;

	EMAP(5);
	EKEY(viewer); EM(emit_viewer(out, &m->users[v], MG_A_inspector));
	EKEY(circonscriptions);
	ELIST(ncircs);
	for (i = 0; i < ncircs; i++) {
		const mg_circ *c = &m->circs[circs[i]];
		EMAP(4);
		EKEY(code); ESTR(c->code);
		EKEY(name); ESTR(c->name);
		EKEY(departement); ESTR(c->departement);
		EKEY(academie); ESTR(c->academie);
		EMAPEND();
	}
	ELISTEND();
	EKEY(parcours);
	ELIST(ncourses);
	for (i = 0; i < ncourses; i++) {
		const mg_course *co = &m->courses[courses[i]];
		EM(emit_course(out, co, 1));
		EKEY(trainers); EM(emit_person_list(out, m, m->trainers + co->tr_first, co->ntr));
		EMAPEND();
	}
	ELISTEND();
	EKEY(teachers);
	ELIST(nteachers);
	for (i = 0; i < nteachers; i++) {
		EM(emit_inspector_teacher(out, m, teachers[i], MG_NONE));
	}
	ELISTEND();
	EKEY(summary);
	EMAP(4);
	EKEY(teachers); EINT((int64_t)nteachers);
	EKEY(enrolments); EINT(enrolments);
	EKEY(finished); EINT(finished);
	EKEY(credited_minutes); EINT(credited);
	EMAPEND();
	EMAPEND();
	goto done;
emit_fail:
	st = emit_failed(err);
done:
	mg_free(circs);
	mg_free(teachers);
	mg_free(course_used);
	mg_free(courses);
	return st;
}

mg_status mg_view_transparency(const mg_model *m, int64_t userid, int64_t courseid,
	const mg_emitter *out, mg_error *err)
{
	uint32_t c, u, p, k;
	const mg_course *co;
	const mg_user *usr;
	uint32_t circ = MG_NONE;
	size_t ninsp = 0, d;
	uint32_t *insp = NULL;
	mg_status st = require_participant(m, userid, courseid,
		"the transparency page is for the participants of the parcours (R1, R9)", &c, &u, &p, err);
	static const mg_dim dims[] = {
		MG_DIM_ACADEMIE, MG_DIM_DEPARTEMENT, MG_DIM_CIRCONSCRIPTION, MG_DIM_DEGRE, MG_DIM_SECTEUR, MG_DIM_PARCOURS
	};
	static const mg_atom dim_atoms[] = {
		MG_A_academie, MG_A_departement, MG_A_circonscription, MG_A_degre, MG_A_secteur, MG_A_parcours
	};

	if (st != MG_OK) {
		return st;
	}
	co = &m->courses[c];
	usr = &m->users[u];
	if (usr->school != MG_NONE) {
		circ = m->schools[usr->school].circ;
	}
	insp = mg_malloc((m->ninspectors ? m->ninspectors : 1) * sizeof(uint32_t));
	if (!insp) {
		return mg_error_set(err, MG_ENOMEM, "out of memory");
	}
	for (k = 0; k < m->ninspectors; k++) {
		if (circ != MG_NONE && m->inspectors[k].circ == circ) {
			insp[ninsp++] = m->inspectors[k].user;
		}
	}
	sort_m = m;
	qsort(insp, ninsp, sizeof(uint32_t), cmp_teacher);
	sort_m = NULL;

	EMAP(8);
	EKEY(user); EM(emit_person(out, usr));
	EKEY(course); EM(emit_course(out, co, 0));
	EKEY(self);
	EMAP(3);
	EKEY(school); EM(emit_school(out, m, usr, 0));
	EKEY(progress); EM(emit_progress(out, m, c, p));
	EKEY(mark); EM(emit_mark(out, m, &m->parts[p], 0));
	EMAPEND();
	EKEY(participants); EM(emit_person(out, usr));
	EKEY(trainers);
	EMAP(2);
	EKEY(who); EM(emit_person_list(out, m, m->trainers + co->tr_first, co->ntr));
	EKEY(sees); EM(emit_trainer_row(out, m, c, p));
	EMAPEND();
	EKEY(inspectors);
	EMAP(2);
	EKEY(who); EM(emit_person_list(out, m, insp, ninsp));
	EKEY(sees);
	if (circ == MG_NONE) {
		ENULL();
	} else {
		EM(emit_inspector_teacher(out, m, u, c));
	}
	EMAPEND();
	EKEY(ministry);
	EMAP(2);
	EKEY(sees); EATOM(statistics);
	EKEY(counted_in);
	EMAP(MG_DIM__COUNT);
	for (d = 0; d < sizeof(dims) / sizeof(dims[0]); d++) {
		mg_str v = mg_stats_dim_value(m, u, c, dims[d]);
		EM(out->key(out->ctx, dim_atoms[d]));
		ESTR(v);
	}
	EMAPEND();
	EMAPEND();
	EKEY(never);
	ELIST(5);
	EATOM(connection_time);
	EATOM(last_access);
	EATOM(clicks);
	EATOM(pages_viewed);
	EATOM(resources_viewed);
	ELISTEND();
	EMAPEND();
	mg_free(insp);
	return MG_OK;
emit_fail:
	mg_free(insp);
	return emit_failed(err);
}

/* A course for "my trainings": the common course map plus its visibility
 * (a hidden parcours stays in the list of what one followed). */
static int emit_course_visible(const mg_emitter *out, const mg_course *c)
{
	EM(emit_course(out, c, 1));
	EKEY(visible); EBOOL(c->visible);
	EMAPEND();
	return 0;
emit_fail:
	return -1;
}

mg_status mg_view_my_trainings(const mg_model *m, int64_t userid, const mg_emitter *out, mg_error *err)
{
	uint32_t u = mg_model_user(m, userid), k;
	uint32_t *parts = NULL, *trains = NULL;
	size_t nparts = 0, ntrains = 0, i;
	int64_t finished = 0, credited = 0;
	mg_status st = MG_OK;

	if (u == MG_NONE) {
		return mg_error_set(err, MG_ENOTFOUND, "no user with id %lld", (long long)userid);
	}
	parts = mg_malloc(((size_t)(m->upart_first[u + 1] - m->upart_first[u]) + 1) * sizeof(uint32_t));
	trains = mg_malloc((m->ncourses ? m->ncourses : 1) * sizeof(uint32_t));
	if (!parts || !trains) {
		st = mg_error_set(err, MG_ENOMEM, "out of memory");
		goto done;
	}
	for (k = m->upart_first[u]; k < m->upart_first[u + 1]; k++) {
		parts[nparts++] = m->uparts[k].course;
		if (mg_model_is_record(m, m->uparts[k].part)) {
			const mg_mark *mk = &m->marks[m->parts[m->uparts[k].part].mark];
			finished++;
			if (mk->credited != MG_NULL_INT) {
				credited += mk->credited;
			}
		}
	}
	for (i = 0; i < m->ncourses; i++) {
		if (mg_model_is_trainer(m, (uint32_t)i, u)) {
			trains[ntrains++] = (uint32_t)i;
		}
	}
	sort_m = m;
	qsort(parts, nparts, sizeof(uint32_t), cmp_course);
	qsort(trains, ntrains, sizeof(uint32_t), cmp_course);
	sort_m = NULL;

	EMAP(4);
	EKEY(user); EM(emit_person(out, &m->users[u]));
	EKEY(participations);
	ELIST(nparts);
	for (i = 0; i < nparts; i++) {
		uint32_t c = parts[i], p = mg_model_find_part(m, c, u);
		const mg_part *pa = &m->parts[p];
		bool rec = mg_model_is_record(m, p);

		EMAP(5);
		EKEY(course); EM(emit_course_visible(out, &m->courses[c]));
		EKEY(status);
		if (rec) {
			EATOM(finished);
		} else {
			EATOM(enrolled);
		}
		EKEY(current); EBOOL(pa->current);
		EKEY(mark); EM(emit_mark(out, m, pa, 0));
		EKEY(progress);
		if (pa->current) {
			EMAP(5);
			EM(emit_progress_figures(out, m, c, p));
			EMAPEND();
		} else {
			ENULL(); /* Moodle tracks no progress for someone no longer enrolled */
		}
		EMAPEND();
	}
	ELISTEND();
	EKEY(trainer);
	ELIST(ntrains);
	for (i = 0; i < ntrains; i++) {
		const mg_course *co = &m->courses[trains[i]];
		int64_t fin = 0;
		for (k = 0; k < co->npa; k++) {
			if (m->parts[co->pa_first + k].current && mg_model_is_record(m, co->pa_first + k)) {
				fin++;
			}
		}
		EMAP(2);
		EKEY(course); EM(emit_course_visible(out, co));
		EKEY(summary);
		EMAP(2);
		EKEY(participants); EINT(co->ncur);
		EKEY(finished); EINT(fin);
		EMAPEND();
		EMAPEND();
	}
	ELISTEND();
	EKEY(summary);
	EMAP(3);
	EKEY(participations); EINT((int64_t)nparts);
	EKEY(finished); EINT(finished);
	EKEY(credited_minutes); EINT(credited);
	EMAPEND();
	EMAPEND();
	goto done;
emit_fail:
	st = emit_failed(err);
done:
	mg_free(parts);
	mg_free(trains);
	return st;
}

/* ------------------------------------------------------- data quality */

static int cmp_anomaly(const void *a, const void *b)
{
	const mg_anomaly *x = a, *y = b;
	int r;

	if (x->table != y->table) {
		return x->table < y->table ? -1 : 1;
	}
	if (x->id != y->id) {
		return x->id < y->id ? -1 : 1;
	}
	r = strcmp(x->field, y->field);
	if (r) {
		return r;
	}
	if (x->problem != y->problem) {
		return x->problem < y->problem ? -1 : 1;
	}
	return strcmp(x->message, y->message);
}

static int cmp_anomaly_count(const void *a, const void *b)
{
	const mg_anomaly_count *x = a, *y = b;
	int r;

	if (x->table != y->table) {
		return x->table < y->table ? -1 : 1;
	}
	r = strcmp(x->field, y->field);
	if (r) {
		return r;
	}
	return x->problem < y->problem ? -1 : (x->problem > y->problem ? 1 : 0);
}

static int emit_cstr(const mg_emitter *out, const char *s)
{
	return out->v_str(out->ctx, s, strlen(s));
}

mg_status mg_view_data_quality(const mg_model *m, size_t limit, const mg_emitter *out, mg_error *err)
{
	size_t na = m->anomalies.len, nc = m->anomaly_counts.len, i;
	mg_anomaly *as = mg_malloc((na ? na : 1) * sizeof(mg_anomaly));
	mg_anomaly_count *cs = mg_malloc((nc ? nc : 1) * sizeof(mg_anomaly_count));
	mg_status st = MG_OK;

	if (!as || !cs) {
		mg_free(as);
		mg_free(cs);
		return mg_error_set(err, MG_ENOMEM, "out of memory");
	}
	if (na) {
		memcpy(as, m->anomalies.data, na * sizeof(mg_anomaly));
	}
	if (nc) {
		memcpy(cs, m->anomaly_counts.data, nc * sizeof(mg_anomaly_count));
	}
	qsort(as, na, sizeof(mg_anomaly), cmp_anomaly);
	qsort(cs, nc, sizeof(mg_anomaly_count), cmp_anomaly_count);
	if (limit > na) {
		limit = na;
	}
	EMAP(3);
	EKEY(total); EINT((int64_t)m->nanomalies);
	EKEY(counts);
	ELIST(nc);
	for (i = 0; i < nc; i++) {
		EMAP(4);
		EKEY(table); EM(emit_cstr(out, mg_tables[cs[i].table].name));
		EKEY(field); EM(emit_cstr(out, cs[i].field));
		EKEY(problem); EM(emit_cstr(out, mg_problem_name(cs[i].problem)));
		EKEY(count); EINT((int64_t)cs[i].count);
		EMAPEND();
	}
	ELISTEND();
	EKEY(anomalies);
	ELIST(limit);
	for (i = 0; i < limit; i++) {
		EMAP(5);
		EKEY(table); EM(emit_cstr(out, mg_tables[as[i].table].name));
		EKEY(id); EINT(as[i].id);
		EKEY(field); EM(emit_cstr(out, as[i].field));
		EKEY(problem); EM(emit_cstr(out, mg_problem_name(as[i].problem)));
		EKEY(message); EM(emit_cstr(out, as[i].message));
		EMAPEND();
	}
	ELISTEND();
	EMAPEND();
	goto done;
emit_fail:
	st = emit_failed(err);
done:
	mg_free(as);
	mg_free(cs);
	return st;
}
