/*
 * Unit tests of the model: participations once a session is over (training
 * records), progress exactly as Moodle core computes it, and the anomalies
 * of a real database (every inconsistent row leaves the views working).
 */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "fixture.h"
#include "../json.h"
#include "../attest.h"

#define HAS(s, sub) (strstr((s), (sub)) != NULL)
#define NOW 1800000000
#define MG_ANOMALY_KEEP 10000 /* as in core_private.h */

static const char *result(mg_json *j, mg_status st, const mg_error *err)
{
	static char buf[131072];

	if (st != MG_OK) {
		snprintf(buf, sizeof(buf), "ERR%d:%s", (int)st, err->message);
	} else {
		snprintf(buf, sizeof(buf), "%s", mg_json_text(j));
	}
	mg_json_free(j);
	return buf;
}

typedef mg_status (*view2_fn)(const mg_model *, int64_t, int64_t, const mg_emitter *, mg_error *);

static const char *run2(const mg_model *m, view2_fn fn, int64_t a, int64_t b)
{
	mg_emitter out;
	mg_json *j = mg_json_new(&out);
	mg_error err;

	mg_error_clear(&err);
	return result(j, fn(m, a, b, &out, &err), &err);
}

static const char *run_inspector(const mg_model *m, int64_t v)
{
	mg_emitter out;
	mg_json *j = mg_json_new(&out);
	mg_error err;

	mg_error_clear(&err);
	return result(j, mg_view_inspector(m, v, (mg_str){ "", 0 }, &out, &err), &err);
}

static const char *run_mine(const mg_model *m, int64_t u)
{
	mg_emitter out;
	mg_json *j = mg_json_new(&out);
	mg_error err;

	mg_error_clear(&err);
	return result(j, mg_view_my_trainings(m, u, &out, &err), &err);
}

static const char *run_quality(const mg_model *m, size_t limit)
{
	mg_emitter out;
	mg_json *j = mg_json_new(&out);
	mg_error err;

	mg_error_clear(&err);
	return result(j, mg_view_data_quality(m, limit, &out, &err), &err);
}

/* The grand total of the statistics (a release's totals, read inside the
 * engine before any protection): enrolments and finished. */
static void stats_total(const mg_model *m, int64_t *enrolments, int64_t *finished)
{
	mg_stats_release *r = NULL;
	mg_error err;

	*enrolments = *finished = -1;
	if (mg_stats_release_compute(m, 3, 0, NULL, 0, &r, &err) != MG_OK) {
		return;
	}
	*enrolments = r->tabs[MG_TAB_ETAB].nodes[0].v[MG_M_ENROLMENTS];
	*finished = r->tabs[MG_TAB_ETAB].nodes[0].v[MG_M_FINISHED];
	mg_stats_release_free(r);
}

/* The attestation walk: "lastname:finished:credited;" per participant. */
typedef struct attest_buf {
	char text[4096];
	size_t len;
} attest_buf;

static int at_begin(void *ctx, const mg_attest_course *c)
{
	attest_buf *b = ctx;
	b->len += (size_t)snprintf(b->text + b->len, sizeof(b->text) - b->len, "[%lld]", (long long)c->id);
	return 0;
}

static int at_part(void *ctx, const mg_attest_participant *p)
{
	attest_buf *b = ctx;
	b->len += (size_t)snprintf(b->text + b->len, sizeof(b->text) - b->len, "%.*s:%d:%lld;",
		(int)p->lastname.len, p->lastname.ptr, p->finished,
		(long long)(p->credited_minutes == MG_NULL_INT ? -1 : p->credited_minutes));
	return 0;
}

static int at_end(void *ctx)
{
	(void)ctx;
	return 0;
}

static int at_part_uai(void *ctx, const mg_attest_participant *p)
{
	attest_buf *b = ctx;
	b->len += (size_t)snprintf(b->text + b->len, sizeof(b->text) - b->len, "%.*s:%.*s;",
		(int)p->lastname.len, p->lastname.ptr, (int)p->uai.len, p->uai.ptr);
	return 0;
}

/* What the attestation walk hands over, each participant written by `part`. */
static const char *attest_with(const mg_model *m, int (*part)(void *, const mg_attest_participant *))
{
	static attest_buf b;
	mg_attest_sink sink = { &b, at_begin, part, at_end };
	mg_error err;
	size_t n = 0;

	memset(&b, 0, sizeof(b));
	if (mg_attest_walk(m, NULL, 0, &sink, &n, &err) != MG_OK) {
		return "ERR";
	}
	return b.text;
}

/* "[course]lastname:finished:credited;..." */
static const char *attest(const mg_model *m)
{
	return attest_with(m, at_part);
}

