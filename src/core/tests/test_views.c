/*
 * Unit tests of the model and the views: who is who, progress, the rules.
 */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "fixture.h"
#include "../json.h"

typedef mg_status (*view2_fn)(const mg_model *, int64_t, int64_t, const mg_emitter *, mg_error *);

/* The JSON a view wrote (static buffer), or its error message prefixed
 * with "ERR<code>:". Frees the writer. */
static const char *result(mg_json *j, mg_status st, const mg_error *err)
{
	static char buf[65536];

	if (st != MG_OK) {
		snprintf(buf, sizeof(buf), "ERR%d:%s", (int)st, err->message);
	} else {
		snprintf(buf, sizeof(buf), "%s", mg_json_text(j));
	}
	mg_json_free(j);
	return buf;
}

/* Runs a (viewer, course) view. */
static const char *run2(const mg_model *m, view2_fn fn, int64_t a, int64_t b)
{
	mg_emitter out;
	mg_json *j = mg_json_new(&out);
	mg_error err;

	mg_error_clear(&err);
	return result(j, fn(m, a, b, &out, &err), &err);
}

static const char *run_inspector(const mg_model *m, int64_t v, const char *circ)
{
	mg_emitter out;
	mg_json *j = mg_json_new(&out);
	mg_error err;

	mg_error_clear(&err);
	return result(j, mg_view_inspector(m, v, (mg_str){ circ, strlen(circ) }, &out, &err), &err);
}

#define HAS(s, sub) (strstr((s), (sub)) != NULL)

static mg_rowset *dataset(void)
{
	mg_rowset *rs = mg_rowset_new();

	fx_roles(rs);
	fx_course(rs, 2, "LECT", "Lecture");
	fx_course(rs, 3, "VIDE", "Parcours vide");
	fx_user(rs, 1, "Zoé", "Élan");
	fx_user(rs, 2, "Anne", "Formatrice");
	fx_user(rs, 3, "Bob", "Durand");
	fx_user(rs, 4, "Igor", "Inspecteur");
	fx_user(rs, 5, "Out", "Sider");
	fx_user(rs, 6, "Sam", "Suspendu");
	fx_enrol(rs, 2, 1, 1);
	fx_enrol(rs, 2, 2, 2);
	fx_enrol(rs, 2, 3, 1);
	fx_enrol(rs, 2, 6, 1);
	fx_enrol(rs, 3, 2, 2);
	fx_activity(rs, 2, 100, 1);
	fx_activity(rs, 2, 101, 2);
	fx_activity(rs, 2, 102, 0); /* untracked */
	fx_activity(rs, 2, 103, 1);
	fx_completion(rs, 1, 100, 1, 1);
	fx_completion(rs, 2, 101, 1, 3);
	fx_completion(rs, 3, 103, 1, 2);
	fx_completion(rs, 4, 102, 1, 1);
	fx_completion(rs, 5, 100, 3, 0);
	fx_circ(rs, 1, "C1");
	fx_circ(rs, 2, "C2");
	fx_school(rs, 1, "0691234A", "C1", "1D");
	fx_user_school(rs, 1, " 0691234a");
	fx_user_school(rs, 3, "9999999Z"); /* no such school */
	{
		mg_row_inspector *in = fx_row(rs, MG_T_INSPECTOR);
		in->id = 1;
		in->userid = 4;
		in->circonscription = fx_s(rs, "C1");
	}
	fx_mark(rs, 1, 2, 1, 1, 180);
	{
		mg_row_user *u = (mg_row_user *)mg_rowset_get(rs, MG_T_USER, 5);
		u->suspended = 1;
	}
	return rs;
}

