/*
 * Statistics for the ministry (R5): counts by académie, département,
 * circonscription, degré, secteur and parcours, with every margin, under
 * statistical disclosure control (docs/statistics.md):
 *
 * - primary suppression: a cell built from fewer than k people (but at least
 *   one) is suppressed whole; its finished count and credited minutes are
 *   also suppressed when fewer than k people finished, or fewer than k did
 *   not (the complement would be recomputed from the published total);
 * - secondary suppression: a line of the table is the set of cells that share
 *   every value but one dimension's, with the margin of that dimension; no
 *   line may hold exactly one suppressed cell, else it would be the margin
 *   minus the others. The smallest other cell of the line is suppressed
 *   (preferring an inner cell to a margin), until no line needs more.
 */
#include <stdlib.h>
#include <string.h>

#include "core_private.h"

#define ALL_ID UINT32_MAX

static const char *const dim_names[MG_DIM__COUNT] = {
	"academie", "departement", "circonscription", "degre", "secteur", "parcours"
};

const char *mg_dim_name(mg_dim d)
{
	return (unsigned)d < MG_DIM__COUNT ? dim_names[d] : "";
}

mg_status mg_dim_parse(const char *s, size_t len, mg_dim *out, mg_error *err)
{
	size_t i;

	for (i = 0; i < MG_DIM__COUNT; i++) {
		if (strlen(dim_names[i]) == len && memcmp(dim_names[i], s, len) == 0) {
			*out = (mg_dim)i;
			return MG_OK;
		}
	}
	return mg_error_set(err, MG_EARG,
		"unknown dimension \"%.*s\" (expected academie, departement, circonscription, degre, secteur or parcours)",
		(int)(len > 40 ? 40 : len), s);
}

mg_str mg_stats_dim_value(const mg_model *m, uint32_t u, uint32_t c, mg_dim d)
{
	const mg_user *usr = &m->users[u];
	const mg_school *s = usr->school == MG_NONE ? NULL : &m->schools[usr->school];

	switch (d) {
	case MG_DIM_ACADEMIE:
		return s ? s->academie : MG_STR_NULL;
	case MG_DIM_DEPARTEMENT:
		return s ? s->departement : MG_STR_NULL;
	case MG_DIM_CIRCONSCRIPTION:
		return s && s->circ != MG_NONE ? m->circs[s->circ].code : MG_STR_NULL;
	case MG_DIM_DEGRE:
		return s ? s->degre : MG_STR_NULL;
	case MG_DIM_SECTEUR:
		return s ? s->secteur : MG_STR_NULL;
	case MG_DIM_PARCOURS:
		return m->courses[c].shortname;
	default:
		return MG_STR_NULL;
	}
}

/* ------------------------------------------------------------ the table */

struct mg_stats_priv {
	mg_arena arena;
	mg_smap values[MG_STATS_MAX_DIMS];   /* value -> id, per dimension */
	mg_vec strs[MG_STATS_MAX_DIMS];      /* id -> value (mg_str), per dimension */
	mg_vec ids;                          /* uint32_t[ndims] per cell */
	mg_vec cells;                        /* mg_stats_cell */
};

static mg_stats_table *stats_alloc(const mg_dim *dims, size_t ndims, int64_t k)
{
	mg_stats_table *t = calloc(1, sizeof(*t));
	size_t d;

	if (!t) {
		return NULL;
	}
	t->priv = calloc(1, sizeof(*t->priv));
	if (!t->priv) {
		free(t);
		return NULL;
	}
	t->ndims = ndims;
	t->k = k;
	for (d = 0; d < MG_STATS_MAX_DIMS; d++) {
		mg_vec_init(&t->priv->strs[d], sizeof(mg_str));
	}
	for (d = 0; d < ndims; d++) {
		t->dims[d] = dims[d];
		if (mg_smap_init(&t->priv->values[d], 16) != MG_OK) {
			mg_stats_free(t);
			return NULL;
		}
	}
	mg_vec_init(&t->priv->ids, sizeof(uint32_t) * (ndims ? ndims : 1));
	mg_vec_init(&t->priv->cells, sizeof(mg_stats_cell));
	return t;
}

mg_stats_table *mg_stats_new(const mg_dim *dims, size_t ndims, int64_t k)
{
	if (ndims == 0 || ndims > MG_STATS_MAX_DIMS) {
		return NULL;
	}
	return stats_alloc(dims, ndims, k);
}