/* "[course]lastname:uai;..." */
static const char *attest_uai(const mg_model *m)
{
	return attest_with(m, at_part_uai);
}

static mg_model *build(mg_rowset *rs, int site_completion)
{
	mg_settings s;
	mg_error err;
	mg_model *m;

	mg_settings_defaults(&s, NOW);
	s.enablecompletion = site_completion;
	mg_error_clear(&err);
	m = mg_model_build(rs, &s, &err);
	if (!m) {
		printf("build failed: %s\n", err.message);
	}
	return m;
}

/* Parcours 2: trainer 2, participants 1 (school in C1), 3; inspector 4 of C1. */
static mg_rowset *base(void)
{
	mg_rowset *rs = mg_rowset_new();

	fx_roles(rs);
	fx_course(rs, 2, "LECT", "Lecture");
	fx_user(rs, 1, "Zoé", "Élan");
	fx_user(rs, 2, "Anne", "Formatrice");
	fx_user(rs, 3, "Bob", "Durand");
	fx_user(rs, 4, "Igor", "Inspecteur");
	fx_enrol(rs, 2, 1, 1);
	fx_enrol(rs, 2, 2, 2);
	fx_enrol(rs, 2, 3, 1);
	fx_circ(rs, 1, "C1");
	fx_school(rs, 1, "0691234A", "C1", "1D");
	fx_user_school(rs, 1, "0691234A");
	{
		mg_row_inspector *in = fx_row(rs, MG_T_INSPECTOR);
		in->id = 1;
		in->userid = 4;
		in->circonscription = fx_s(rs, "C1");
	}
	return rs;
}

static mg_row_user_enrolments *ue_of(mg_rowset *rs, int64_t course, int64_t user)
{
	size_t i, n = mg_rowset_count(rs, MG_T_USER_ENROLMENTS);

	for (i = 0; i < n; i++) {
		mg_row_user_enrolments *ue = (mg_row_user_enrolments *)mg_rowset_get(rs, MG_T_USER_ENROLMENTS, i);
		if (ue->id == course * 100000 + user) {
			return ue;
		}
	}
	return NULL;
}

