/*
 * Checks a rowset and builds the dense model: who is who in each parcours
 * (active enrolment + role at course context), tracked activities in course
 * order, the completion state matrix of each parcours, marks, schools,
 * circonscriptions and inspectors.
 */
#include <stdlib.h>
#include <string.h>

#include "core_private.h"

/* ------------------------------------------------------------- settings */

void mg_settings_defaults(mg_settings *s, int64_t now)
{
	static const char *const trainers[] = { "formateur", "tuteur", "editingteacher", "teacher" };
	static const char *const participants[] = { "participant", "student" };
	size_t i;

	memset(s, 0, sizeof(*s));
	for (i = 0; i < 4; i++) {
		s->trainer_roles[i] = (mg_str){ trainers[i], strlen(trainers[i]) };
	}
	s->ntrainer_roles = 4;
	for (i = 0; i < 2; i++) {
		s->participant_roles[i] = (mg_str){ participants[i], strlen(participants[i]) };
	}
	s->nparticipant_roles = 2;
	s->school_field = (mg_str){ "rne", 3 };
	s->duration_field = (mg_str){ "magistere_duration", 18 };
	s->k = MG_K_DEFAULT;
	s->now = now;
}

mg_status mg_settings_check_k(int64_t k, mg_error *err)
{
	if (k < MG_K_MIN) {
		return mg_error_set(err, MG_ESETTINGS, "k must be at least %d (got %lld): below that a statistics cell could single out people",
			MG_K_MIN, (long long)k);
	}
	return MG_OK;
}

mg_status mg_settings_check(const mg_settings *s, mg_error *err)
{
	size_t i;

	if (mg_settings_check_k(s->k, err) != MG_OK) {
		return MG_ESETTINGS;
	}
	if (s->ntrainer_roles == 0) {
		return mg_error_set(err, MG_ESETTINGS, "trainer_roles must name at least one role");
	}
	if (s->nparticipant_roles == 0) {
		return mg_error_set(err, MG_ESETTINGS, "participant_roles must name at least one role");
	}
	for (i = 0; i < s->ntrainer_roles; i++) {
		if (s->trainer_roles[i].len == 0) {
			return mg_error_set(err, MG_ESETTINGS, "trainer_roles holds an empty role shortname");
		}
	}
	for (i = 0; i < s->nparticipant_roles; i++) {
		size_t j;
		if (s->participant_roles[i].len == 0) {
			return mg_error_set(err, MG_ESETTINGS, "participant_roles holds an empty role shortname");
		}
		for (j = 0; j < s->ntrainer_roles; j++) {
			if (mg_str_eq(s->participant_roles[i], s->trainer_roles[j])) {
				return mg_error_set(err, MG_ESETTINGS, "role \"%.*s\" cannot be both a trainer and a participant role",
					(int)s->participant_roles[i].len, s->participant_roles[i].ptr);
			}
		}
	}
	if (s->school_field.len == 0) {
		return mg_error_set(err, MG_ESETTINGS, "school_field must not be empty");
	}
	if (s->duration_field.len == 0) {
		return mg_error_set(err, MG_ESETTINGS, "duration_field must not be empty");
	}
	return MG_OK;
}

/* ------------------------------------------------------------- helpers */

#define ROWS(rs, tid, type) ((const type *)mg_rowset_get((rs), (tid), 0))
#define COUNT(rs, tid) mg_rowset_count((rs), (tid))
#define TNAME(tid) (mg_tables[tid].name)

typedef struct build {
	const mg_rowset *rs;
	mg_model *m;
	mg_error *err;
	/* id -> row index, per table */
	mg_imap idx[MG_T__COUNT];
	mg_imap member;            /* (course, user) -> index into members */
	mg_vec members;            /* struct member */
	uint8_t *role_kind;        /* per role row */
	uint32_t *cm_act;          /* per course_modules row: activity index or MG_NONE */
	uint32_t *cm_course;       /* per course_modules row: course index */
} build;

typedef struct member {
	uint32_t course, user;
	uint8_t enrolled;          /* an active enrolment */
	uint8_t role;              /* highest mg_role_kind */
	uint32_t part;             /* index into parts once placed */
} member;

static mg_status oom(build *b)
{
	return mg_error_set(b->err, MG_ENOMEM, "out of memory while building the model");
}

/* Indexes a table's rows by `id` (first field); duplicate ids are errors. */
static mg_status index_ids(build *b, mg_table_id t)
{
	size_t i, n = COUNT(b->rs, t);

	if (mg_imap_init(&b->idx[t], n) != MG_OK) {
		return oom(b);
	}
	for (i = 0; i < n; i++) {
		const int64_t *row = mg_rowset_get(b->rs, t, i); /* key, id, ... */
		uint32_t prev;
		int r = mg_imap_put(&b->idx[t], row[1], (uint32_t)i, &prev);

		if (r < 0) {
			return oom(b);
		}
		if (r == 0) {
			const int64_t *first = mg_rowset_get(b->rs, t, prev);
			return mg_error_data(b->err, TNAME(t), row[0], "id",
				"duplicate id %lld (already in row %lld)", (long long)row[1], (long long)first[0]);
		}
	}
	return MG_OK;
}

/* Resolves a reference to table `to`; error when dangling. */
static mg_status ref(build *b, mg_table_id from, int64_t key, const char *field,
	mg_table_id to, int64_t id, uint32_t *out)
{
	if (!mg_imap_get(&b->idx[to], id, out)) {
		return mg_error_data(b->err, TNAME(from), key, field, "%lld is no %s.id",
			(long long)id, TNAME(to));
	}
	return MG_OK;
}

/* A pair key for uniqueness checks of (a, b) with both ids below 2^31. */
static mg_status check_unique_pair(build *b, mg_imap *seen, mg_table_id t, int64_t key,
	const char *what, int64_t x, int64_t y, size_t rowi)
{
	uint32_t prev;
	int r;
	int64_t k;

	if (x < 0 || y < 0 || x > INT32_MAX || y > INT32_MAX) {
		return mg_error_data(b->err, TNAME(t), key, NULL, "%s (%lld, %lld) out of range",
			what, (long long)x, (long long)y);
	}
	k = x * ((int64_t)INT32_MAX + 1) + y;
	r = mg_imap_put(seen, k, (uint32_t)rowi, &prev);
	if (r < 0) {
		return oom(b);
	}
	if (r == 0) {
		const int64_t *first = mg_rowset_get(b->rs, t, prev);
		return mg_error_data(b->err, TNAME(t), key, NULL, "duplicate %s (%lld, %lld) (already in row %lld)",
			what, (long long)x, (long long)y, (long long)first[0]);
	}
	return MG_OK;
}