void mg_stats_free(mg_stats_table *t)
{
	size_t d;

	if (!t) {
		return;
	}
	if (t->priv) {
		for (d = 0; d < MG_STATS_MAX_DIMS; d++) {
			mg_smap_free(&t->priv->values[d]);
			mg_vec_free(&t->priv->strs[d]);
		}
		mg_vec_free(&t->priv->ids);
		mg_vec_free(&t->priv->cells);
		mg_arena_destroy(&t->priv->arena);
		free(t->priv);
	}
	free(t);
}

/* Interns a value of dimension d; ALL_ID for NULL ptr. */
static int intern(mg_stats_table *t, size_t d, mg_str v, uint32_t *id, mg_str *stored)
{
	mg_smap *map = &t->priv->values[d];
	mg_vec *strs = &t->priv->strs[d];
	uint32_t found;
	char *p;
	mg_str copy, *slot;

	if (v.ptr == NULL) {
		*id = ALL_ID;
		*stored = (mg_str){ NULL, 0 };
		return 0;
	}
	if (mg_smap_get(map, v, &found)) {
		*id = found;
		*stored = MG_VEC_AT(strs, mg_str, found);
		return 0;
	}
	p = mg_arena_strndup(&t->priv->arena, v.ptr, v.len);
	if (!p) {
		return -1;
	}
	copy = (mg_str){ p, v.len };
	slot = mg_vec_push(strs);
	if (!slot) {
		return -1;
	}
	*slot = copy;
	*id = (uint32_t)(strs->len - 1);
	if (mg_smap_put(map, copy, *id, NULL) < 0) {
		strs->len--;
		return -1;
	}
	*stored = copy;
	return 0;
}

mg_stats_cell *mg_stats_add_cell(mg_stats_table *t, const mg_str *values)
{
	uint32_t ids[MG_STATS_MAX_DIMS];
	mg_str stored[MG_STATS_MAX_DIMS];
	mg_stats_cell *c;
	uint32_t *slot;
	size_t d;

	for (d = 0; d < t->ndims; d++) {
		if (intern(t, d, values[d], &ids[d], &stored[d]) != 0) {
			return NULL;
		}
	}
	slot = mg_vec_push(&t->priv->ids);
	if (!slot) {
		return NULL;
	}
	memcpy(slot, ids, sizeof(uint32_t) * t->ndims);
	c = mg_vec_push(&t->priv->cells);
	if (!c) {
		t->priv->ids.len--;
		return NULL;
	}
	for (d = 0; d < t->ndims; d++) {
		c->values[d] = stored[d];
	}
	t->cells = t->priv->cells.data;
	t->ncells = t->priv->cells.len;
	return c;
}

static const uint32_t *cell_ids(const mg_stats_table *t, size_t i)
{
	return (const uint32_t *)t->priv->ids.data + i * t->ndims;
}

/* ------------------------------------------------------------ compute */

typedef struct rec {
	uint32_t ids[MG_STATS_MAX_DIMS];
	uint32_t user;
	uint8_t finished;
	int64_t credited;
} rec;

static _Thread_local size_t rec_ndims;

static int cmp_rec(const void *a, const void *b)
{
	const rec *x = a, *y = b;
	size_t d;

	for (d = 0; d < rec_ndims; d++) {
		if (x->ids[d] != y->ids[d]) {
			return x->ids[d] < y->ids[d] ? -1 : 1;
		}
	}
	return x->user < y->user ? -1 : (x->user > y->user ? 1 : 0);
}

