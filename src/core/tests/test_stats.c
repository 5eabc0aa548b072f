/*
 * Unit tests of the statistics (R5): the publication plan, its counts, and
 * the disclosure control, checked as properties over generated académies,
 * over two releases, and over a national merge. The exhaustive attack (exact
 * linear algebra and linear programming over everything published) is
 * scripts/suites/25-attack.sh; these tests check the engine's own promises
 * fast, under ASan and UBSan.
 */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "fixture.h"
#include "../core_private.h"

static uint64_t rng = 88172645463325252ULL;

static uint32_t next(uint32_t n)
{
	return mg_test_rand(&rng, n);
}

static void school(mg_rowset *rs, int64_t id, const char *uai, const char *circ, const char *dep,
	const char *degre, const char *secteur)
{
	mg_row_school *s = fx_row(rs, MG_T_SCHOOL);
	s->id = id;
	s->uai = fx_s(rs, uai);
	s->name = fx_s(rs, uai);
	s->circonscription = fx_s(rs, circ);
	s->academie = fx_s(rs, "Lyon");
	s->departement = fx_s(rs, dep);
	s->degre = fx_s(rs, degre);
	s->secteur = fx_s(rs, secteur);
}

static void duration(mg_rowset *rs, int64_t course, int64_t minutes)
{
	mg_row_customfield_data *d;

	if (mg_rowset_count(rs, MG_T_CUSTOMFIELD_FIELD) == 0) {
		mg_row_customfield_field *f = fx_row(rs, MG_T_CUSTOMFIELD_FIELD);
		f->id = 1;
		f->shortname = fx_s(rs, "magistere_duration");
	}
	d = fx_row(rs, MG_T_CUSTOMFIELD_DATA);
	d->id = course;
	d->fieldid = 1;
	d->instanceid = course;
	d->has_decvalue = 1;
	d->decvalue = (double)minutes;
}

/* A generated académie: `schools` schools over 4 circonscriptions of two
 * départements, 1D/2D, public/privé (privé and 2D rarer), `users`
 * teachers (some without a school), `courses` parcours with durations.
 * extra_marks > 0 adds that many finished marks on top (the next release). */
static mg_rowset *generate(uint64_t seed, int courses, int users, int schools, int extra_marks)
{
	mg_rowset *rs = mg_rowset_new();
	static const char *circs[] = { "C1", "C2", "C3", "C4" };
	static const char *deps[] = { "69", "69", "42", "42" };
	char buf[32];
	int c, u, s, added = 0;

	rng = seed;
	fx_roles(rs);
	for (s = 0; s < 4; s++) {
		fx_circ(rs, s + 1, circs[s]);
	}
	for (s = 0; s < schools; s++) {
		int ci = (int)next(4);
		snprintf(buf, sizeof(buf), "%07dA", s);
		school(rs, s + 1, buf, circs[ci], deps[ci], next(5) == 0 ? "2D" : "1D", next(6) == 0 ? "prive" : "public");
	}
	for (c = 0; c < courses; c++) {
		snprintf(buf, sizeof(buf), "P%02d", c);
		fx_course(rs, c + 1, buf, buf);
		duration(rs, c + 1, 60 * (1 + c % 4));
	}
	for (u = 0; u < users; u++) {
		fx_user(rs, u + 1, "Prénom", "Nom");
		if (next(12) != 0) {
			snprintf(buf, sizeof(buf), "%07dA", (int)next((uint32_t)schools));
			fx_user_school(rs, u + 1, buf);
		}
		for (c = 0; c < courses; c++) {
			if (next((uint32_t)(c + 2)) == 0) {
				fx_enrol(rs, c + 1, u + 1, 1);
				if (next(2)) {
					fx_mark(rs, (int64_t)(c + 1) * 100000 + u + 1, c + 1, u + 1, 1, 60 * (1 + c % 4));
				} else if (added < extra_marks) {
					added++;
					fx_mark(rs, (int64_t)(c + 1) * 100000 + u + 1, c + 1, u + 1, 1, 60 * (1 + c % 4));
				}
			}
		}
	}
	return rs;
}

static const mg_stats_tab tabs[] = { MG_TAB_ETAB, MG_TAB_PARCOURS };

/* Every published figure: no group of 1 to k-1 people, no finished count
 * with 1 to k-1 people with or without a record, no zero in a parcours nor
 * where the directory lists 1 to k-1 schools. */