static void test_records(void)
{
	mg_rowset *rs;
	mg_model *m;
	const char *j;
	int64_t enr, fin;

	/* participant 1 marked finished (540 min), then his enrolment ended */
	rs = base();
	fx_mark(rs, 1, 2, 1, 1, 540);
	ue_of(rs, 2, 1)->timeend = NOW - 10;
	m = build(rs, 1);
	j = run2(m, mg_view_trainer, 2, 2);
	MG_TEST("R1: a participant whose enrolment ended is no longer listed in the parcours",
		!HAS(j, "Élan") && HAS(j, "\"summary\":{\"participants\":1,\"finished\":0}"));
	j = run2(m, mg_view_participant, 1, 2);
	MG_TEST("R1: nor does he open it any more", strncmp(j, "ERR-4:", 6) == 0);
	j = run2(m, mg_view_participant, 3, 2);
	MG_TEST("the other participants no longer see his name", !HAS(j, "Élan"));
	j = run_inspector(m, 4);
	MG_TEST("his training record stays in the inspector's view, finished with its credited time",
		HAS(j, "\"lastname\":\"Élan\"") && HAS(j, "{\"courseid\":2,\"status\":\"finished\",\"credited_minutes\":540}")
		&& HAS(j, "\"summary\":{\"teachers\":1,\"enrolments\":1,\"finished\":1,\"credited_minutes\":540}"));
	stats_total(m, &enr, &fin);
	MG_TEST("the statistics count the record (2 participations, 1 finished)", enr == 2 && fin == 1);
	j = attest(m);
	MG_TEST("the attestation file holds it", HAS(j, "Élan:1:540;") && HAS(j, "Durand:0:-1;"));
	j = run_mine(m, 1);
	MG_TEST("and his own \"my trainings\": finished, no longer current, no progress",
		HAS(j, "\"status\":\"finished\",\"current\":false") && HAS(j, "\"progress\":null")
		&& HAS(j, "\"summary\":{\"participations\":1,\"finished\":1,\"credited_minutes\":540}"));
	mg_model_free(m);
	mg_rowset_free(rs);

	/* unenrolled (no enrolment, no role left) from a hidden parcours */
	rs = mg_rowset_new();
	fx_roles(rs);
	fx_course(rs, 2, "LECT", "Lecture");
	((mg_row_course *)mg_rowset_get(rs, MG_T_COURSE, 0))->visible = 0;
	fx_user(rs, 1, "Zoé", "Élan");
	fx_user(rs, 2, "Anne", "Formatrice");
	fx_enrol(rs, 2, 2, 2);
	fx_mark(rs, 1, 2, 1, 1, 90);
	m = build(rs, 1);
	j = run_mine(m, 1);
	MG_TEST("a record survives unenrolment and a hidden parcours in \"my trainings\"",
		HAS(j, "\"visible\":false") && HAS(j, "\"status\":\"finished\"") && HAS(j, "\"credited_minutes\":90"));
	j = attest(m);
	MG_TEST("and in the attestation file", HAS(j, "[2]Élan:1:90;"));
	j = run_mine(m, 2);
	MG_TEST("the trainer's own list shows the parcours he trains, with its current participants only",
		HAS(j, "\"trainer\":[{\"course\":{\"id\":2") && HAS(j, "\"summary\":{\"participants\":0,\"finished\":0}")
		&& HAS(j, "\"participations\":[]"));
	mg_model_free(m);
	mg_rowset_free(rs);

	/* an ended enrolment without a record drops out; a deleted user's record does not count */
	rs = base();
	ue_of(rs, 2, 3)->timeend = NOW - 10;
	fx_mark(rs, 1, 2, 3, 0, MG_NULL_INT);
	fx_user(rs, 9, "Del", "Eted");
	((mg_row_user *)mg_rowset_get(rs, MG_T_USER, 4))->deleted = 1;
	fx_mark(rs, 2, 2, 9, 1, 60);
	m = build(rs, 1);
	stats_total(m, &enr, &fin);
	MG_TEST("an ended enrolment without a record drops out; a deleted user's record is not counted",
		enr == 1 && fin == 0);
	j = run_mine(m, 3);
	MG_TEST("his own list is empty", HAS(j, "\"participations\":[]"));
	mg_model_free(m);
	mg_rowset_free(rs);

	/* suspended with a record: still a record; trainer with a record: a record, not a participant */
	rs = base();
	((mg_row_user *)mg_rowset_get(rs, MG_T_USER, 0))->suspended = 1;
	fx_mark(rs, 1, 2, 1, 1, 120);
	fx_mark(rs, 2, 2, 2, 1, 30);
	m = build(rs, 1);
	j = run2(m, mg_view_trainer, 2, 2);
	MG_TEST("a trainer with a record stays a trainer; a suspended user is not listed",
		HAS(j, "\"participants\":[{\"id\":3") && !HAS(j, "Élan") && HAS(j, "\"summary\":{\"participants\":1"));
	j = attest(m);
	MG_TEST("both records are in the attestation file", HAS(j, "Élan:1:120;") && HAS(j, "Formatrice:1:30;"));
	j = run_inspector(m, 4);
	MG_TEST("the suspended teacher's record is the inspector's", HAS(j, "\"status\":\"finished\",\"credited_minutes\":120"));
	mg_model_free(m);
	mg_rowset_free(rs);
}

/* A course module in course 2, module `mod`, section row `secid` appended to its sequence. */
static void cm_in(mg_rowset *rs, int64_t cmid, int64_t mod, int64_t secid, int64_t completion)
{
	size_t i, n = mg_rowset_count(rs, MG_T_COURSE_SECTIONS);
	char buf[512];
	mg_row_course_modules *cm;

	for (i = 0; i < n; i++) {
		mg_row_course_sections *s = (mg_row_course_sections *)mg_rowset_get(rs, MG_T_COURSE_SECTIONS, i);
		if (s->id == secid) {
			snprintf(buf, sizeof(buf), "%.*s%s%lld", (int)s->sequence.len, s->sequence.ptr,
				s->sequence.len ? "," : "", (long long)cmid);
			s->sequence = fx_s(rs, buf);
		}
	}
	cm = fx_row(rs, MG_T_COURSE_MODULES);
	cm->id = cmid;
	cm->course = 2;
	cm->module = mod;
	cm->section = secid;
	cm->completion = completion;
}