static bool role_in(mg_str s, const mg_str *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (mg_str_eq(s, list[i])) {
			return true;
		}
	}
	return false;
}

/* Parses a non-negative whole number of minutes: "90", " 90 ", "90.000". */
static bool parse_minutes(mg_str s, int64_t *out, bool *empty, bool *negative)
{
	size_t i = 0;
	int64_t v = 0;

	s = mg_str_trim(s);
	*empty = s.len == 0;
	*negative = false;
	if (*empty) {
		return true;
	}
	if (s.ptr[0] == '-') {
		*negative = true;
		i = 1;
	} else if (s.ptr[0] == '+') {
		i = 1;
	}
	if (i >= s.len || s.ptr[i] < '0' || s.ptr[i] > '9') {
		return false;
	}
	for (; i < s.len && s.ptr[i] >= '0' && s.ptr[i] <= '9'; i++) {
		if (v > (INT32_MAX - 9) / 10) {
			return false;
		}
		v = v * 10 + (s.ptr[i] - '0');
	}
	if (i < s.len && s.ptr[i] == '.') {
		for (i++; i < s.len; i++) {
			if (s.ptr[i] != '0') {
				return false;
			}
		}
	}
	if (i != s.len) {
		return false;
	}
	*out = v;
	return true;
}

static mg_str upper_trim(mg_arena *a, mg_str s, bool *oom_flag)
{
	char *p;
	size_t i;

	s = mg_str_trim(s);
	if (s.len == 0) {
		return MG_STR_NULL;
	}
	p = mg_arena_strndup(a, s.ptr, s.len);
	if (!p) {
		*oom_flag = true;
		return MG_STR_NULL;
	}
	for (i = 0; i < s.len; i++) {
		if (p[i] >= 'a' && p[i] <= 'z') {
			p[i] = (char)(p[i] - 32);
		}
	}
	return (mg_str){ p, s.len };
}

/* ------------------------------------------------------ sorting people */

static _Thread_local const mg_model *sort_model; /* qsort has no context argument in C11 */

static int cmp_users(uint32_t a, uint32_t b)
{
	const mg_user *ua = &sort_model->users[a], *ub = &sort_model->users[b];
	int r = mg_name_cmp(ua->lastname, ub->lastname);

	if (r) {
		return r;
	}
	r = mg_name_cmp(ua->firstname, ub->firstname);
	if (r) {
		return r;
	}
	return ua->id < ub->id ? -1 : (ua->id > ub->id ? 1 : 0);
}

static int cmp_user_idx(const void *a, const void *b)
{
	return cmp_users(*(const uint32_t *)a, *(const uint32_t *)b);
}

static int cmp_parts(const void *a, const void *b)
{
	return cmp_users(((const mg_part *)a)->user, ((const mg_part *)b)->user);
}

static int cmp_acts(const void *a, const void *b)
{
	const mg_activity *x = a, *y = b;

	if (x->section != y->section) {
		return x->section < y->section ? -1 : 1;
	}
	if (x->order_pos != y->order_pos) {
		return x->order_pos < y->order_pos ? -1 : 1;
	}
	return x->cmid < y->cmid ? -1 : (x->cmid > y->cmid ? 1 : 0);
}

/* ---------------------------------------------------------------- steps */