mg_status mg_stats_compute(const mg_model *m, const mg_dim *dims, size_t ndims,
	int64_t k, mg_stats_table **out, mg_error *err)
{
	mg_stats_table *t;
	rec *recs = NULL, *lev = NULL;
	size_t n = 0, i, d, c;
	unsigned mask, nmasks;
	mg_status st = MG_OK;
	uint32_t seen_dims = 0;

	*out = NULL;
	if (ndims == 0 || ndims > MG_STATS_MAX_DIMS) {
		return mg_error_set(err, MG_EARG, "between 1 and %d dimensions are needed (got %zu)",
			MG_STATS_MAX_DIMS, ndims);
	}
	for (d = 0; d < ndims; d++) {
		if ((unsigned)dims[d] >= MG_DIM__COUNT) {
			return mg_error_set(err, MG_EARG, "unknown dimension %d", (int)dims[d]);
		}
		if (seen_dims & (1u << dims[d])) {
			return mg_error_set(err, MG_EARG, "dimension %s is given twice", mg_dim_name(dims[d]));
		}
		seen_dims |= 1u << dims[d];
	}
	if (mg_settings_check_k(k, err) != MG_OK) {
		return MG_ESETTINGS;
	}
	t = stats_alloc(dims, ndims, k);
	if (!t) {
		return mg_error_set(err, MG_ENOMEM, "out of memory");
	}
	recs = malloc((m->nparts ? m->nparts : 1) * sizeof(rec));
	lev = malloc((m->nparts ? m->nparts : 1) * sizeof(rec));
	if (!recs || !lev) {
		st = mg_error_set(err, MG_ENOMEM, "out of memory");
		goto done;
	}
	/* one record per (participant, parcours), values interned */
	for (c = 0; c < m->ncourses; c++) {
		const mg_course *co = &m->courses[c];
		uint32_t p;
		for (p = 0; p < co->npa; p++) {
			const mg_part *pa = &m->parts[co->pa_first + p];
			const mg_mark *mk = pa->mark == MG_NONE ? NULL : &m->marks[pa->mark];
			rec *r = &recs[n++];
			for (d = 0; d < ndims; d++) {
				mg_str v = mg_stats_dim_value(m, pa->user, (uint32_t)c, dims[d]), stored;
				if (intern(t, d, v, &r->ids[d], &stored) != 0) {
					st = mg_error_set(err, MG_ENOMEM, "out of memory");
					goto done;
				}
			}
			r->user = pa->user;
			r->finished = mk && mk->finished;
			r->credited = (mk && mk->finished && mk->credited != MG_NULL_INT) ? mk->credited : 0;
		}
	}
	/* every level of the table: each subset of dimensions kept */
	nmasks = 1u << ndims;
	rec_ndims = ndims;
	for (mask = 0; mask < nmasks; mask++) {
		size_t j = 0;
		memcpy(lev, recs, n * sizeof(rec));
		for (i = 0; i < n; i++) {
			for (d = 0; d < ndims; d++) {
				if (mask & (1u << d)) {
					lev[i].ids[d] = ALL_ID; /* aggregated over d */
				}
			}
		}
		qsort(lev, n, sizeof(rec), cmp_rec);
		while (j < n) {
			size_t e = j;
			mg_str vals[MG_STATS_MAX_DIMS];
			mg_stats_cell *cell;
			uint32_t lastuser = UINT32_MAX;
			bool ufin = false, uunf = false;

			while (e < n && memcmp(lev[e].ids, lev[j].ids, sizeof(uint32_t) * ndims) == 0) {
				e++;
			}
			for (d = 0; d < ndims; d++) {
				if (lev[j].ids[d] == ALL_ID) {
					vals[d] = (mg_str){ NULL, 0 };
				} else {
					vals[d] = MG_VEC_AT(&t->priv->strs[d], mg_str, lev[j].ids[d]);
				}
			}
			cell = mg_stats_add_cell(t, vals);
			if (!cell) {
				st = mg_error_set(err, MG_ENOMEM, "out of memory");
				goto done;
			}
			for (i = j; i < e; i++) {
				if (lev[i].user != lastuser) {
					if (lastuser != UINT32_MAX) {
						cell->finished_people += ufin;
						cell->unfinished_people += uunf;
					}
					cell->participants++;
					lastuser = lev[i].user;
					ufin = uunf = false;
				}
				cell->enrolments++;
				if (lev[i].finished) {
					cell->finished++;
					cell->credited_minutes += lev[i].credited;
					ufin = true;
				} else {
					uunf = true;
				}
			}
			cell->finished_people += ufin;
			cell->unfinished_people += uunf;
			j = e;
		}
	}
	st = mg_stats_primary(t, err);
	if (st == MG_OK) {
		st = mg_stats_secondary(t, err);
	}
done:
	free(recs);
	free(lev);
	if (st != MG_OK) {
		mg_stats_free(t);
		return st;
	}
	*out = t;
	return MG_OK;
}

/* ------------------------------------------------------- suppression */

static bool below_k(int64_t v, int64_t k)
{
	return v > 0 && v < k;
}

mg_status mg_stats_primary(mg_stats_table *t, mg_error *err)
{
	size_t i;

	if (mg_settings_check_k(t->k, err) != MG_OK) {
		return MG_ESETTINGS;
	}
	for (i = 0; i < t->ncells; i++) {
		mg_stats_cell *c = &t->cells[i];
		if (c->suppressed == MG_SUPP_NONE && below_k(c->participants, t->k)) {
			c->suppressed = MG_SUPP_PRIMARY;
		}
		if (c->suppressed != MG_SUPP_NONE) {
			if (c->finished_suppressed == MG_SUPP_NONE) {
				c->finished_suppressed = c->suppressed;
			}
		} else if (c->finished_suppressed == MG_SUPP_NONE
			&& (below_k(c->finished_people, t->k) || below_k(c->unfinished_people, t->k))) {
			c->finished_suppressed = MG_SUPP_PRIMARY;
		}
	}
	return MG_OK;
}