static int check_primary(const mg_stats_release *r)
{
	int bad = 0;
	size_t t, i;

	for (t = 0; t < 2; t++) {
		const mg_stats_tree *tr = &r->tabs[t];
		for (i = 0; i < tr->nnodes; i++) {
			const mg_stats_node *n = &tr->nodes[i];
			int64_t size = t == MG_TAB_ETAB ? n->v[MG_M_PARTICIPANTS] : n->v[MG_M_ENROLMENTS];
			if (!n->hidden[MG_M_ENROLMENTS] && size > 0 && size < r->k) {
				bad++;
			}
			if (!n->hidden[MG_M_ENROLMENTS] && size == 0 && n->depth > 0
					&& (t == MG_TAB_PARCOURS || (n->schools > 0 && n->schools < r->k))) {
				bad++;   /* an empty group is not told from a small one */
			}
			if (!n->hidden[MG_M_FINISHED] && ((n->finished_people > 0 && n->finished_people < r->k)
					|| (n->unfinished_people > 0 && n->unfinished_people < r->k))) {
				bad++;
			}
			if (n->hidden[MG_M_ENROLMENTS] != n->hidden[MG_M_FINISHED]) {
				bad++;   /* a group's figures are protected together */
			}
		}
	}
	return bad;
}

/* Counts the protected figures the tree equations alone determine
 * (a published group minus its other parts, a group from its parts). */
static int derivable(const mg_stats_release *r, mg_measure m)
{
	int found = 0;
	size_t t;

	for (t = 0; t < 2; t++) {
		const mg_stats_tree *tr = &r->tabs[t];
		unsigned char *known;
		size_t i;
		int progress = 1;

		if (!mg_stats_tab_has((mg_stats_tab)t, m)) {
			continue;
		}
		known = calloc(tr->nnodes, 1);
		for (i = 0; i < tr->nnodes; i++) {
			known[i] = !tr->nodes[i].hidden[m];
		}
		while (progress) {
			progress = 0;
			for (i = 0; i < tr->nnodes; i++) {
				const mg_stats_node *n = &tr->nodes[i];
				uint32_t c, unknown = MG_STATS_NONE;
				int nunknown = 0;
				if (n->child == MG_STATS_NONE) {
					continue;
				}
				for (c = n->child; c != MG_STATS_NONE; c = tr->nodes[c].next) {
					if (!known[c]) {
						nunknown++;
						unknown = c;
					}
				}
				if (!known[i] && nunknown == 0) {
					known[i] = 1;
					progress = 1;
				}
				if (known[i] && nunknown == 1) {
					known[unknown] = 1;
					progress = 1;
				}
			}
		}
		for (i = 0; i < tr->nnodes; i++) {
			found += tr->nodes[i].hidden[m] && known[i] && mg_stats_node_has((mg_stats_tab)t, &tr->nodes[i], m);
		}
		free(known);
	}
	return found;
}

/* Under every published figure, the protected parts come two or more, and
 * beside a group of fewer than k people the others hold k people. */
static int check_partners(const mg_stats_release *r)
{
	int bad = 0;
	size_t t, i;

	for (t = 0; t < 2; t++) {
		const mg_stats_tree *tr = &r->tabs[t];
		mg_measure size = t == MG_TAB_ETAB ? MG_M_PARTICIPANTS : MG_M_ENROLMENTS;
		for (i = 0; i < tr->nnodes; i++) {
			const mg_stats_node *n = &tr->nodes[i];
			int64_t sum = 0;
			int nh = 0;
			uint32_t c;
			if (n->hidden[MG_M_ENROLMENTS] || n->child == MG_STATS_NONE) {
				continue;
			}
			for (c = n->child; c != MG_STATS_NONE; c = tr->nodes[c].next) {
				if (tr->nodes[c].hidden[MG_M_ENROLMENTS]) {
					nh++;
					sum += tr->nodes[c].v[size];
				}
			}
			for (c = n->child; c != MG_STATS_NONE && nh > 0; c = tr->nodes[c].next) {
				const mg_stats_node *cn = &tr->nodes[c];
				if (!cn->hidden[MG_M_ENROLMENTS]) {
					continue;
				}
				if (nh < 2 || ((cn->sensitive & MG_STATS_SENSITIVE_GROUP) && sum - cn->v[size] < r->k)) {
					bad++;
				}
			}
		}
	}
	return bad;
}