static mg_status build_circs_schools(build *b)
{
	mg_model *m = b->m;
	const mg_rowset *rs = b->rs;
	size_t i, nc = COUNT(rs, MG_T_CIRC), ns = COUNT(rs, MG_T_SCHOOL);
	const mg_row_circ *circ = ROWS(rs, MG_T_CIRC, mg_row_circ);
	const mg_row_school *sch = ROWS(rs, MG_T_SCHOOL, mg_row_school);
	mg_smap by_uai;
	bool o = false;

	m->circs = mg_arena_calloc(&m->arena, nc ? nc : 1, sizeof(mg_circ));
	m->schools = mg_arena_calloc(&m->arena, ns ? ns : 1, sizeof(mg_school));
	if (!m->circs || !m->schools || mg_smap_init(&m->circ_by_code, nc) != MG_OK) {
		return oom(b);
	}
	for (i = 0; i < nc; i++) {
		mg_circ *c = &m->circs[i];
		uint32_t prev;
		int r;

		c->code = mg_str_trim(circ[i].code);
		if (c->code.len == 0) {
			return mg_error_data(b->err, TNAME(MG_T_CIRC), circ[i].key, "code", "must not be empty");
		}
		c->name = circ[i].name;
		c->departement = circ[i].departement;
		c->academie = circ[i].academie;
		r = mg_smap_put(&m->circ_by_code, c->code, (uint32_t)i, &prev);
		if (r < 0) {
			return oom(b);
		}
		if (r == 0) {
			return mg_error_data(b->err, TNAME(MG_T_CIRC), circ[i].key, "code",
				"duplicate circonscription code \"%.*s\" (already in row %lld)",
				(int)c->code.len, c->code.ptr, (long long)circ[prev].key);
		}
	}
	m->ncircs = nc;

	if (mg_smap_init(&by_uai, ns) != MG_OK) {
		return oom(b);
	}
	for (i = 0; i < ns; i++) {
		mg_school *s = &m->schools[i];
		uint32_t prev;
		int r;
		mg_str circcode = mg_str_trim(sch[i].circonscription);

		s->uai = upper_trim(&m->arena, sch[i].uai, &o);
		if (o) {
			mg_smap_free(&by_uai);
			return oom(b);
		}
		if (s->uai.len == 0) {
			mg_smap_free(&by_uai);
			return mg_error_data(b->err, TNAME(MG_T_SCHOOL), sch[i].key, "uai", "must not be empty");
		}
		s->name = sch[i].name;
		s->city = sch[i].city;
		s->departement = sch[i].departement;
		s->academie = sch[i].academie;
		s->degre = sch[i].degre;
		s->secteur = sch[i].secteur;
		if (!(s->degre.len == 0 || mg_str_eq_c(s->degre, "1D") || mg_str_eq_c(s->degre, "2D"))) {
			mg_smap_free(&by_uai);
			return mg_error_data(b->err, TNAME(MG_T_SCHOOL), sch[i].key, "degre",
				"\"%.*s\" is not 1D, 2D or empty", (int)s->degre.len, s->degre.ptr);
		}
		if (!(s->secteur.len == 0 || mg_str_eq_c(s->secteur, "public") || mg_str_eq_c(s->secteur, "prive"))) {
			mg_smap_free(&by_uai);
			return mg_error_data(b->err, TNAME(MG_T_SCHOOL), sch[i].key, "secteur",
				"\"%.*s\" is not public, prive or empty", (int)s->secteur.len, s->secteur.ptr);
		}
		if (!mg_smap_get(&m->circ_by_code, circcode, &s->circ)) {
			mg_smap_free(&by_uai);
			return mg_error_data(b->err, TNAME(MG_T_SCHOOL), sch[i].key, "circonscription",
				"\"%.*s\" is no local_magistere_circ.code", (int)circcode.len, circcode.ptr);
		}
		r = mg_smap_put(&by_uai, s->uai, (uint32_t)i, &prev);
		if (r < 0) {
			mg_smap_free(&by_uai);
			return oom(b);
		}
		if (r == 0) {
			int64_t k = sch[prev].key;
			mg_smap_free(&by_uai);
			return mg_error_data(b->err, TNAME(MG_T_SCHOOL), sch[i].key, "uai",
				"duplicate UAI \"%.*s\" (already in row %lld)", (int)s->uai.len, s->uai.ptr, (long long)k);
		}
	}
	m->nschools = ns;

	/* users' schools, from the school profile field */
	{
		size_t nf = COUNT(rs, MG_T_USER_INFO_FIELD), nd = COUNT(rs, MG_T_USER_INFO_DATA);
		const mg_row_user_info_field *uif = ROWS(rs, MG_T_USER_INFO_FIELD, mg_row_user_info_field);
		const mg_row_user_info_data *uid = ROWS(rs, MG_T_USER_INFO_DATA, mg_row_user_info_data);
		int64_t fieldid = MG_NULL_INT;
		mg_imap seen;
		mg_smap names;
		mg_status st = MG_OK;

		if (mg_smap_init(&names, nf) != MG_OK) {
			mg_smap_free(&by_uai);
			return oom(b);
		}
		for (i = 0; i < nf; i++) {
			uint32_t prev;
			int r = mg_smap_put(&names, uif[i].shortname, (uint32_t)i, &prev);
			if (r < 0) {
				st = oom(b);
				break;
			}
			if (r == 0) {
				st = mg_error_data(b->err, TNAME(MG_T_USER_INFO_FIELD), uif[i].key, "shortname",
					"duplicate shortname \"%.*s\" (already in row %lld)",
					(int)uif[i].shortname.len, uif[i].shortname.ptr, (long long)uif[prev].key);
				break;
			}
			if (mg_str_eq(uif[i].shortname, m->settings.school_field)) {
				fieldid = uif[i].id;
			}
		}
		mg_smap_free(&names);
		if (st != MG_OK) {
			mg_smap_free(&by_uai);
			return st;
		}
		if (mg_imap_init(&seen, nd) != MG_OK) {
			mg_smap_free(&by_uai);
			return oom(b);
		}
		for (i = 0; i < nd && st == MG_OK; i++) {
			uint32_t ui, fi, si;
			if ((st = ref(b, MG_T_USER_INFO_DATA, uid[i].key, "userid", MG_T_USER, uid[i].userid, &ui)) != MG_OK
				|| (st = ref(b, MG_T_USER_INFO_DATA, uid[i].key, "fieldid", MG_T_USER_INFO_FIELD, uid[i].fieldid, &fi)) != MG_OK
				|| (st = check_unique_pair(b, &seen, MG_T_USER_INFO_DATA, uid[i].key, "(userid, fieldid)",
					uid[i].userid, uid[i].fieldid, i)) != MG_OK) {
				break;
			}
			if (uid[i].fieldid == fieldid) {
				mg_str v = upper_trim(&m->arena, uid[i].data, &o);
				if (o) {
					st = oom(b);
					break;
				}
				m->users[ui].school = mg_smap_get(&by_uai, v, &si) ? si : MG_NONE;
			}
		}
		mg_imap_free(&seen);
		mg_smap_free(&by_uai);
		if (st != MG_OK) {
			return st;
		}
	}

	/* inspectors */
	{
		size_t n = COUNT(rs, MG_T_INSPECTOR);
		const mg_row_inspector *ins = ROWS(rs, MG_T_INSPECTOR, mg_row_inspector);
		mg_imap seen;
		mg_status st = MG_OK;

		m->inspectors = mg_arena_calloc(&m->arena, n ? n : 1, sizeof(mg_inspector));
		if (!m->inspectors || mg_imap_init(&seen, n) != MG_OK) {
			return oom(b);
		}
		for (i = 0; i < n; i++) {
			mg_str code = mg_str_trim(ins[i].circonscription);
			uint32_t ui, ci;
			if ((st = ref(b, MG_T_INSPECTOR, ins[i].key, "userid", MG_T_USER, ins[i].userid, &ui)) != MG_OK) {
				break;
			}
			if (!mg_smap_get(&m->circ_by_code, code, &ci)) {
				st = mg_error_data(b->err, TNAME(MG_T_INSPECTOR), ins[i].key, "circonscription",
					"\"%.*s\" is no local_magistere_circ.code", (int)code.len, code.ptr);
				break;
			}
			if ((st = check_unique_pair(b, &seen, MG_T_INSPECTOR, ins[i].key, "(userid, circonscription)",
				ins[i].userid, ci, i)) != MG_OK) {
				break;
			}
			m->inspectors[i].user = ui;
			m->inspectors[i].circ = ci;
		}
		mg_imap_free(&seen);
		if (st != MG_OK) {
			return st;
		}
		m->ninspectors = n;
	}
	return MG_OK;
}