static _Thread_local const mg_stats_table *line_t;
static _Thread_local size_t line_dim;

/* Orders cells by every id but line_dim's, then by line_dim's id. */
static int cmp_line(const void *a, const void *b)
{
	const uint32_t *x = cell_ids(line_t, *(const uint32_t *)a);
	const uint32_t *y = cell_ids(line_t, *(const uint32_t *)b);
	size_t d;

	for (d = 0; d < line_t->ndims; d++) {
		if (d != line_dim && x[d] != y[d]) {
			return x[d] < y[d] ? -1 : 1;
		}
	}
	if (x[line_dim] != y[line_dim]) {
		return x[line_dim] < y[line_dim] ? -1 : 1;
	}
	return 0;
}

static bool same_line(const mg_stats_table *t, uint32_t a, uint32_t b, size_t dim)
{
	const uint32_t *x = cell_ids(t, a), *y = cell_ids(t, b);
	size_t d;

	for (d = 0; d < t->ndims; d++) {
		if (d != dim && x[d] != y[d]) {
			return false;
		}
	}
	return true;
}

/* The lines of the table, computed once: for each dimension d, the cells
 * ordered so that each line (same values but d's) is a contiguous run. */
typedef struct lines {
	uint32_t *order[MG_STATS_MAX_DIMS];   /* ncells each */
	uint32_t *end[MG_STATS_MAX_DIMS];     /* end[d][i]: end of the run that starts at i */
} lines;

static void lines_free(lines *l, size_t ndims)
{
	size_t d;

	for (d = 0; d < ndims; d++) {
		free(l->order[d]);
		free(l->end[d]);
	}
}

static int lines_build(const mg_stats_table *t, lines *l)
{
	size_t d, i, n = t->ncells;

	memset(l, 0, sizeof(*l));
	for (d = 0; d < t->ndims; d++) {
		uint32_t *order = malloc(n * sizeof(uint32_t));
		uint32_t *end = malloc(n * sizeof(uint32_t));
		l->order[d] = order;
		l->end[d] = end;
		if (!order || !end) {
			return -1;
		}
		for (i = 0; i < n; i++) {
			order[i] = (uint32_t)i;
		}
		line_t = t;
		line_dim = d;
		qsort(order, n, sizeof(uint32_t), cmp_line);
		line_t = NULL;
		i = 0;
		while (i < n) {
			size_t e = i + 1;
			while (e < n && same_line(t, order[i], order[e], d)) {
				e++;
			}
			end[i] = (uint32_t)e;
			i = e;
		}
	}
	return 0;
}

/* One pass over every line for one measure; returns the number of cells it
 * suppressed. which = 0: whole cells (size: participants), 1: finished. */
static size_t secondary_pass(mg_stats_table *t, const lines *l, int which)
{
	size_t d, changed = 0;

	for (d = 0; d < t->ndims; d++) {
		const uint32_t *order = l->order[d];
		size_t i = 0, n = t->ncells;

		while (i < n) {
			size_t e = l->end[d][i], j, nsupp = 0, members = 0;
			uint32_t best = UINT32_MAX;
			int64_t bestsize = 0;
			bool bestmargin = true;

			for (j = i; j < e; j++) {
				mg_stats_cell *c = &t->cells[order[j]];
				mg_supp s = which ? c->finished_suppressed : c->suppressed;
				if (cell_ids(t, order[j])[d] != ALL_ID) {
					members++;
				}
				if (s != MG_SUPP_NONE) {
					nsupp++;
				}
			}
			/* a line is a margin and at least one member; lines made of a
			 * margin alone (no member) do not exist */
			if (nsupp == 1 && members >= 1) {
				for (j = i; j < e; j++) {
					mg_stats_cell *c = &t->cells[order[j]];
					mg_supp s = which ? c->finished_suppressed : c->suppressed;
					bool margin = cell_ids(t, order[j])[d] == ALL_ID;
					int64_t size = which ? c->finished : c->participants;
					if (s != MG_SUPP_NONE) {
						continue;
					}
					if (best == UINT32_MAX || (bestmargin && !margin)
						|| (bestmargin == margin && size < bestsize)) {
						best = order[j];
						bestsize = size;
						bestmargin = margin;
					}
				}
				if (best != UINT32_MAX) {
					mg_stats_cell *c = &t->cells[best];
					if (which) {
						c->finished_suppressed = MG_SUPP_SECONDARY;
					} else {
						c->suppressed = MG_SUPP_SECONDARY;
						if (c->finished_suppressed == MG_SUPP_NONE) {
							c->finished_suppressed = MG_SUPP_SECONDARY;
						}
					}
					changed++;
				}
			}
			i = e;
		}
	}
	return changed;
}