static void test_progress(void)
{
	mg_rowset *rs = base();
	mg_model *m;
	const char *j;
	mg_row_course_sections *sec;
	mg_row_modules *mod;
	mg_settings s;
	mg_error err;

	mod = fx_row(rs, MG_T_MODULES);
	mod->id = 1;
	mod->name = fx_s(rs, "quiz");
	mod = fx_row(rs, MG_T_MODULES);
	mod->id = 2;
	mod->name = fx_s(rs, "forum");
	mod->visible = 0; /* disabled by the administrator */
	mod = fx_row(rs, MG_T_MODULES);
	mod->id = 3;
	mod->name = fx_s(rs, "gone");  /* its code was removed from the site */
	sec = fx_row(rs, MG_T_COURSE_SECTIONS);
	sec->id = 10;
	sec->course = 2;
	sec->section = 0;
	sec = fx_row(rs, MG_T_COURSE_SECTIONS);
	sec->id = 11;
	sec->course = 2;
	sec->section = 1;
	sec->visible = 0;              /* a hidden section */
	cm_in(rs, 100, 1, 10, 2);
	cm_in(rs, 101, 1, 10, 1);
	((mg_row_course_modules *)mg_rowset_get(rs, MG_T_COURSE_MODULES, 1))->visible = 0; /* a hidden activity */
	cm_in(rs, 102, 1, 11, 1);      /* in the hidden section */
	cm_in(rs, 103, 2, 10, 1);      /* of a disabled module */
	cm_in(rs, 104, 3, 10, 1);      /* of a module without code (installed_modules) */
	cm_in(rs, 105, 1, 10, 0);      /* completion off */
	cm_in(rs, 106, 1, 10, 1);
	((mg_row_course_modules *)mg_rowset_get(rs, MG_T_COURSE_MODULES, 6))->deletioninprogress = 1;
	fx_completion(rs, 1, 100, 1, 1);
	fx_completion(rs, 2, 101, 1, 4); /* COMPLETION_COMPLETE_FAIL_HIDDEN */
	fx_completion(rs, 3, 102, 1, 2);
	fx_completion(rs, 4, 105, 1, 1); /* counted by Moodle's count_modules_completed() all the same */
	fx_completion(rs, 5, 102, 3, 3);

	mg_settings_defaults(&s, NOW);
	s.installed_modules_given = 1;
	s.installed_modules[0] = (mg_str){ "quiz", 4 };
	s.installed_modules[1] = (mg_str){ "forum", 5 };
	s.ninstalled_modules = 2;
	m = mg_model_build(rs, &s, &err);
	j = run2(m, mg_view_participant, 1, 2);
	MG_TEST("tracked as Moodle's get_activities(): hidden activity and hidden section count; disabled or missing module, completion off and deletion in progress do not",
		HAS(j, "\"tracked\":3") && HAS(j, "\"cmid\":100") && HAS(j, "\"cmid\":101") && HAS(j, "\"cmid\":102")
		&& !HAS(j, "\"cmid\":103") && !HAS(j, "\"cmid\":104") && !HAS(j, "\"cmid\":105") && !HAS(j, "\"cmid\":106"));
	MG_TEST("state 4 (fail on a hidden grade item) is a valid state, shown as failed and not done",
		HAS(j, "{\"cmid\":101,\"module\":\"quiz\",\"section\":0,\"state\":\"fail\"}"));
	MG_TEST("done is Moodle's count (state 1 or 2 on any module of the course): 3 of 3 tracked, 100 %",
		HAS(j, "\"done\":3,\"tracked\":3,\"percent\":100"));
	j = run2(m, mg_view_trainer, 2, 2);
	MG_TEST("the trainer sees the same states", HAS(j, "\"states\":[\"complete\",\"fail\",\"pass\"]")
		&& HAS(j, "\"states\":[\"incomplete\",\"incomplete\",\"fail\"]"));
	mg_model_free(m);

	/* the site's code list not given: every module of the table counts */
	m = build(rs, 1);
	j = run2(m, mg_view_participant, 1, 2);
	MG_TEST("without installed_modules, a module's code is taken as present", HAS(j, "\"tracked\":4"));
	mg_model_free(m);

	/* completion off for the site, then for the course */
	m = build(rs, 0);
	j = run2(m, mg_view_participant, 1, 2);
	MG_TEST("site completion off: no percentage, nothing tracked",
		HAS(j, "\"done\":0,\"tracked\":0,\"percent\":null,\"completion_enabled\":false"));
	mg_model_free(m);
	((mg_row_course *)mg_rowset_get(rs, MG_T_COURSE, 0))->enablecompletion = 0;
	m = build(rs, 1);
	j = run2(m, mg_view_trainer, 2, 2);
	MG_TEST("course completion off: no percentage for anybody", HAS(j, "\"percent\":null,\"completion_enabled\":false")
		&& !HAS(j, "\"percent\":1") && HAS(j, "\"activities\":[]"));
	mg_model_free(m);
	((mg_row_course *)mg_rowset_get(rs, MG_T_COURSE, 0))->enablecompletion = 1;

	/* course complete: 100 */
	{
		mg_row_course_completions *cc = fx_row(rs, MG_T_COURSE_COMPLETIONS);
		cc->id = 1;
		cc->userid = 3;
		cc->course = 2;
		cc->timecompleted = 1700000000;
		cc = fx_row(rs, MG_T_COURSE_COMPLETIONS);
		cc->id = 2;
		cc->userid = 1;
		cc->course = 2;
		cc->timecompleted = MG_NULL_INT; /* started, not complete */
	}
	m = build(rs, 1);
	j = run2(m, mg_view_participant, 3, 2);
	MG_TEST("a complete course is 100 % whatever the activities (course_completions.timecompleted)",
		HAS(j, "\"done\":0,\"tracked\":4,\"percent\":100,\"completion_enabled\":true,\"course_complete\":true"));
	j = run2(m, mg_view_participant, 1, 2);
	MG_TEST("a course_completions row without timecompleted is not complete", HAS(j, "\"course_complete\":false"));
	mg_model_free(m);
	mg_rowset_free(rs);

	/* floor() of PHP's ($done / $count) * 100: 29 of 100 shows 28, as on "My courses" */
	rs = base();
	{
		int64_t i;
		for (i = 0; i < 100; i++) {
			fx_activity(rs, 2, 1000 + i, 1);
			if (i < 29) {
				fx_completion(rs, 100 + i, 1000 + i, 1, 1);
			}
			if (i < 57) {
				fx_completion(rs, 200 + i, 1000 + i, 3, 2);
			}
		}
	}
	m = build(rs, 1);
	j = run2(m, mg_view_participant, 1, 2);
	MG_TEST("29 of 100 is 28 %, as Moodle floors (29/100)*100 in doubles", HAS(j, "\"done\":29,\"tracked\":100,\"percent\":28"));
	j = run2(m, mg_view_participant, 3, 2);
	MG_TEST("57 of 100 is 56 % for the same reason", HAS(j, "\"done\":57,\"tracked\":100,\"percent\":56"));
	mg_model_free(m);
	mg_rowset_free(rs);

	/* a complete course with nothing tracked is still 100 */
	rs = base();
	{
		mg_row_course_completions *cc = fx_row(rs, MG_T_COURSE_COMPLETIONS);
		cc->id = 1;
		cc->userid = 1;
		cc->course = 2;
		cc->timecompleted = 5;
	}
	m = build(rs, 1);
	j = run2(m, mg_view_participant, 1, 2);
	MG_TEST("complete and nothing tracked: 100", HAS(j, "\"tracked\":0,\"percent\":100"));
	j = run2(m, mg_view_participant, 3, 2);
	MG_TEST("nothing tracked, not complete: null", HAS(j, "\"tracked\":0,\"percent\":null"));
	j = run_mine(m, 1);
	MG_TEST("\"my trainings\" gives a current participant his own figures",
		HAS(j, "\"current\":true") && HAS(j, "\"progress\":{\"done\":0,\"tracked\":0,\"percent\":100,\"completion_enabled\":true,\"course_complete\":true}"));
	mg_model_free(m);
	mg_rowset_free(rs);
}