static mg_status build_users_courses(build *b)
{
	mg_model *m = b->m;
	const mg_rowset *rs = b->rs;
	size_t i, nu = COUNT(rs, MG_T_USER), nc = COUNT(rs, MG_T_COURSE);
	const mg_row_user *u = ROWS(rs, MG_T_USER, mg_row_user);
	const mg_row_course *c = ROWS(rs, MG_T_COURSE, mg_row_course);

	m->users = mg_arena_calloc(&m->arena, nu ? nu : 1, sizeof(mg_user));
	m->courses = mg_arena_calloc(&m->arena, nc ? nc : 1, sizeof(mg_course));
	if (!m->users || !m->courses) {
		return oom(b);
	}
	for (i = 0; i < nu; i++) {
		m->users[i].id = u[i].id;
		m->users[i].firstname = u[i].firstname;
		m->users[i].lastname = u[i].lastname;
		m->users[i].idnumber = u[i].idnumber;
		m->users[i].active = u[i].deleted == 0 && u[i].suspended == 0;
		m->users[i].school = MG_NONE;
	}
	m->nusers = nu;
	for (i = 0; i < nc; i++) {
		m->courses[i].id = c[i].id;
		m->courses[i].shortname = c[i].shortname;
		m->courses[i].fullname = c[i].fullname;
		m->courses[i].duration = MG_NULL_INT;
	}
	m->ncourses = nc;
	/* the model's id maps are the build's (moved at the end) */
	return MG_OK;
}

static mg_status build_durations(build *b)
{
	mg_model *m = b->m;
	const mg_rowset *rs = b->rs;
	size_t i, nf = COUNT(rs, MG_T_CUSTOMFIELD_FIELD), nd = COUNT(rs, MG_T_CUSTOMFIELD_DATA);
	const mg_row_customfield_field *cff = ROWS(rs, MG_T_CUSTOMFIELD_FIELD, mg_row_customfield_field);
	const mg_row_customfield_data *cfd = ROWS(rs, MG_T_CUSTOMFIELD_DATA, mg_row_customfield_data);
	int64_t fieldid = MG_NULL_INT;
	int64_t fieldkey = 0;
	mg_imap seen;
	mg_status st = MG_OK;

	for (i = 0; i < nf; i++) {
		if (mg_str_eq(cff[i].shortname, m->settings.duration_field)) {
			if (fieldid != MG_NULL_INT) {
				return mg_error_data(b->err, TNAME(MG_T_CUSTOMFIELD_FIELD), cff[i].key, "shortname",
					"a second field named \"%.*s\" (first in row %lld): the duration field is ambiguous",
					(int)cff[i].shortname.len, cff[i].shortname.ptr, (long long)fieldkey);
			}
			fieldid = cff[i].id;
			fieldkey = cff[i].key;
		}
	}
	if (mg_imap_init(&seen, nd) != MG_OK) {
		return oom(b);
	}
	for (i = 0; i < nd; i++) {
		uint32_t fi, ci;
		int64_t minutes = 0;
		bool empty, negative;

		if ((st = ref(b, MG_T_CUSTOMFIELD_DATA, cfd[i].key, "fieldid", MG_T_CUSTOMFIELD_FIELD, cfd[i].fieldid, &fi)) != MG_OK
			|| (st = check_unique_pair(b, &seen, MG_T_CUSTOMFIELD_DATA, cfd[i].key, "(fieldid, instanceid)",
				cfd[i].fieldid, cfd[i].instanceid, i)) != MG_OK) {
			break;
		}
		if (cfd[i].fieldid != fieldid) {
			continue;
		}
		if ((st = ref(b, MG_T_CUSTOMFIELD_DATA, cfd[i].key, "instanceid", MG_T_COURSE, cfd[i].instanceid, &ci)) != MG_OK) {
			break;
		}
		if (cfd[i].has_decvalue) {
			double d = cfd[i].decvalue;
			if (d < 0) {
				st = mg_error_data(b->err, TNAME(MG_T_CUSTOMFIELD_DATA), cfd[i].key, "decvalue",
					"negative duration %g", d);
				break;
			}
			if (!(d <= INT32_MAX) || d != (double)(int64_t)d) {
				st = mg_error_data(b->err, TNAME(MG_T_CUSTOMFIELD_DATA), cfd[i].key, "decvalue",
					"duration %g is not a whole number of minutes", d);
				break;
			}
			m->courses[ci].duration = (int64_t)d;
			continue;
		}
		if (!parse_minutes(cfd[i].value, &minutes, &empty, &negative)) {
			st = mg_error_data(b->err, TNAME(MG_T_CUSTOMFIELD_DATA), cfd[i].key, "value",
				"\"%.*s\" is not a whole number of minutes", (int)(cfd[i].value.len > 40 ? 40 : cfd[i].value.len),
				cfd[i].value.ptr);
			break;
		}
		if (negative && minutes != 0) {
			st = mg_error_data(b->err, TNAME(MG_T_CUSTOMFIELD_DATA), cfd[i].key, "value",
				"negative duration -%lld", (long long)minutes);
			break;
		}
		m->courses[ci].duration = empty ? MG_NULL_INT : minutes;
	}
	mg_imap_free(&seen);
	return st;
}