/* Published in both releases: moved by 0 or at least k. */
static int check_flows(const mg_stats_release *a, const mg_stats_release *b)
{
	int bad = 0;
	size_t t, i, m;

	for (t = 0; t < 2; t++) {
		const mg_stats_tree *tr = &b->tabs[t];
		for (i = 0; i < tr->nnodes; i++) {
			const mg_stats_node *n = &tr->nodes[i];
			uint32_t o = mg_stats_release_find(a, (mg_stats_tab)t, n->values, n->depth);
			if (o == MG_STATS_NONE) {
				continue;
			}
			for (m = 0; m < MG_M__COUNT; m++) {
				const mg_stats_node *on = &a->tabs[t].nodes[o];
				int64_t d = n->v[m] - on->v[m];
				if (!mg_stats_tab_has((mg_stats_tab)t, (mg_measure)m) || m == MG_M_MINUTES
						|| n->hidden[m] || on->hidden[m]) {
					continue;
				}
				if (d < 0) {
					d = -d;
				}
				if (d > 0 && d < b->k) {
					bad++;
				}
			}
		}
	}
	return bad;
}

static int64_t nparticipations(const mg_model *m)
{
	mg_participation_iter it = { 0, 0 };
	mg_participation pa;
	int64_t n = 0;

	while (mg_model_participation_next(m, &it, &pa)) {
		n++;
	}
	return n;
}