/* Builds base() broken by `fn`, checks the views still answer and the
 * data quality view names the anomaly. */
typedef void (*break_fn)(mg_rowset *rs);

static const char *broken(break_fn fn, mg_model **out)
{
	static mg_rowset *keep;
	mg_rowset *rs;

	if (keep) {
		mg_rowset_free(keep);
		keep = NULL;
	}
	if (!fn) {
		return NULL;
	}
	rs = base();
	fx_activity(rs, 2, 100, 1);
	fx_activity(rs, 2, 101, 1);
	fx_completion(rs, 1, 100, 1, 1);
	fx_mark(rs, 1, 2, 1, 1, 180);
	fn(rs);
	keep = rs;
	*out = build(rs, 1);
	return *out ? run_quality(*out, 100) : "ERR";
}

static void br_orphan_completion(mg_rowset *rs) { fx_completion(rs, 7, 999, 1, 1); }
static void br_mark_deleted_course(mg_rowset *rs) { fx_mark(rs, 9, 77, 3, 1, 60); }
static void br_duration(mg_rowset *rs)
{
	mg_row_customfield_field *f = fx_row(rs, MG_T_CUSTOMFIELD_FIELD);
	mg_row_customfield_data *d = fx_row(rs, MG_T_CUSTOMFIELD_DATA);
	f->id = 1;
	f->shortname = fx_s(rs, "magistere_duration");
	d->id = 5;
	d->fieldid = 1;
	d->instanceid = 2;
	d->value = fx_s(rs, "2h30");
}
static void br_circ_case(mg_rowset *rs)
{
	((mg_row_school *)mg_rowset_get(rs, MG_T_SCHOOL, 0))->circonscription = fx_s(rs, " c1");
	((mg_row_inspector *)mg_rowset_get(rs, MG_T_INSPECTOR, 0))->circonscription = fx_s(rs, "c1");
}
/* A school code with a space (typed by hand, or a legacy code) in the school list and the
 * teacher's profile alike: it matches, but the attestation file's Uai type refuses it. */