/* Course modules: references, tracking, order. */
static mg_status build_activities(build *b)
{
	mg_model *m = b->m;
	const mg_rowset *rs = b->rs;
	size_t i, ncm = COUNT(rs, MG_T_COURSE_MODULES), nsec = COUNT(rs, MG_T_COURSE_SECTIONS);
	const mg_row_course_modules *cm = ROWS(rs, MG_T_COURSE_MODULES, mg_row_course_modules);
	const mg_row_course_sections *sec = ROWS(rs, MG_T_COURSE_SECTIONS, mg_row_course_sections);
	const mg_row_modules *mods = ROWS(rs, MG_T_MODULES, mg_row_modules);
	mg_imap pos;  /* cmid -> position in its section's sequence */
	mg_status st = MG_OK;
	uint32_t *count;
	size_t nact = 0;

	for (i = 0; i < nsec; i++) {
		uint32_t ci;
		if ((st = ref(b, MG_T_COURSE_SECTIONS, sec[i].key, "course", MG_T_COURSE, sec[i].course, &ci)) != MG_OK) {
			return st;
		}
	}
	if (mg_imap_init(&pos, ncm) != MG_OK) {
		return oom(b);
	}
	/* positions from the sequences ("12,15,13") */
	for (i = 0; i < nsec; i++) {
		mg_str s = sec[i].sequence;
		size_t j = 0;
		uint32_t p = 0;
		while (j < s.len) {
			int64_t v = 0;
			bool digits = false;
			while (j < s.len && s.ptr[j] >= '0' && s.ptr[j] <= '9') {
				if (v < INT64_MAX / 10 - 9) {
					v = v * 10 + (s.ptr[j] - '0');
				}
				digits = true;
				j++;
			}
			if (digits && mg_imap_put(&pos, v, p++, NULL) < 0) {
				mg_imap_free(&pos);
				return oom(b);
			}
			while (j < s.len && (s.ptr[j] < '0' || s.ptr[j] > '9')) {
				j++;
			}
		}
	}

	b->cm_act = malloc((ncm ? ncm : 1) * sizeof(uint32_t));
	b->cm_course = malloc((ncm ? ncm : 1) * sizeof(uint32_t));
	m->acts = mg_arena_calloc(&m->arena, ncm ? ncm : 1, sizeof(mg_activity));
	count = calloc(m->ncourses + 1, sizeof(uint32_t));
	if (!b->cm_act || !b->cm_course || !m->acts || !count) {
		free(count);
		mg_imap_free(&pos);
		return oom(b);
	}
	for (i = 0; i < ncm; i++) {
		uint32_t ci, mi, si, p;
		bool tracked;

		b->cm_act[i] = MG_NONE;
		if ((st = ref(b, MG_T_COURSE_MODULES, cm[i].key, "course", MG_T_COURSE, cm[i].course, &ci)) != MG_OK
			|| (st = ref(b, MG_T_COURSE_MODULES, cm[i].key, "module", MG_T_MODULES, cm[i].module, &mi)) != MG_OK
			|| (st = ref(b, MG_T_COURSE_MODULES, cm[i].key, "section", MG_T_COURSE_SECTIONS, cm[i].section, &si)) != MG_OK) {
			break;
		}
		if (sec[si].course != cm[i].course) {
			st = mg_error_data(b->err, TNAME(MG_T_COURSE_MODULES), cm[i].key, "section",
				"section %lld belongs to course %lld, not to course %lld",
				(long long)cm[i].section, (long long)sec[si].course, (long long)cm[i].course);
			break;
		}
		b->cm_course[i] = ci;
		tracked = cm[i].completion != 0 && cm[i].visible != 0 && cm[i].deletioninprogress == 0
			&& mods[mi].visible != 0 && sec[si].visible != 0;
		if (!tracked) {
			continue;
		}
		m->acts[nact].cmid = cm[i].id;
		m->acts[nact].section = sec[si].section;
		m->acts[nact].module = mods[mi].name;
		m->acts[nact].order_pos = mg_imap_get(&pos, cm[i].id, &p) ? (int64_t)p : INT64_MAX;
		b->cm_act[i] = ci; /* temporarily: course index of the activity */
		nact++;
		count[ci]++;
	}
	mg_imap_free(&pos);
	if (st != MG_OK) {
		free(count);
		return st;
	}
	/* group activities by course, then order within each course */
	{
		mg_activity *sorted = mg_arena_calloc(&m->arena, nact ? nact : 1, sizeof(mg_activity));
		uint32_t *fill = calloc(m->ncourses + 1, sizeof(uint32_t));
		mg_imap actpos;
		size_t a = 0, c;

		if (!sorted || !fill || mg_imap_init(&actpos, nact) != MG_OK) {
			free(fill);
			free(count);
			return oom(b);
		}
		for (c = 0; c < m->ncourses; c++) {
			m->courses[c].act_first = (uint32_t)a;
			m->courses[c].nact = count[c];
			a += count[c];
		}
		for (i = 0, a = 0; i < ncm; i++) {
			if (b->cm_act[i] == MG_NONE) {
				continue;
			}
			c = b->cm_act[i];
			sorted[m->courses[c].act_first + fill[c]++] = m->acts[a++];
		}
		for (c = 0; c < m->ncourses; c++) {
			qsort(sorted + m->courses[c].act_first, m->courses[c].nact, sizeof(mg_activity), cmp_acts);
		}
		m->acts = sorted;
		m->nacts = nact;
		/* cm row -> activity position within its course */
		for (a = 0; a < nact; a++) {
			if (mg_imap_put(&actpos, sorted[a].cmid, (uint32_t)a, NULL) < 0) {
				mg_imap_free(&actpos);
				free(fill);
				free(count);
				return oom(b);
			}
		}
		for (i = 0; i < ncm; i++) {
			uint32_t ap;
			if (b->cm_act[i] != MG_NONE && mg_imap_get(&actpos, cm[i].id, &ap)) {
				b->cm_act[i] = ap - m->courses[b->cm_course[i]].act_first;
			} else {
				b->cm_act[i] = MG_NONE;
			}
		}
		mg_imap_free(&actpos);
		free(fill);
	}
	free(count);
	return MG_OK;
}

static member *member_get(build *b, uint32_t course, uint32_t user)
{
	int64_t key = (int64_t)course * ((int64_t)UINT32_MAX + 1) + user;
	uint32_t idx;
	member *mb;
	int r;

	if (mg_imap_get(&b->member, key, &idx)) {
		return &MG_VEC_AT(&b->members, member, idx);
	}
	r = mg_imap_put(&b->member, key, (uint32_t)b->members.len, NULL);
	if (r < 0) {
		return NULL;
	}
	mb = mg_vec_push(&b->members);
	if (!mb) {
		return NULL;
	}
	mb->course = course;
	mb->user = user;
	mb->part = MG_NONE;
	return mb;
}

