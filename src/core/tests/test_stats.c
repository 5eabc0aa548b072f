/*
 * Unit tests of the statistics (R5): counts, margins and disclosure control,
 * checked as properties over generated académies.
 */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "fixture.h"
#include "../core_private.h"

static uint64_t rng = 88172645463325252ULL;

static uint32_t next(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng % n);
}

static mg_rowset *generate(int courses, int users, int schools)
{
	mg_rowset *rs = mg_rowset_new();
	static const char *circs[] = { "C1", "C2", "C3" };
	char buf[32];
	int c, u, s;

	fx_roles(rs);
	for (s = 0; s < 3; s++) {
		fx_circ(rs, s + 1, circs[s]);
	}
	for (s = 0; s < schools; s++) {
		snprintf(buf, sizeof(buf), "%07dA", s);
		fx_school(rs, s + 1, buf, circs[next(3)], next(2) ? "1D" : "2D");
	}
	for (c = 0; c < courses; c++) {
		snprintf(buf, sizeof(buf), "P%02d", c);
		fx_course(rs, c + 1, buf, buf);
	}
	for (u = 0; u < users; u++) {
		fx_user(rs, u + 1, "Prénom", "Nom");
		if (next(10) != 0) { /* some teachers have no school */
			snprintf(buf, sizeof(buf), "%07dA", (int)next((uint32_t)schools));
			fx_user_school(rs, u + 1, buf);
		}
		for (c = 0; c < courses; c++) {
			if (next(3) == 0) {
				fx_enrol(rs, c + 1, u + 1, 1);
				if (next(2)) {
					fx_mark(rs, (int64_t)(c + 1) * 100000 + u + 1, c + 1, u + 1, 1, 60 * (1 + (int64_t)next(6)));
				}
			}
		}
	}
	return rs;
}

/* A line: every cell sharing all values but dimension d's. */
static bool same_except(const mg_stats_table *t, const mg_stats_cell *a, const mg_stats_cell *b, size_t d)
{
	size_t e;

	for (e = 0; e < t->ndims; e++) {
		if (e == d) {
			continue;
		}
		if ((a->values[e].ptr == NULL) != (b->values[e].ptr == NULL)) {
			return false;
		}
		if (a->values[e].ptr && !mg_str_eq(a->values[e], b->values[e])) {
			return false;
		}
	}
	return true;
}

static void check_table(const mg_stats_table *t, const char *what)
{
	size_t i, j, d;
	int below = 0, lonely = 0, lonely_f = 0, sums = 0, hidden_f = 0;
	char descr[160];

	for (i = 0; i < t->ncells; i++) {
		const mg_stats_cell *c = &t->cells[i];
		if (c->suppressed == MG_SUPP_NONE && c->participants > 0 && c->participants < t->k) {
			below++;
		}
		if (c->suppressed == MG_SUPP_NONE && c->finished_suppressed == MG_SUPP_NONE
			&& ((c->finished_people > 0 && c->finished_people < t->k)
				|| (c->unfinished_people > 0 && c->unfinished_people < t->k))) {
			below++;
		}
		if (c->suppressed != MG_SUPP_NONE && c->finished_suppressed == MG_SUPP_NONE) {
			hidden_f++;
		}
	}
	/* lines: anchored on each margin cell */
	for (i = 0; i < t->ncells; i++) {
		const mg_stats_cell *m = &t->cells[i];
		for (d = 0; d < t->ndims; d++) {
			int64_t sum = 0;
			int n = 0, ns = 0, nsf = 0;
			if (m->values[d].ptr != NULL) {
				continue;
			}
			ns = m->suppressed != MG_SUPP_NONE;
			nsf = m->finished_suppressed != MG_SUPP_NONE;
			for (j = 0; j < t->ncells; j++) {
				const mg_stats_cell *c = &t->cells[j];
				if (c->values[d].ptr == NULL || !same_except(t, m, c, d)) {
					continue;
				}
				n++;
				sum += c->enrolments;
				ns += c->suppressed != MG_SUPP_NONE;
				nsf += c->finished_suppressed != MG_SUPP_NONE;
			}
			if (n > 0 && sum != m->enrolments) {
				sums++;
			}
			lonely += ns == 1;
			lonely_f += nsf == 1;
		}
	}
	snprintf(descr, sizeof(descr), "%s: no published count of 1 to k-1 people", what);
	MG_TEST(descr, below == 0);
	snprintf(descr, sizeof(descr), "%s: no line with exactly one suppressed cell", what);
	MG_TEST(descr, lonely == 0);
	snprintf(descr, sizeof(descr), "%s: no line with exactly one suppressed finished count", what);
	MG_TEST(descr, lonely_f == 0);
	snprintf(descr, sizeof(descr), "%s: every margin is the sum of its line (enrolments)", what);
	MG_TEST(descr, sums == 0);
	snprintf(descr, sizeof(descr), "%s: a suppressed cell never shows its finished count", what);
	MG_TEST(descr, hidden_f == 0);
}