int main(void)
{
	mg_settings s;
	mg_error err;
	mg_rowset *rs = dataset();
	mg_model *m;
	const char *j;

	mg_settings_defaults(&s, 1800000000);
	mg_error_clear(&err);
	m = mg_model_build(rs, &s, &err);
	MG_TEST("the fixture builds", m != NULL);
	if (!m) {
		printf("%s\n", err.message);
		mg_rowset_free(rs);
		MG_TEST_REPORT();
	}

	/* R2 */
	j = run2(m, mg_view_participant, 1, 2);
	MG_TEST("participant sees his progress as Moodle counts it: a fail is not done, but the completion row of an untracked activity is (count_modules_completed())",
		HAS(j, "\"done\":3,\"tracked\":3,\"percent\":100,\"completion_enabled\":true,\"course_complete\":false"));
	MG_TEST("participant sees a failed activity as failed", HAS(j, "\"state\":\"fail\""));
	MG_TEST("participant sees the other participants' names", HAS(j, "\"lastname\":\"Durand\""));
	MG_TEST("participant never sees another participant's progress", !HAS(j, "states"));
	MG_TEST("a suspended participant is listed nowhere", !HAS(j, "Suspendu"));
	MG_TEST("participant sees his own mark and credited time", HAS(j, "\"finished\":true,\"credited_minutes\":180"));
	{
		const char *parts = strstr(j, "\"participants\":");
		MG_TEST("participants are sorted by folded last name (Durand before Élan)",
			parts && strstr(parts, "Durand") && strstr(parts, "\"lastname\":\"Élan\"")
			&& strstr(parts, "Durand") < strstr(parts, "\"lastname\":\"Élan\""));
	}
	j = run2(m, mg_view_participant, 2, 2);
	MG_TEST("a trainer is refused the participant view (R2)", strncmp(j, "ERR-4:", 6) == 0);
	j = run2(m, mg_view_participant, 5, 2);
	MG_TEST("an outsider is refused (R1)", strncmp(j, "ERR-4:", 6) == 0);
	j = run2(m, mg_view_participant, 6, 2);
	MG_TEST("a suspended user is refused (only active participants)", strncmp(j, "ERR-4:", 6) == 0);
	j = run2(m, mg_view_participant, 1, 99);
	MG_TEST("an unknown parcours is not found", strncmp(j, "ERR-3:", 6) == 0);
	j = run2(m, mg_view_participant, 99, 2);
	MG_TEST("an unknown user is not found", strncmp(j, "ERR-3:", 6) == 0);

	/* R3 */
	j = run2(m, mg_view_trainer, 2, 2);
	MG_TEST("trainer sees every participant's states",
		HAS(j, "\"states\":[\"complete\",\"fail\",\"pass\"]") && HAS(j, "\"states\":[\"incomplete\",\"incomplete\",\"incomplete\"]"));
	MG_TEST("trainer sees who set the mark (audit)", HAS(j, "\"by\":2"));
	MG_TEST("trainer view summary", HAS(j, "\"summary\":{\"participants\":2,\"finished\":1}"));
	MG_TEST("trainer sees the school when known, null otherwise", HAS(j, "\"uai\":\"0691234A\"") && HAS(j, "\"school\":null"));
	j = run2(m, mg_view_trainer, 1, 2);
	MG_TEST("a participant is refused the trainer view (R3)", strncmp(j, "ERR-4:", 6) == 0);
	j = run2(m, mg_view_trainer, 2, 3);
	MG_TEST("the empty parcours has no participants", HAS(j, "\"participants\":[]") && HAS(j, "\"activities\":[]"));

	/* R4 */
	j = run_inspector(m, 4, "");
	MG_TEST("inspector sees his teacher with status and credited time",
		HAS(j, "\"status\":\"finished\",\"credited_minutes\":180"));
	MG_TEST("inspector never sees states or progress", !HAS(j, "state") && !HAS(j, "progress") && !HAS(j, "percent"));
	MG_TEST("a teacher without a known school is not the inspector's", !HAS(j, "Durand"));
	j = run_inspector(m, 4, "C2");
	MG_TEST("inspector refused another circonscription", strncmp(j, "ERR-4:", 6) == 0);
	j = run_inspector(m, 4, "C9");
	MG_TEST("unknown circonscription is not found", strncmp(j, "ERR-3:", 6) == 0);
	j = run_inspector(m, 2, "");
	MG_TEST("a trainer is not an inspector", strncmp(j, "ERR-4:", 6) == 0);
	j = run2(m, mg_view_trainer, 4, 2);
	MG_TEST("an inspector never opens a parcours he is not in (R4)", strncmp(j, "ERR-4:", 6) == 0);

	/* R9 */
	j = run2(m, mg_view_transparency, 1, 2);
	MG_TEST("transparency names the inspectors who see him", HAS(j, "\"inspectors\":{\"who\":[{\"id\":4"));
	MG_TEST("transparency shows the trainer row", HAS(j, "\"sees\":{\"id\":1,\"firstname\":\"Zoé\",\"lastname\":\"Élan\",\"school\""));
	MG_TEST("transparency lists what nobody sees", HAS(j, "\"never\":[\"connection_time\""));
	j = run2(m, mg_view_transparency, 2, 2);
	MG_TEST("transparency is for participants", strncmp(j, "ERR-4:", 6) == 0);

	mg_model_free(m);

	/* settings */
	s.k = 2;
	MG_TEST("k below 3 is refused", mg_settings_check(&s, &err) == MG_ESETTINGS);
	mg_settings_defaults(&s, 1800000000);
	s.participant_roles[0] = s.trainer_roles[0];
	MG_TEST("a role cannot be both trainer and participant", mg_settings_check(&s, &err) == MG_ESETTINGS);
	mg_settings_defaults(&s, 1800000000);

	/* enrolment windows: at an earlier "now" the same rows give the same view */
	{
		mg_row_user_enrolments *ue = (mg_row_user_enrolments *)mg_rowset_get(rs, MG_T_USER_ENROLMENTS, 2);
		ue->timeend = 1700000000; /* user 3's enrolment ended */
		m = mg_model_build(rs, &s, &err);
		j = run2(m, mg_view_trainer, 2, 2);
		MG_TEST("an ended enrolment is not active", !HAS(j, "Durand"));
		mg_model_free(m);
		s.now = 1600000000;
		m = mg_model_build(rs, &s, &err);
		j = run2(m, mg_view_trainer, 2, 2);
		MG_TEST("before its end it is", HAS(j, "Durand"));
		mg_model_free(m);
		s.now = 1800000000;
	}

	/* inconsistent rows are anomalies (test_model.c), never a refused build */
	fx_completion(rs, 99, 777, 1, 1);
	m = mg_model_build(rs, &s, &err);
	MG_TEST("a completion for an unknown activity leaves the model building", m != NULL && mg_model_anomaly_count(m) == 1);
	j = run2(m, mg_view_participant, 1, 2);
	MG_TEST("and the views answering, exact for the good rows", HAS(j, "\"done\":3,\"tracked\":3"));
	mg_model_free(m);
	mg_rowset_free(rs);

	/* an empty rowset is a valid, empty model */
	rs = mg_rowset_new();
	m = mg_model_build(rs, &s, &err);
	MG_TEST("an empty rowset builds", m != NULL);
	j = run2(m, mg_view_participant, 1, 1);
	MG_TEST("and every view on it reports not found", strncmp(j, "ERR-3:", 6) == 0);
	mg_model_free(m);
	mg_rowset_free(rs);
	MG_TEST_REPORT();
}