static mg_status build_members(build *b)
{
	mg_model *m = b->m;
	const mg_rowset *rs = b->rs;
	size_t i;
	size_t nr = COUNT(rs, MG_T_ROLE), ne = COUNT(rs, MG_T_ENROL), nue = COUNT(rs, MG_T_USER_ENROLMENTS);
	size_t nctx = COUNT(rs, MG_T_CONTEXT), nra = COUNT(rs, MG_T_ROLE_ASSIGNMENTS);
	const mg_row_role *role = ROWS(rs, MG_T_ROLE, mg_row_role);
	const mg_row_enrol *en = ROWS(rs, MG_T_ENROL, mg_row_enrol);
	const mg_row_user_enrolments *ue = ROWS(rs, MG_T_USER_ENROLMENTS, mg_row_user_enrolments);
	const mg_row_context *ctx = ROWS(rs, MG_T_CONTEXT, mg_row_context);
	const mg_row_role_assignments *ra = ROWS(rs, MG_T_ROLE_ASSIGNMENTS, mg_row_role_assignments);
	const int64_t now = m->settings.now;
	mg_status st = MG_OK;
	mg_smap names;
	mg_imap seen;

	/* roles */
	b->role_kind = calloc(nr ? nr : 1, 1);
	if (!b->role_kind || mg_smap_init(&names, nr) != MG_OK) {
		return oom(b);
	}
	for (i = 0; i < nr; i++) {
		uint32_t prev;
		int r = mg_smap_put(&names, role[i].shortname, (uint32_t)i, &prev);
		if (r < 0) {
			mg_smap_free(&names);
			return oom(b);
		}
		if (r == 0) {
			int64_t k = role[prev].key;
			mg_smap_free(&names);
			return mg_error_data(b->err, TNAME(MG_T_ROLE), role[i].key, "shortname",
				"duplicate shortname \"%.*s\" (already in row %lld)",
				(int)role[i].shortname.len, role[i].shortname.ptr, (long long)k);
		}
		if (role_in(role[i].shortname, m->settings.trainer_roles, m->settings.ntrainer_roles)) {
			b->role_kind[i] = MG_ROLE_TRAINER;
		} else if (role_in(role[i].shortname, m->settings.participant_roles, m->settings.nparticipant_roles)) {
			b->role_kind[i] = MG_ROLE_PARTICIPANT;
		}
	}
	mg_smap_free(&names);

	/* contexts: (contextlevel, instanceid) unique; course contexts must name a course */
	if (mg_imap_init(&seen, nctx) != MG_OK) {
		return oom(b);
	}
	for (i = 0; i < nctx && st == MG_OK; i++) {
		uint32_t ci;
		st = check_unique_pair(b, &seen, MG_T_CONTEXT, ctx[i].key, "(contextlevel, instanceid)",
			ctx[i].contextlevel, ctx[i].instanceid, i);
		if (st == MG_OK && ctx[i].contextlevel == MG_CONTEXT_COURSE) {
			st = ref(b, MG_T_CONTEXT, ctx[i].key, "instanceid", MG_T_COURSE, ctx[i].instanceid, &ci);
		}
	}
	mg_imap_free(&seen);
	if (st != MG_OK) {
		return st;
	}

	if (mg_imap_init(&b->member, nue + nra) != MG_OK) {
		return oom(b);
	}
	mg_vec_init(&b->members, sizeof(member));

	/* enrolments */
	for (i = 0; i < ne; i++) {
		uint32_t ci;
		if ((st = ref(b, MG_T_ENROL, en[i].key, "courseid", MG_T_COURSE, en[i].courseid, &ci)) != MG_OK) {
			return st;
		}
	}
	if (mg_imap_init(&seen, nue) != MG_OK) {
		return oom(b);
	}
	for (i = 0; i < nue; i++) {
		uint32_t ei, ui, ci;
		member *mb;

		if ((st = ref(b, MG_T_USER_ENROLMENTS, ue[i].key, "enrolid", MG_T_ENROL, ue[i].enrolid, &ei)) != MG_OK
			|| (st = ref(b, MG_T_USER_ENROLMENTS, ue[i].key, "userid", MG_T_USER, ue[i].userid, &ui)) != MG_OK
			|| (st = check_unique_pair(b, &seen, MG_T_USER_ENROLMENTS, ue[i].key, "(enrolid, userid)",
				ue[i].enrolid, ue[i].userid, i)) != MG_OK) {
			break;
		}
		if (en[ei].status != 0 || ue[i].status != 0 || ue[i].timestart > now
			|| (ue[i].timeend != 0 && ue[i].timeend <= now) || !m->users[ui].active) {
			continue;
		}
		mg_imap_get(&b->idx[MG_T_COURSE], en[ei].courseid, &ci);
		if (!(mb = member_get(b, ci, ui))) {
			st = oom(b);
			break;
		}
		mb->enrolled = 1;
	}
	mg_imap_free(&seen);
	if (st != MG_OK) {
		return st;
	}

	/* role assignments at course contexts */
	for (i = 0; i < nra; i++) {
		uint32_t ri, xi, ui, ci;
		member *mb;

		if ((st = ref(b, MG_T_ROLE_ASSIGNMENTS, ra[i].key, "roleid", MG_T_ROLE, ra[i].roleid, &ri)) != MG_OK
			|| (st = ref(b, MG_T_ROLE_ASSIGNMENTS, ra[i].key, "contextid", MG_T_CONTEXT, ra[i].contextid, &xi)) != MG_OK
			|| (st = ref(b, MG_T_ROLE_ASSIGNMENTS, ra[i].key, "userid", MG_T_USER, ra[i].userid, &ui)) != MG_OK) {
			return st;
		}
		if (ctx[xi].contextlevel != MG_CONTEXT_COURSE || b->role_kind[ri] == MG_ROLE_NONE) {
			continue;
		}
		mg_imap_get(&b->idx[MG_T_COURSE], ctx[xi].instanceid, &ci);
		if (!(mb = member_get(b, ci, ui))) {
			return oom(b);
		}
		if (b->role_kind[ri] > mb->role) {
			mb->role = b->role_kind[ri];
		}
	}

	/* place trainers and participants per course */
	{
		uint32_t *ntr = calloc(m->ncourses + 1, sizeof(uint32_t));
		uint32_t *npa = calloc(m->ncourses + 1, sizeof(uint32_t));
		size_t c, t = 0, p = 0, nmem = b->members.len;

		if (!ntr || !npa) {
			free(ntr);
			free(npa);
			return oom(b);
		}
		for (i = 0; i < nmem; i++) {
			member *mb = &MG_VEC_AT(&b->members, member, i);
			if (!mb->enrolled) {
				continue;
			}
			if (mb->role == MG_ROLE_TRAINER) {
				ntr[mb->course]++;
			} else if (mb->role == MG_ROLE_PARTICIPANT) {
				npa[mb->course]++;
			}
		}
		for (c = 0; c < m->ncourses; c++) {
			m->courses[c].tr_first = (uint32_t)t;
			m->courses[c].pa_first = (uint32_t)p;
			t += ntr[c];
			p += npa[c];
		}
		m->trainers = mg_arena_calloc(&m->arena, t ? t : 1, sizeof(uint32_t));
		m->parts = mg_arena_calloc(&m->arena, p ? p : 1, sizeof(mg_part));
		if (!m->trainers || !m->parts) {
			free(ntr);
			free(npa);
			return oom(b);
		}
		m->ntrainers = t;
		m->nparts = p;
		for (i = 0; i < nmem; i++) {
			member *mb = &MG_VEC_AT(&b->members, member, i);
			mg_course *co = &m->courses[mb->course];
			if (!mb->enrolled) {
				continue;
			}
			if (mb->role == MG_ROLE_TRAINER) {
				m->trainers[co->tr_first + co->ntr++] = mb->user;
			} else if (mb->role == MG_ROLE_PARTICIPANT) {
				mg_part *pa = &m->parts[co->pa_first + co->npa++];
				pa->user = mb->user;
				pa->mark = MG_NONE;
			}
		}
		free(ntr);
		free(npa);
		sort_model = m;
		for (c = 0; c < m->ncourses; c++) {
			mg_course *co = &m->courses[c];
			qsort(m->trainers + co->tr_first, co->ntr, sizeof(uint32_t), cmp_user_idx);
			qsort(m->parts + co->pa_first, co->npa, sizeof(mg_part), cmp_parts);
		}
		sort_model = NULL;
		/* remember each member's participant slot */
		for (c = 0; c < m->ncourses; c++) {
			mg_course *co = &m->courses[c];
			uint32_t k;
			for (k = 0; k < co->npa; k++) {
				member *mb = member_get(b, (uint32_t)c, m->parts[co->pa_first + k].user);
				if (!mb) {
					return oom(b);
				}
				mb->part = co->pa_first + k;
			}
		}
	}
	return MG_OK;
}