int main(void)
{
	static const mg_dim d1[] = { MG_DIM_CIRCONSCRIPTION };
	static const mg_dim d2[] = { MG_DIM_CIRCONSCRIPTION, MG_DIM_DEGRE };
	static const mg_dim d3[] = { MG_DIM_PARCOURS, MG_DIM_DEGRE, MG_DIM_CIRCONSCRIPTION };
	static const mg_dim dup[] = { MG_DIM_DEGRE, MG_DIM_DEGRE };
	struct { const mg_dim *d; size_t n; const char *name; } cases[] = {
		{ d1, 1, "1 dimension" }, { d2, 2, "2 dimensions" }, { d3, 3, "3 dimensions" },
	};
	mg_settings s;
	mg_error err;
	size_t ci;
	int round;

	mg_settings_defaults(&s, 1800000000);
	for (round = 0; round < 4; round++) {
		mg_rowset *rs = generate(3 + round * 2, 40 + round * 60, 6 + round * 3);
		mg_model *m = mg_model_build(rs, &s, &err);
		MG_TEST("generated académie builds", m != NULL);
		if (!m) {
			printf("%s\n", err.message);
			mg_rowset_free(rs);
			continue;
		}
		for (ci = 0; ci < sizeof(cases) / sizeof(cases[0]); ci++) {
			int64_t k;
			for (k = 3; k <= 10; k += 7) {
				mg_stats_table *t = NULL;
				char what[96];
				mg_status st = mg_stats_compute(m, cases[ci].d, cases[ci].n, k, &t, &err);
				snprintf(what, sizeof(what), "round %d, %s, k=%lld", round, cases[ci].name, (long long)k);
				MG_TEST(what, st == MG_OK && t != NULL);
				if (t) {
					check_table(t, what);
					/* the grand total counts every enrolment */
					{
						size_t i, total = 0;
						for (i = 0; i < t->ncells; i++) {
							size_t dd, all = 1;
							for (dd = 0; dd < t->ndims; dd++) {
								all = all && t->cells[i].values[dd].ptr == NULL;
							}
							if (all) {
								total = (size_t)t->cells[i].enrolments;
							}
						}
						MG_TEST("the grand total counts every participation", total == m->nparts);
					}
					mg_stats_free(t);
				}
			}
		}
		mg_model_free(m);
		mg_rowset_free(rs);
	}

	/* argument checks */
	{
		mg_rowset *rs = generate(2, 10, 2);
		mg_model *m = mg_model_build(rs, &s, &err);
		mg_stats_table *t = NULL;
		MG_TEST("k below 3 is refused", mg_stats_compute(m, d1, 1, 2, &t, &err) == MG_ESETTINGS && t == NULL);
		MG_TEST("a dimension twice is refused", mg_stats_compute(m, dup, 2, 5, &t, &err) == MG_EARG && t == NULL);
		MG_TEST("no dimension is refused", mg_stats_compute(m, d1, 0, 5, &t, &err) == MG_EARG);
		MG_TEST("dimension names parse", mg_dim_parse("parcours", 8, &(mg_dim){ 0 }, &err) == MG_OK);
		MG_TEST("unknown dimension names do not", mg_dim_parse("username", 8, &(mg_dim){ 0 }, &err) == MG_EARG);
		mg_model_free(m);
		mg_rowset_free(rs);
	}

	/* hand-made table: secondary suppression of a 1-D line */
	{
		static const mg_dim dd[] = { MG_DIM_DEGRE };
		mg_stats_table *t = mg_stats_new(dd, 1, 5);
		mg_str v[1];
		mg_stats_cell *a, *b, *c, *tot;
		v[0] = (mg_str){ "1D", 2 };
		a = mg_stats_add_cell(t, v);
		a->participants = a->enrolments = 2;
		a->unfinished_people = 2;
		v[0] = (mg_str){ "2D", 2 };
		b = mg_stats_add_cell(t, v);
		b->participants = b->enrolments = 30;
		b->unfinished_people = 30;
		v[0] = (mg_str){ "", 0 };
		c = mg_stats_add_cell(t, v);
		c->participants = c->enrolments = 10;
		c->unfinished_people = 10;
		v[0] = (mg_str){ NULL, 0 };
		tot = mg_stats_add_cell(t, v);
		tot->participants = tot->enrolments = 42;
		tot->unfinished_people = 42;
		MG_TEST("primary", mg_stats_primary(t, &err) == MG_OK);
		MG_TEST("secondary", mg_stats_secondary(t, &err) == MG_OK);
		a = &t->cells[0];
		b = &t->cells[1];
		c = &t->cells[2];
		tot = &t->cells[3];
		MG_TEST("the small cell is a primary suppression", a->suppressed == MG_SUPP_PRIMARY);
		MG_TEST("the next smallest inner cell is the secondary one",
			c->suppressed == MG_SUPP_SECONDARY && b->suppressed == MG_SUPP_NONE && tot->suppressed == MG_SUPP_NONE);
		mg_stats_free(t);
	}
	MG_TEST_REPORT();
}
