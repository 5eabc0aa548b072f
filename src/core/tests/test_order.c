/*
 * Unit tests of the orders and lookups a model computes once per build: the
 * name order of people and courses (m->user_rank, m->course_rank), which the
 * views use instead of comparing names, must be mg_name_cmp's pair by pair;
 * users must be found by id whether their ids index an array (dense ids, as
 * Moodle's auto-increment gives) or a hash map (sparse ids).
 */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "fixture.h"
#include "../core_private.h"

static uint64_t rng = 0x9E3779B97F4A7C15ULL;

static uint32_t next(uint32_t n)
{
	return mg_test_rand(&rng, n);
}

/* Names that fold together, differ only by case or accents, are prefixes of
 * one another, or are empty: the ties the ranks must break as mg_name_cmp. */
static const char *const lasts[] = {
	"Élan", "elan", "ELAN", "Elan", "Eve", "Ève", "ève", "Œuvre", "oeuvre", "Oeuvre", "Odile",
	"Martin", "Martinez", "martin", "N'Diaye", "Ndiaye", "", " ", "Zoé", "Zoe", "Ä", "a", "Dupont",
	"DUPONT", "Dupont-Moretti", "Durand",
};
static const char *const firsts[] = {
	"Anne", "anne", "Anne-Marie", "Ève", "Eve", "", "Zoé", "zoe", "Éric", "Eric", "ERIC",
};

#define NUSERS 400
#define NCOURSES 60

static int sign(int x)
{
	return (x > 0) - (x < 0);
}

static int want_user_cmp(const mg_user *a, const mg_user *b)
{
	int r = mg_name_cmp(a->lastname, b->lastname);

	if (!r) {
		r = mg_name_cmp(a->firstname, b->firstname);
	}
	if (!r) {
		r = a->id < b->id ? -1 : (a->id > b->id ? 1 : 0);
	}
	return r;
}

static int want_course_cmp(const mg_course *a, const mg_course *b)
{
	int r = mg_name_cmp(a->fullname, b->fullname);

	if (!r) {
		r = a->id < b->id ? -1 : (a->id > b->id ? 1 : 0);
	}
	return r;
}

/* Users with ids first, first + step, ...; courses likewise. */
static mg_model *build(int64_t first, int64_t step, int64_t *ids)
{
	mg_rowset *rs = mg_rowset_new();
	mg_settings s;
	mg_error err;
	mg_model *m;
	size_t i;

	fx_roles(rs);
	for (i = 0; i < NCOURSES; i++) {
		char name[64];
		snprintf(name, sizeof(name), "%s %s", lasts[next(sizeof(lasts) / sizeof(lasts[0]))],
			firsts[next(sizeof(firsts) / sizeof(firsts[0]))]);
		fx_course(rs, 10 + (int64_t)i * step, "C", name);
	}
	for (i = 0; i < NUSERS; i++) {
		ids[i] = first + (int64_t)i * step;
		fx_user(rs, ids[i], firsts[next(sizeof(firsts) / sizeof(firsts[0]))],
			lasts[next(sizeof(lasts) / sizeof(lasts[0]))]);
		fx_enrol(rs, 10 + (int64_t)next(NCOURSES) * step, ids[i], 1);
	}
	mg_settings_defaults(&s, 1800000000);
	mg_error_clear(&err);
	m = mg_model_build(rs, &s, &err);
	if (!m) {
		printf("build failed: %s\n", err.message);
		mg_rowset_free(rs);
	}
	return m;
}

static void check(const char *what, int64_t first, int64_t step)
{
	int64_t ids[NUSERS];
	mg_model *m = build(first, step, ids);
	size_t a, b;
	int ok = 1, seen_ok = 1;
	char label[160];

	snprintf(label, sizeof(label), "%s: the model builds", what);
	MG_TEST(label, m != NULL);
	if (!m) {
		return;
	}
	for (a = 0; a < m->nusers; a++) {
		for (b = 0; b < m->nusers; b++) {
			int want = sign(want_user_cmp(&m->users[a], &m->users[b]));
			int got = sign((int)(m->user_rank[a] > m->user_rank[b]) - (int)(m->user_rank[a] < m->user_rank[b]));
			if (want != got && ok) {
				printf("  users %lld / %lld: mg_name_cmp order %d, rank order %d\n",
					(long long)m->users[a].id, (long long)m->users[b].id, want, got);
				ok = 0;
			}
		}
	}
	snprintf(label, sizeof(label), "%s: people's rank order is mg_name_cmp's (last, first, id), pair by pair", what);
	MG_TEST(label, ok && m->nusers == NUSERS);
	ok = 1;
	for (a = 0; a < m->ncourses; a++) {
		for (b = 0; b < m->ncourses; b++) {
			int want = sign(want_course_cmp(&m->courses[a], &m->courses[b]));
			int got = sign((int)(m->course_rank[a] > m->course_rank[b]) - (int)(m->course_rank[a] < m->course_rank[b]));
			ok = ok && want == got;
		}
	}
	snprintf(label, sizeof(label), "%s: courses' rank order is mg_name_cmp's (full name, id), pair by pair", what);
	MG_TEST(label, ok && m->ncourses == NCOURSES);
	for (a = 0; a < NUSERS; a++) {
		uint32_t u = mg_model_user(m, ids[a]);
		seen_ok = seen_ok && u != MG_NONE && m->users[u].id == ids[a];
	}
	seen_ok = seen_ok && mg_model_user(m, first - 1) == MG_NONE && mg_model_user(m, ids[NUSERS - 1] + 1) == MG_NONE
		&& mg_model_user(m, INT64_MIN) == MG_NONE && mg_model_user(m, INT64_MAX) == MG_NONE;
	if (step > 1) {
		seen_ok = seen_ok && mg_model_user(m, first + 1) == MG_NONE;
	}
	snprintf(label, sizeof(label), "%s: every user is found by id, and no absent id", what);
	MG_TEST(label, seen_ok);
	snprintf(label, sizeof(label), "%s: the users' ids are %s", what, step == 1 ? "an array" : "a hash map");
	MG_TEST(label, (m->user_by_id.dense != NULL) == (step == 1));
	mg_rowset_free((mg_rowset *)m->rs);
	mg_model_free(m);
}

int main(void)
{
	check("contiguous ids", 1, 1);
	check("sparse ids", 3, 7919);
	check("contiguous ids from a large base", INT64_C(1) << 40, 1);
	MG_TEST_REPORT();
}