mg_status mg_stats_secondary(mg_stats_table *t, mg_error *err)
{
	lines l;

	if (t->ncells == 0) {
		return MG_OK;
	}
	if (lines_build(t, &l) != 0) {
		lines_free(&l, t->ndims);
		return mg_error_set(err, MG_ENOMEM, "out of memory");
	}
	while (secondary_pass(t, &l, 0) > 0) {
	}
	while (secondary_pass(t, &l, 1) > 0) {
	}
	lines_free(&l, t->ndims);
	return MG_OK;
}

/* ----------------------------------------------------------------- emit */

static int cmp_val(mg_str a, mg_str b)
{
	if (a.ptr == NULL || b.ptr == NULL) {
		return (a.ptr == NULL) - (b.ptr == NULL); /* margins after values */
	}
	return mg_name_cmp(a, b);
}

static _Thread_local const mg_stats_table *emit_t;

static int cmp_cells(const void *a, const void *b)
{
	const mg_stats_cell *x = &emit_t->cells[*(const uint32_t *)a];
	const mg_stats_cell *y = &emit_t->cells[*(const uint32_t *)b];
	size_t d;

	for (d = 0; d < emit_t->ndims; d++) {
		int r = cmp_val(x->values[d], y->values[d]);
		if (r) {
			return r;
		}
	}
	return 0;
}

static const mg_atom dim_atoms[MG_DIM__COUNT] = {
	MG_A_academie, MG_A_departement, MG_A_circonscription, MG_A_degre, MG_A_secteur, MG_A_parcours
};

static int emit_supp(const mg_emitter *out, mg_supp s)
{
	if (s == MG_SUPP_PRIMARY) {
		EATOM(primary);
	} else if (s == MG_SUPP_SECONDARY) {
		EATOM(secondary);
	} else {
		ENULL();
	}
	return 0;
emit_fail:
	return -1;
}

mg_status mg_stats_emit(const mg_stats_table *t, const mg_emitter *out, mg_error *err)
{
	uint32_t *order = malloc((t->ncells ? t->ncells : 1) * sizeof(uint32_t));
	size_t i, d;

	if (!order) {
		return mg_error_set(err, MG_ENOMEM, "out of memory");
	}
	for (i = 0; i < t->ncells; i++) {
		order[i] = (uint32_t)i;
	}
	emit_t = t;
	qsort(order, t->ncells, sizeof(uint32_t), cmp_cells);
	emit_t = NULL;

	EMAP(3);
	EKEY(dimensions);
	ELIST(t->ndims);
	for (d = 0; d < t->ndims; d++) {
		EATOMV(dim_atoms[t->dims[d]]);
	}
	ELISTEND();
	EKEY(k); EINT(t->k);
	EKEY(cells);
	ELIST(t->ncells);
	for (i = 0; i < t->ncells; i++) {
		const mg_stats_cell *c = &t->cells[order[i]];
		bool hide = c->suppressed != MG_SUPP_NONE;
		bool hidef = hide || c->finished_suppressed != MG_SUPP_NONE;

		EMAP(7);
		EKEY(values);
		EMAP(t->ndims);
		for (d = 0; d < t->ndims; d++) {
			EM(out->key(out->ctx, dim_atoms[t->dims[d]]));
			if (c->values[d].ptr == NULL) {
				ENULL();
			} else {
				ESTR(c->values[d]);
			}
		}
		EMAPEND();
		EKEY(participants);
		if (hide) ENULL(); else EINT(c->participants);
		EKEY(enrolments);
		if (hide) ENULL(); else EINT(c->enrolments);
		EKEY(finished);
		if (hidef) ENULL(); else EINT(c->finished);
		EKEY(credited_minutes);
		if (hidef) ENULL(); else EINT(c->credited_minutes);
		EKEY(suppressed); EM(emit_supp(out, c->suppressed));
		EKEY(finished_suppressed); EM(emit_supp(out, hide ? c->suppressed : c->finished_suppressed));
		EMAPEND();
	}
	ELISTEND();
	EMAPEND();
	free(order);
	return MG_OK;
emit_fail:
	free(order);
	if (err && err->code == MG_EEMIT) {
		return MG_EEMIT;
	}
	return mg_error_set(err, MG_EEMIT, "the statistics could not be written out");
}