static mg_status build_completions(build *b)
{
	mg_model *m = b->m;
	const mg_rowset *rs = b->rs;
	size_t i, n = COUNT(rs, MG_T_COURSE_MODULES_COMPLETION), c;
	const mg_row_course_modules_completion *cmc = ROWS(rs, MG_T_COURSE_MODULES_COMPLETION,
		mg_row_course_modules_completion);
	mg_imap seen;
	mg_status st = MG_OK;

	for (c = 0; c < m->ncourses; c++) {
		mg_course *co = &m->courses[c];
		if (co->npa && co->nact) {
			co->states = mg_arena_calloc(&m->arena, co->npa, co->nact);
			if (!co->states) {
				return oom(b);
			}
		}
	}
	if (mg_imap_init(&seen, n) != MG_OK) {
		return oom(b);
	}
	for (i = 0; i < n; i++) {
		uint32_t cmi, ui, ci, a, p;
		int64_t key;

		if ((st = ref(b, MG_T_COURSE_MODULES_COMPLETION, cmc[i].key, "coursemoduleid", MG_T_COURSE_MODULES,
				cmc[i].coursemoduleid, &cmi)) != MG_OK
			|| (st = ref(b, MG_T_COURSE_MODULES_COMPLETION, cmc[i].key, "userid", MG_T_USER, cmc[i].userid, &ui)) != MG_OK
			|| (st = check_unique_pair(b, &seen, MG_T_COURSE_MODULES_COMPLETION, cmc[i].key, "(userid, coursemoduleid)",
				cmc[i].userid, cmc[i].coursemoduleid, i)) != MG_OK) {
			break;
		}
		if (cmc[i].completionstate < 0 || cmc[i].completionstate > 3) {
			st = mg_error_data(b->err, TNAME(MG_T_COURSE_MODULES_COMPLETION), cmc[i].key, "completionstate",
				"%lld is not a completion state (0 to 3)", (long long)cmc[i].completionstate);
			break;
		}
		a = b->cm_act[cmi];
		if (a == MG_NONE) {
			continue;
		}
		ci = b->cm_course[cmi];
		key = (int64_t)ci * ((int64_t)UINT32_MAX + 1) + ui;
		if (!mg_imap_get(&b->member, key, &p)) {
			continue;
		}
		p = MG_VEC_AT(&b->members, member, p).part;
		if (p == MG_NONE) {
			continue;
		}
		{
			mg_course *co = &m->courses[ci];
			uint32_t row = p - co->pa_first;
			co->states[(size_t)row * co->nact + a] = (uint8_t)cmc[i].completionstate;
			if (cmc[i].completionstate == MG_STATE_COMPLETE || cmc[i].completionstate == MG_STATE_PASS) {
				m->parts[p].done++;
			}
		}
	}
	mg_imap_free(&seen);
	return st;
}