static void br_uai_unfit(mg_rowset *rs)
{
	((mg_row_school *)mg_rowset_get(rs, MG_T_SCHOOL, 0))->uai = fx_s(rs, "069 1234A");
	((mg_row_user_info_data *)mg_rowset_get(rs, MG_T_USER_INFO_DATA, 0))->data = fx_s(rs, " 069 1234a");
}
/* A parcours with id 0 (no Moodle table gives one), a participant enrolled in it. */
static void br_id_zero(mg_rowset *rs)
{
	fx_course(rs, 0, "ZERO", "Zéro");
	fx_enrol(rs, 0, 3, 1);
}
static void br_text(mg_rowset *rs)
{
	mg_row_user *u = (mg_row_user *)mg_rowset_get(rs, MG_T_USER, 2);
	mg_row_course *c = (mg_row_course *)mg_rowset_get(rs, MG_T_COURSE, 0);
	u->lastname = mg_rowset_strdup(rs, "Du\x01rand\xff\xfe", 9);
	c->shortname = mg_rowset_strdup(rs, "LE\0CT\xc3", 6);
}
static void br_dangling_enrolment(mg_rowset *rs)
{
	mg_row_user_enrolments *ue = fx_row(rs, MG_T_USER_ENROLMENTS);
	ue->id = 55;
	ue->enrolid = 404;
	ue->userid = 3;
}
static void br_missing_context(mg_rowset *rs)
{
	mg_row_role_assignments *ra = fx_row(rs, MG_T_ROLE_ASSIGNMENTS);
	ra->id = 66;
	ra->roleid = 2;
	ra->contextid = 404;
	ra->userid = 3;
}
static void br_duplicate_profile(mg_rowset *rs)
{
	mg_row_user_info_data *d = fx_row(rs, MG_T_USER_INFO_DATA);
	d->id = 77;
	d->userid = 1;
	d->fieldid = 1;
	d->data = fx_s(rs, "0000000X");
}
static void br_state(mg_rowset *rs) { fx_completion(rs, 8, 101, 1, 9); }
static void br_duplicate_id(mg_rowset *rs) { fx_user(rs, 3, "Autre", "Personne"); }