int main(void)
{
	mg_settings s;
	mg_error err;
	int round;
	uint64_t seeds[] = { 11, 23, 37, 41, 53, 67 };

	mg_settings_defaults(&s, 1800000000);
	for (round = 0; round < 6; round++) {
		int courses = 3 + round, users = 30 + round * 40, schools = 6 + round * 4;
		mg_rowset *rs = generate(seeds[round], courses, users, schools, 0);
		mg_rowset *rs2 = generate(seeds[round], courses, users, schools, 1 + round);
		mg_model *m = mg_model_build(rs, &s, &err), *m2 = mg_model_build(rs2, &s, &err);
		int64_t k;
		char what[160];

		MG_TEST("generated académies build", m != NULL && m2 != NULL);
		if (m == NULL || m2 == NULL) {
			printf("%s\n", err.message);
			mg_model_free(m);
			mg_model_free(m2);
			mg_rowset_free(rs);
			mg_rowset_free(rs2);
			continue;
		}
		for (k = 3; k <= 10; k += (k == 3 ? 2 : 5)) {
			mg_stats_release *r1 = NULL, *r2 = NULL;
			const mg_stats_release *earlier[1];
			mg_status st = mg_stats_release_compute(m, k, 1800000000, NULL, 0, &r1, &err);

			snprintf(what, sizeof(what), "round %d (%d teachers, %d parcours), k=%lld", round, users, courses, (long long)k);
			MG_TEST(what, st == MG_OK && r1 != NULL);
			if (r1 == NULL) {
				printf("%s\n", err.message);
				continue;
			}
			MG_TEST("both totals count every participation",
				r1->tabs[MG_TAB_ETAB].nodes[0].v[MG_M_ENROLMENTS] == nparticipations(m)
				&& r1->tabs[MG_TAB_PARCOURS].nodes[0].v[MG_M_ENROLMENTS] == nparticipations(m)
				&& r1->tabs[MG_TAB_ETAB].nodes[0].v[MG_M_FINISHED] == r1->tabs[MG_TAB_PARCOURS].nodes[0].v[MG_M_FINISHED]);
			MG_TEST("both totals are protected alike",
				r1->tabs[0].nodes[0].hidden[MG_M_ENROLMENTS] == r1->tabs[1].nodes[0].hidden[MG_M_ENROLMENTS]
				&& r1->tabs[0].nodes[0].hidden[MG_M_FINISHED] == r1->tabs[1].nodes[0].hidden[MG_M_FINISHED]);
			MG_TEST("no published figure is about 1 to k-1 people", check_primary(r1) == 0);
			MG_TEST("no protected count follows from the tables' sums (participants)", derivable(r1, MG_M_PARTICIPANTS) == 0);
			MG_TEST("no protected count follows from the tables' sums (enrolments)", derivable(r1, MG_M_ENROLMENTS) == 0);
			MG_TEST("no protected count follows from the tables' sums (finished)", derivable(r1, MG_M_FINISHED) == 0);
			MG_TEST("no protected minutes follow from the sums", derivable(r1, MG_M_MINUTES) == 0);
			MG_TEST("under a published group, protected parts come two or more, k people beside a small one",
				check_partners(r1) == 0);
			/* the next release: a few more marks, protected with the first */
			earlier[0] = r1;
			st = mg_stats_release_compute(m2, k, 1800086400, earlier, 1, &r2, &err);
			MG_TEST("the next release is computed with the first", st == MG_OK && r2 != NULL);
			if (r2 != NULL) {
				MG_TEST("the next release keeps every promise", check_primary(r2) == 0 && check_partners(r2) == 0
					&& derivable(r2, MG_M_ENROLMENTS) == 0 && derivable(r2, MG_M_FINISHED) == 0);
				MG_TEST("no figure published in both releases moved by 1 to k-1", check_flows(r1, r2) == 0);
			}
			/* the same data again: nothing moved, nothing more is protected */
			{
				mg_stats_release *r3 = NULL;
				const mg_stats_release *e1[1] = { r1 };
				size_t i, t, same = 1;
				st = mg_stats_release_compute(m, k, 1800000100, e1, 1, &r3, &err);
				for (t = 0; r3 != NULL && t < 2; t++) {
					for (i = 0; i < r3->tabs[t].nnodes; i++) {
						same = same && memcmp(r3->tabs[t].nodes[i].hidden, r1->tabs[t].nodes[i].hidden, MG_M__COUNT) == 0;
					}
				}
				MG_TEST("a release of unchanged data protects exactly the same figures", st == MG_OK && same);
				mg_stats_release_free(r3);
			}
			mg_stats_release_free(r2);
			mg_stats_release_free(r1);
		}
		mg_model_free(m);
		mg_model_free(m2);
		mg_rowset_free(rs);
		mg_rowset_free(rs2);
	}

	/* national merge: sums of published figures, protected when a part is */
	{
		mg_rowset *ra = generate(5, 4, 120, 12, 0), *rb = generate(6, 4, 90, 10, 0);
		mg_model *ma = mg_model_build(ra, &s, &err), *mb = mg_model_build(rb, &s, &err);
		mg_stats_release *a = NULL, *b = NULL, *nat = NULL;
		const mg_stats_release *files[2];
		size_t t, i, bad = 0;

		mg_stats_release_compute(ma, 5, 1800000000, NULL, 0, &a, &err);
		mg_stats_release_compute(mb, 5, 1800000000, NULL, 0, &b, &err);
		files[0] = a;
		files[1] = b;
		MG_TEST("two académies merge", a && b && mg_stats_release_merge(files, 2, 0, 1800000500, &nat, &err) == MG_OK);
		for (t = 0; nat != NULL && t < 2; t++) {
			for (i = 0; i < nat->tabs[t].nnodes; i++) {
				const mg_stats_node *n = &nat->tabs[t].nodes[i];
				size_t m;
				for (m = 0; m < MG_M__COUNT; m++) {
					int64_t sum = 0;
					int hidden = 0;
					size_t f;
					if (!mg_stats_tab_has((mg_stats_tab)t, (mg_measure)m)) {
						continue;
					}
					for (f = 0; f < 2; f++) {
						uint32_t o = mg_stats_release_find(files[f], (mg_stats_tab)t, n->values, n->depth);
						if (o != MG_STATS_NONE) {
							hidden |= files[f]->tabs[t].nodes[o].hidden[m];
							sum += files[f]->tabs[t].nodes[o].v[m];
						}
					}
					if (hidden != n->hidden[m] || (!hidden && sum != n->v[m])) {
						bad++;
					}
				}
			}
		}
		MG_TEST("a national figure is the sum of the files', protected exactly when one of its parts is", nat && bad == 0);
		mg_stats_release_free(nat);
		nat = NULL;
		MG_TEST("a larger national k protects more",
			mg_stats_release_merge(files, 2, 40, 1800000500, &nat, &err) == MG_OK && nat != NULL);
		if (nat != NULL) {
			size_t more = 0, fewer = 0;
			mg_stats_release *plain = NULL;
			mg_stats_release_merge(files, 2, 0, 1800000500, &plain, &err);
			for (t = 0; t < 2; t++) {
				for (i = 0; i < nat->tabs[t].nnodes; i++) {
					more += nat->tabs[t].nodes[i].hidden[MG_M_ENROLMENTS] && !plain->tabs[t].nodes[i].hidden[MG_M_ENROLMENTS];
					fewer += !nat->tabs[t].nodes[i].hidden[MG_M_ENROLMENTS] && plain->tabs[t].nodes[i].hidden[MG_M_ENROLMENTS];
				}
			}
			MG_TEST("... never fewer", more > 0 && fewer == 0);
			mg_stats_release_free(plain);
		}
		mg_stats_release_free(nat);
		mg_stats_release_free(a);
		mg_stats_release_free(b);
		mg_model_free(ma);
		mg_model_free(mb);
		mg_rowset_free(ra);
		mg_rowset_free(rb);
	}

	/* the parcours frame is public: a course without a forecast duration has
	 * no row of its own (its row would tell that someone took part in it);
	 * its participations are in the pooled group "", always present */
	{
		mg_rowset *rs = generate(7, 3, 60, 8, 0);
		mg_model *m;
		mg_stats_release *r = NULL;
		const mg_str pooled = { "", 0 }, p00 = { "P00", 3 }, nod = { "NODUR", 5 };
		int u;

		fx_course(rs, 50, "NODUR", "Sans durée");
		fx_course(rs, 51, "EMPTY", "Sans durée ni personne");
		for (u = 1; u <= 7; u++) {
			fx_enrol(rs, 50, u, 1);
		}
		m = mg_model_build(rs, &s, &err);
		MG_TEST("an académie with courses without duration builds", m != NULL
			&& mg_stats_release_compute(m, 5, 1800000000, NULL, 0, &r, &err) == MG_OK);
		if (r != NULL) {
			const mg_stats_tree *pt = &r->tabs[MG_TAB_PARCOURS];
			uint32_t at = mg_stats_release_find(r, MG_TAB_PARCOURS, &pooled, 1);
			MG_TEST("no row for a course without duration",
				mg_stats_release_find(r, MG_TAB_PARCOURS, &nod, 1) == MG_STATS_NONE
				&& pt->nnodes == 1 + 1 + 3);
			MG_TEST("its participations are in the pooled group",
				at != MG_STATS_NONE && pt->nodes[at].v[MG_M_ENROLMENTS] == 7 && pt->nodes[at].duration == 0
				&& mg_stats_release_find(r, MG_TAB_PARCOURS, &p00, 1) != MG_STATS_NONE);
			MG_TEST("no zero is published in a parcours, no group of 1 to k-1", check_primary(r) == 0);
		}
		mg_stats_release_free(r);
		mg_model_free(m);
		mg_rowset_free(rs);
		rs = generate(8, 3, 60, 8, 0);
		m = mg_model_build(rs, &s, &err);
		r = NULL;
		MG_TEST("without such courses there is no pooled group (it would be a known zero)", m != NULL
			&& mg_stats_release_compute(m, 5, 1800000000, NULL, 0, &r, &err) == MG_OK
			&& mg_stats_release_find(r, MG_TAB_PARCOURS, &pooled, 1) == MG_STATS_NONE
			&& r->tabs[MG_TAB_PARCOURS].nnodes == 1 + 3);
		mg_stats_release_free(r);
		mg_model_free(m);
		mg_rowset_free(rs);
		rs = generate(8, 3, 60, 8, 0);
		fx_course(rs, 51, "EMPTY", "Sans durée ni personne");
		m = mg_model_build(rs, &s, &err);
		r = NULL;
		MG_TEST("with one, nobody in it, it is there, empty and protected", m != NULL
			&& mg_stats_release_compute(m, 5, 1800000000, NULL, 0, &r, &err) == MG_OK
			&& mg_stats_release_find(r, MG_TAB_PARCOURS, &pooled, 1) == 1
			&& r->tabs[MG_TAB_PARCOURS].nodes[1].v[MG_M_ENROLMENTS] == 0
			&& r->tabs[MG_TAB_PARCOURS].nodes[1].hidden[MG_M_ENROLMENTS]);
		mg_stats_release_free(r);
		mg_model_free(m);
		mg_rowset_free(rs);
	}

	/* a later release: two circonscriptions of a département moved by 2 and 7 finished;
	 * C1 alone would show two people's ticks. C2 is protected with it (9 together), and the
	 * département, which moved by 9, stays published: the few people are not carried up to
	 * the total. */
	{
		mg_rowset *ra = mg_rowset_new(), *rb = mg_rowset_new();
		mg_rowset *rows[2] = { ra, rb };
		mg_model *ma, *mb;
		mg_stats_release *r1 = NULL, *r2 = NULL;
		const mg_stats_release *e1[1];
		const mg_str c1[5] = { { "Lyon", 4 }, { "1D", 2 }, { "public", 6 }, { "69", 2 }, { "C1", 2 } };
		const mg_str c2[5] = { { "Lyon", 4 }, { "1D", 2 }, { "public", 6 }, { "69", 2 }, { "C2", 2 } };
		int v, u;

		for (v = 0; v < 2; v++) {
			mg_rowset *rs = rows[v];
			fx_roles(rs);
			fx_circ(rs, 1, "C1");
			fx_circ(rs, 2, "C2");
			school(rs, 1, "0690001A", "C1", "69", "1D", "public");
			school(rs, 2, "0690002B", "C2", "69", "1D", "public");
			fx_course(rs, 1, "P", "P");
			duration(rs, 1, 60);
			for (u = 1; u <= 60; u++) {
				int in_c1 = u <= 30, rank = in_c1 ? u : u - 30;
				int finished = rank <= 10 || (v == 1 && rank <= (in_c1 ? 12 : 17));
				fx_user(rs, u, "Prénom", "Nom");
				fx_user_school(rs, u, in_c1 ? "0690001A" : "0690002B");
				fx_enrol(rs, 1, u, 1);
				if (finished) {
					fx_mark(rs, 100 + u, 1, u, 1, 60);
				}
			}
		}
		ma = mg_model_build(ra, &s, &err);
		mb = mg_model_build(rb, &s, &err);
		MG_TEST("a later release of two circonscriptions builds", ma && mb
			&& mg_stats_release_compute(ma, 5, 1800000000, NULL, 0, &r1, &err) == MG_OK);
		if (r1 != NULL) {
			uint32_t i1 = mg_stats_release_find(r1, MG_TAB_ETAB, c1, 5), i2 = mg_stats_release_find(r1, MG_TAB_ETAB, c2, 5);
			e1[0] = r1;
			MG_TEST("... both published in the first release",
				!r1->tabs[0].nodes[i1].hidden[MG_M_FINISHED] && !r1->tabs[0].nodes[i2].hidden[MG_M_FINISHED]);
			MG_TEST("... the second is computed with it",
				mg_stats_release_compute(mb, 5, 1800086400, e1, 1, &r2, &err) == MG_OK && r2 != NULL);
			if (r2 != NULL) {
				const mg_stats_tree *et = &r2->tabs[MG_TAB_ETAB];
				uint32_t d = mg_stats_release_find(r2, MG_TAB_ETAB, c1, 4);
				MG_TEST("... C1 (moved by 2) and its partner C2 (moved by 7) are protected",
					et->nodes[mg_stats_release_find(r2, MG_TAB_ETAB, c1, 5)].hidden[MG_M_FINISHED]
					&& et->nodes[mg_stats_release_find(r2, MG_TAB_ETAB, c2, 5)].hidden[MG_M_FINISHED]);
				MG_TEST("... the département (moved by 9) and the total stay published",
					!et->nodes[d].hidden[MG_M_FINISHED] && et->nodes[d].v[MG_M_FINISHED] == 29
					&& !et->nodes[0].hidden[MG_M_FINISHED]);
				MG_TEST("... and no figure published in both moved by 1 to k-1", check_flows(r1, r2) == 0);
			}
		}
		mg_stats_release_free(r1);
		mg_stats_release_free(r2);
		mg_model_free(ma);
		mg_model_free(mb);
		mg_rowset_free(ra);
		mg_rowset_free(rb);
	}

	/* argument checks and reading */
	{
		mg_rowset *rs = generate(3, 2, 10, 2, 0);
		mg_model *m = mg_model_build(rs, &s, &err);
		mg_stats_release *r = NULL, *later = NULL, *x;
		const mg_stats_release *e[1];
		mg_str v[5] = { { "Lyon", 4 }, { "1D", 2 }, { "", 0 }, { "", 0 }, { "", 0 } };
		mg_stats_tab t;

		MG_TEST("k below 3 is refused", mg_stats_release_compute(m, 2, 1800000000, NULL, 0, &r, &err) == MG_ESETTINGS && r == NULL);
		mg_stats_release_compute(m, 5, 1800000000, NULL, 0, &later, &err);
		e[0] = later;
		MG_TEST("an earlier release dated after this one is refused",
			mg_stats_release_compute(m, 5, 1700000000, e, 1, &r, &err) == MG_EARG && r == NULL);
		MG_TEST("table names parse", mg_stats_tab_parse("parcours", 8, &t, &err) == MG_OK && t == MG_TAB_PARCOURS);
		MG_TEST("other names do not", mg_stats_tab_parse("degre", 5, &t, &err) == MG_EARG);
		MG_TEST("dimension names parse", mg_dim_parse("parcours", 8, &(mg_dim){ 0 }, &err) == MG_OK);
		MG_TEST("unknown dimension names do not", mg_dim_parse("username", 8, &(mg_dim){ 0 }, &err) == MG_EARG);

		x = mg_stats_release_new(5, 1);
		mg_stats_release_add(x, MG_TAB_ETAB, v, 2);
		MG_TEST("a table without a total is refused", mg_stats_release_link(x, &err) == MG_EARG);
		mg_stats_release_free(x);
		x = mg_stats_release_new(5, 1);
		mg_stats_release_add(x, MG_TAB_ETAB, v, 0);
		mg_stats_release_add(x, MG_TAB_PARCOURS, v, 0);
		mg_stats_release_add(x, MG_TAB_ETAB, v, 2);
		MG_TEST("a group without its enclosing group is refused", mg_stats_release_link(x, &err) == MG_EARG);
		mg_stats_release_free(x);
		x = mg_stats_release_new(5, 1);
		mg_stats_release_add(x, MG_TAB_ETAB, v, 0);
		mg_stats_release_add(x, MG_TAB_PARCOURS, v, 0);
		mg_stats_release_add(x, MG_TAB_ETAB, v, 1);
		mg_stats_release_add(x, MG_TAB_ETAB, v, 1);
		MG_TEST("a group given twice is refused", mg_stats_release_link(x, &err) == MG_EARG);
		mg_stats_release_free(x);
		x = mg_stats_release_new(5, 1);
		mg_stats_release_add(x, MG_TAB_ETAB, v, 1);
		mg_stats_release_add(x, MG_TAB_ETAB, v, 0);
		mg_stats_release_add(x, MG_TAB_PARCOURS, v, 0);
		MG_TEST("a well-formed release links, total first",
			mg_stats_release_link(x, &err) == MG_OK && x->tabs[0].nnodes == 2 && x->tabs[0].nodes[0].depth == 0
			&& mg_stats_release_find(x, MG_TAB_ETAB, v, 1) == 1);
		MG_TEST("a group deeper than the table is refused", mg_stats_release_add(x, MG_TAB_PARCOURS, v, 2) == NULL);
		mg_stats_release_free(x);
		mg_stats_release_free(later);
		mg_model_free(m);
		mg_rowset_free(rs);
	}

	/* JSON shape of a release: only the plan's measures, null when protected */
	{
		mg_rowset *rs = generate(9, 3, 80, 8, 0);
		mg_model *m = mg_model_build(rs, &s, &err);
		mg_stats_release *r = NULL;
		mg_emitter out;
		mg_json *j = mg_json_new(&out);
		const char *txt;

		mg_stats_release_compute(m, 5, 1800000000, NULL, 0, &r, &err);
		MG_TEST("a release emits", r && mg_stats_release_emit(r, 3u, &out, &err) == MG_OK);
		txt = mg_json_text(j);
		MG_TEST("it names its tables and levels", txt && strstr(txt, "\"etablissements\"") && strstr(txt, "\"levels\"")
			&& strstr(txt, "\"circonscription\"") && strstr(txt, "\"credited_minutes\""));
		MG_TEST("and no reason for a protection", txt && !strstr(txt, "primary") && !strstr(txt, "secondary")
			&& !strstr(txt, "suppressed"));
		if (getenv("MG_TEST_VERBOSE")) {
			printf("%s\n", txt);
		}
		mg_json_free(j);
		mg_stats_release_free(r);
		mg_model_free(m);
		mg_rowset_free(rs);
	}
	(void)tabs;
	MG_TEST_REPORT();
}