static mg_status build_marks(build *b)
{
	mg_model *m = b->m;
	const mg_rowset *rs = b->rs;
	size_t i, n = COUNT(rs, MG_T_MARK);
	const mg_row_mark *mk = ROWS(rs, MG_T_MARK, mg_row_mark);
	mg_imap seen;
	mg_status st = MG_OK;

	m->marks = mg_arena_calloc(&m->arena, n ? n : 1, sizeof(mg_mark));
	if (!m->marks || mg_imap_init(&seen, n) != MG_OK) {
		return oom(b);
	}
	for (i = 0; i < n; i++) {
		uint32_t ci, ui, p;
		int64_t key;

		if ((st = ref(b, MG_T_MARK, mk[i].key, "courseid", MG_T_COURSE, mk[i].courseid, &ci)) != MG_OK
			|| (st = ref(b, MG_T_MARK, mk[i].key, "userid", MG_T_USER, mk[i].userid, &ui)) != MG_OK
			|| (st = check_unique_pair(b, &seen, MG_T_MARK, mk[i].key, "(courseid, userid)",
				mk[i].courseid, mk[i].userid, i)) != MG_OK) {
			break;
		}
		if (mk[i].finished != 0 && mk[i].finished != 1) {
			st = mg_error_data(b->err, TNAME(MG_T_MARK), mk[i].key, "finished", "%lld is neither 0 nor 1",
				(long long)mk[i].finished);
			break;
		}
		if (mk[i].creditedminutes != MG_NULL_INT && mk[i].creditedminutes < 0) {
			st = mg_error_data(b->err, TNAME(MG_T_MARK), mk[i].key, "creditedminutes",
				"negative duration %lld", (long long)mk[i].creditedminutes);
			break;
		}
		m->marks[i].finished = mk[i].finished;
		m->marks[i].credited = mk[i].finished ? mk[i].creditedminutes : MG_NULL_INT;
		m->marks[i].time = mk[i].timemodified;
		m->marks[i].by = mk[i].modifiedby;
		key = (int64_t)ci * ((int64_t)UINT32_MAX + 1) + ui;
		if (mg_imap_get(&b->member, key, &p) && (p = MG_VEC_AT(&b->members, member, p).part) != MG_NONE) {
			m->parts[p].mark = (uint32_t)i;
		}
	}
	m->nmarks = n;
	mg_imap_free(&seen);
	return st;
}

static mg_status build_user_index(build *b)
{
	mg_model *m = b->m;
	size_t c, u, total = 0;

	m->upart_first = mg_arena_calloc(&m->arena, m->nusers + 1, sizeof(uint32_t));
	m->uparts = mg_arena_calloc(&m->arena, m->nparts ? m->nparts : 1, sizeof(mg_upart));
	if (!m->upart_first || !m->uparts) {
		return oom(b);
	}
	for (c = 0; c < m->ncourses; c++) {
		const mg_course *co = &m->courses[c];
		uint32_t k;
		for (k = 0; k < co->npa; k++) {
			m->upart_first[m->parts[co->pa_first + k].user + 1]++;
		}
	}
	for (u = 0; u < m->nusers; u++) {
		total += m->upart_first[u + 1];
		m->upart_first[u + 1] = (uint32_t)total;
	}
	{
		uint32_t *fill = calloc(m->nusers + 1, sizeof(uint32_t));
		if (!fill) {
			return oom(b);
		}
		for (c = 0; c < m->ncourses; c++) {
			const mg_course *co = &m->courses[c];
			uint32_t k;
			for (k = 0; k < co->npa; k++) {
				uint32_t usr = m->parts[co->pa_first + k].user;
				mg_upart *up = &m->uparts[m->upart_first[usr] + fill[usr]++];
				up->course = (uint32_t)c;
				up->part = co->pa_first + k;
			}
		}
		free(fill);
	}
	return MG_OK;
}

mg_model *mg_model_build(const mg_rowset *rs, const mg_settings *settings, mg_error *err)
{
	build b;
	mg_model *m;
	mg_status st;
	size_t t;

	if (mg_settings_check(settings, err) != MG_OK) {
		return NULL;
	}
	m = calloc(1, sizeof(*m));
	if (!m) {
		mg_error_set(err, MG_ENOMEM, "out of memory while building the model");
		return NULL;
	}
	m->rs = rs;
	m->settings = *settings;
	memset(&b, 0, sizeof(b));
	b.rs = rs;
	b.m = m;
	b.err = err;

	st = MG_OK;
	for (t = 0; t < MG_T__COUNT && st == MG_OK; t++) {
		st = index_ids(&b, (mg_table_id)t);
	}
	if (st == MG_OK) st = build_users_courses(&b);
	if (st == MG_OK) st = build_circs_schools(&b);
	if (st == MG_OK) st = build_durations(&b);
	if (st == MG_OK) st = build_activities(&b);
	if (st == MG_OK) st = build_members(&b);
	if (st == MG_OK) st = build_completions(&b);
	if (st == MG_OK) st = build_marks(&b);
	if (st == MG_OK) st = build_user_index(&b);

	if (st == MG_OK) {
		m->user_by_id = b.idx[MG_T_USER];
		m->course_by_id = b.idx[MG_T_COURSE];
		memset(&b.idx[MG_T_USER], 0, sizeof(mg_imap));
		memset(&b.idx[MG_T_COURSE], 0, sizeof(mg_imap));
	}
	for (t = 0; t < MG_T__COUNT; t++) {
		mg_imap_free(&b.idx[t]);
	}
	mg_imap_free(&b.member);
	mg_vec_free(&b.members);
	free(b.role_kind);
	free(b.cm_act);
	free(b.cm_course);
	if (st != MG_OK) {
		mg_model_free(m);
		return NULL;
	}
	return m;
}

void mg_model_free(mg_model *m)
{
	if (!m) {
		return;
	}
	mg_imap_free(&m->user_by_id);
	mg_imap_free(&m->course_by_id);
	mg_smap_free(&m->circ_by_code);
	mg_arena_destroy(&m->arena);
	free(m);
}

uint32_t mg_model_user(const mg_model *m, int64_t id)
{
	uint32_t i;

	return mg_imap_get(&m->user_by_id, id, &i) ? i : MG_NONE;
}

uint32_t mg_model_course(const mg_model *m, int64_t id)
{
	uint32_t i;

	return mg_imap_get(&m->course_by_id, id, &i) ? i : MG_NONE;
}

uint32_t mg_model_find_part(const mg_model *m, uint32_t c, uint32_t u)
{
	uint32_t k;

	for (k = m->upart_first[u]; k < m->upart_first[u + 1]; k++) {
		if (m->uparts[k].course == c) {
			return m->uparts[k].part;
		}
	}
	return MG_NONE;
}

bool mg_model_is_trainer(const mg_model *m, uint32_t c, uint32_t u)
{
	const mg_course *co = &m->courses[c];
	uint32_t k;

	for (k = 0; k < co->ntr; k++) {
		if (m->trainers[co->tr_first + k] == u) {
			return true;
		}
	}
	return false;
}