static void test_anomalies(void)
{
	mg_model *m = NULL;
	const char *j;
	char v[131072];

	j = broken(br_orphan_completion, &m);
	MG_TEST("an orphan completion row is an anomaly with table, id, field and problem",
		HAS(j, "{\"table\":\"course_modules_completion\",\"id\":7,\"field\":\"coursemoduleid\",\"problem\":\"missing_reference\""));
	MG_TEST("the total and the counts say how many", HAS(j, "\"total\":1,\"counts\":[{\"table\":\"course_modules_completion\",\"field\":\"coursemoduleid\",\"problem\":\"missing_reference\",\"count\":1}]"));
	snprintf(v, sizeof(v), "%s", run2(m, mg_view_participant, 1, 2));
	MG_TEST("and the views stay exact for the good rows", HAS(v, "\"done\":1,\"tracked\":2,\"percent\":50"));
	mg_model_free(m);

	j = broken(br_mark_deleted_course, &m);
	MG_TEST("a mark of a deleted course is an anomaly", HAS(j, "\"table\":\"local_magistere_mark\",\"id\":9,\"field\":\"courseid\",\"problem\":\"missing_reference\""));
	snprintf(v, sizeof(v), "%s", run_inspector(m, 4));
	MG_TEST("and the inspector's view still answers", HAS(v, "\"credited_minutes\":180"));
	mg_model_free(m);

	j = broken(br_duration, &m);
	MG_TEST("a duration typed \"2h30\" is an anomaly", HAS(j, "\"table\":\"customfield_data\",\"id\":5,\"field\":\"value\",\"problem\":\"invalid_duration\""));
	snprintf(v, sizeof(v), "%s", run2(m, mg_view_trainer, 2, 2));
	MG_TEST("read as no forecast duration", HAS(v, "\"duration_minutes\":null"));
	mg_model_free(m);

	j = broken(br_circ_case, &m);
	MG_TEST("a circonscription code in another case is matched, and reported",
		HAS(j, "\"table\":\"local_magistere_school\",\"id\":1,\"field\":\"circonscription\",\"problem\":\"case_mismatch\"")
		&& HAS(j, "\"table\":\"local_magistere_inspector\",\"id\":1,\"field\":\"circonscription\",\"problem\":\"case_mismatch\""));
	snprintf(v, sizeof(v), "%s", run_inspector(m, 4));
	MG_TEST("the inspector still sees his teacher", HAS(v, "\"lastname\":\"Élan\"") && HAS(v, "\"circonscription\":\"C1\""));
	mg_model_free(m);

	j = broken(br_uai_unfit, &m);
	MG_TEST("a school code the attestation file cannot carry is an anomaly",
		HAS(j, "\"table\":\"local_magistere_school\",\"id\":1,\"field\":\"uai\",\"problem\":\"invalid_value\""));
	snprintf(v, sizeof(v), "%s", run_inspector(m, 4));
	MG_TEST("the school is kept: its inspector still sees its teacher", HAS(v, "\"lastname\":\"Élan\""));
	MG_TEST("the attestation walk leaves its code out (unknown), the participant in", HAS(attest_uai(m), "Élan:;"));
	mg_model_free(m);
	{
		mg_rowset *rs = base();

		m = build(rs, 1);
		MG_TEST("a code that fits is handed to the attestation file", HAS(attest_uai(m), "Élan:0691234A;"));
		MG_TEST("and is no anomaly", !HAS(run_quality(m, 100), "\"field\":\"uai\""));
		mg_model_free(m);
		mg_rowset_free(rs);
	}

	j = broken(br_id_zero, &m);
	MG_TEST("an id below 1 is no Moodle id: an anomaly, the row ignored",
		HAS(j, "\"table\":\"course\",\"id\":0,\"field\":\"id\",\"problem\":\"invalid_value\""));
	MG_TEST("the attestation walk hands over the other parcours only", strncmp(attest(m), "[2]", 3) == 0
		&& !HAS(attest(m), "[0]"));
	mg_model_free(m);

	j = broken(br_text, &m);
	MG_TEST("control characters and invalid UTF-8 are anomalies",
		HAS(j, "\"table\":\"user\",\"id\":3,\"field\":\"lastname\",\"problem\":\"invalid_text\"")
		&& HAS(j, "\"table\":\"course\",\"id\":2,\"field\":\"shortname\",\"problem\":\"invalid_text\""));
	snprintf(v, sizeof(v), "%s", run2(m, mg_view_trainer, 2, 2));
	MG_TEST("normalised as a page shows them", HAS(v, "\"lastname\":\"Du rand\"") && HAS(v, "\"shortname\":\"LECT\""));
	mg_model_free(m);

	j = broken(br_dangling_enrolment, &m);
	MG_TEST("a dangling enrolment is an anomaly", HAS(j, "\"table\":\"user_enrolments\",\"id\":55,\"field\":\"enrolid\",\"problem\":\"missing_reference\""));
	mg_model_free(m);

	j = broken(br_missing_context, &m);
	MG_TEST("a role assignment to a missing context is an anomaly", HAS(j, "\"table\":\"role_assignments\",\"id\":66,\"field\":\"contextid\",\"problem\":\"missing_reference\""));
	snprintf(v, sizeof(v), "%s", run2(m, mg_view_trainer, 2, 2));
	MG_TEST("and gives nobody a role", HAS(v, "\"trainers\":[{\"id\":2,"));
	mg_model_free(m);

	j = broken(br_duplicate_profile, &m);
	MG_TEST("duplicate profile data is an anomaly, the first row wins",
		HAS(j, "\"table\":\"user_info_data\",\"id\":77,\"field\":\"userid, fieldid\",\"problem\":\"duplicate_key\""));
	snprintf(v, sizeof(v), "%s", run_inspector(m, 4));
	MG_TEST("the teacher keeps his school", HAS(v, "\"uai\":\"0691234A\""));
	mg_model_free(m);

	{
		/* A store that reads tables carrying Moodle's unique indexes promises
		 * unique keys: the model no longer looks for duplicates of those
		 * keys (the map it needed for that was a tenth of a whole-site
		 * build). The duplicate below could not come from such a store; it
		 * carries the same school, so the views must not change. */
		mg_rowset *rs = base();
		mg_row_user_info_data *d;
		mg_rowset_set_unique_keys(rs, 1);
		MG_TEST("a rowset says whether its keys are unique", mg_rowset_unique_keys(rs) == 1);
		d = fx_row(rs, MG_T_USER_INFO_DATA);
		d->id = 78;
		d->userid = 1;
		d->fieldid = 1;
		d->data = fx_s(rs, "0691234A");
		m = build(rs, 1);
		j = m ? run_quality(m, 10) : "";
		MG_TEST("with unique keys promised, duplicates of those keys are not looked for",
			HAS(j, "{\"total\":0,"));
		snprintf(v, sizeof(v), "%s", m ? run_inspector(m, 4) : "");
		MG_TEST("and the views are built as usual", HAS(v, "\"uai\":\"0691234A\"") && HAS(v, "\"lastname\":\"Élan\""));
		mg_model_free(m);
		mg_rowset_free(rs);
	}

	j = broken(br_state, &m);
	MG_TEST("a completion state outside 0..4 is an anomaly read as incomplete",
		HAS(j, "\"table\":\"course_modules_completion\",\"id\":8,\"field\":\"completionstate\",\"problem\":\"invalid_value\""));
	mg_model_free(m);

	j = broken(br_duplicate_id, &m);
	MG_TEST("a duplicate id is an anomaly, the first row is used",
		HAS(j, "\"table\":\"user\",\"id\":3,\"field\":\"id\",\"problem\":\"duplicate_id\""));
	snprintf(v, sizeof(v), "%s", run2(m, mg_view_trainer, 2, 2));
	MG_TEST("the view names the first row's person only", HAS(v, "Durand") && !HAS(v, "Personne"));
	mg_model_free(m);
	broken(NULL, &m);
	{
		mg_rowset *rs = base();
		m = build(rs, 1);
		j = run_quality(m, 10);
		MG_TEST("a clean model has no anomaly", HAS(j, "{\"total\":0,\"counts\":[],\"anomalies\":[]}"));
		mg_model_free(m);
		mg_rowset_free(rs);
	}
}

/* Durations as the plugin credits them (PHP's is_numeric() and round()). */
static void test_durations(void)
{
	static const struct { const char *value; const char *shown; int anomaly; } cases[] = {
		{ "240", "\"duration_minutes\":240", 0 },
		{ " 90 ", "\"duration_minutes\":90", 0 },
		{ "90.000", "\"duration_minutes\":90", 0 },
		{ "1e2", "\"duration_minutes\":100", 0 },
		{ "", "\"duration_minutes\":null", 0 },
		{ "90.5", "\"duration_minutes\":91", 1 },
		{ "0.4", "\"duration_minutes\":0", 1 },
		{ "2h30", "\"duration_minutes\":null", 1 },
		{ "-30", "\"duration_minutes\":null", 1 },
		{ "trois heures", "\"duration_minutes\":null", 1 },
		{ "99999999999", "\"duration_minutes\":null", 1 },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		mg_rowset *rs = base();
		mg_model *m;
		const char *j;
		char name[160];
		mg_row_customfield_field *f = fx_row(rs, MG_T_CUSTOMFIELD_FIELD);
		mg_row_customfield_data *d = fx_row(rs, MG_T_CUSTOMFIELD_DATA);

		f->id = 1;
		f->shortname = fx_s(rs, "magistere_duration");
		d->id = 1;
		d->fieldid = 1;
		d->instanceid = 2;
		d->value = fx_s(rs, cases[i].value);
		m = build(rs, 1);
		j = run2(m, mg_view_trainer, 2, 2);
		snprintf(name, sizeof(name), "duration \"%s\" reads as %s%s", cases[i].value, cases[i].shown,
			cases[i].anomaly ? ", with an anomaly" : "");
		MG_TEST(name, HAS(j, cases[i].shown) && (mg_model_anomaly_count(m) == (size_t)cases[i].anomaly));
		mg_model_free(m);
		mg_rowset_free(rs);
	}
	{
		mg_rowset *rs = base();
		mg_model *m;
		mg_row_customfield_field *f = fx_row(rs, MG_T_CUSTOMFIELD_FIELD);
		mg_row_customfield_data *d = fx_row(rs, MG_T_CUSTOMFIELD_DATA);

		f->id = 1;
		f->shortname = fx_s(rs, "magistere_duration");
		d->id = 1;
		d->fieldid = 1;
		d->instanceid = 2;
		d->has_decvalue = 1;
		d->decvalue = -1.5;
		m = build(rs, 1);
		MG_TEST("a negative decimal duration is not set, with an anomaly",
			HAS(run2(m, mg_view_trainer, 2, 2), "\"duration_minutes\":null") && mg_model_anomaly_count(m) == 1);
		mg_model_free(m);
		mg_rowset_free(rs);
	}
}

static void test_limits(void)
{
	mg_rowset *rs = base();
	mg_model *m;
	const char *j;
	int64_t i;

	for (i = 0; i < MG_ANOMALY_KEEP + 5; i++) {
		fx_completion(rs, 1000 + i, 5000 + i, 1, 1);
	}
	m = build(rs, 1);
	MG_TEST("every anomaly is counted, even beyond those kept in detail",
		m && mg_model_anomaly_count(m) == (size_t)MG_ANOMALY_KEEP + 5);
	j = run_quality(m, 2);
	MG_TEST("the data quality view gives the first ones, in id order",
		HAS(j, "\"total\":10005") && HAS(j, "\"count\":10005") && HAS(j, "\"id\":1000,") && HAS(j, "\"id\":1001,")
		&& !HAS(j, "\"id\":1002,"));
	mg_model_free(m);
	mg_rowset_free(rs);
}

int main(void)
{
	test_records();
	test_progress();
	test_anomalies();
	test_durations();
	test_limits();
	MG_TEST_REPORT();
}
