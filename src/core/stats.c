/*
 * Statistics for the ministry (R5), under statistical disclosure control
 * (docs/statistics.md). The method, in short:
 *
 * - A fixed publication plan: two tables, each a tree of nested groups
 *   (etablissements: total > académie > degré > secteur > département >
 *   circonscription; parcours: total > parcours). Nothing else is computed.
 * - Primary protection: a group of fewer than k people (zero included where
 *   the school directory says the group may be that small) is protected
 *   whole; its finished count (and credited minutes) is protected when fewer
 *   than k people have, or have not, a training record in it.
 * - Secondary protection, checked by construction: under every published
 *   figure, the protected parts are at least two and hold enough people
 *   that each protected figure can move by k either way (down to 0) without
 *   changing anything published. A protected group whose own parts are
 *   published keeps a protected chain down to a finest group, so that it is
 *   never their sum.
 * - Releases: every figure that this release and an earlier one both
 *   determine (a published figure, or a published figure minus its
 *   published parts, in any combination) has moved by 0 or by at least k
 *   people; where one would move by 1 to k - 1, a published part beside it
 *   that moved too is protected with it (or, for a finest group, the group
 *   itself).
 *
 * Everything here is exact integer arithmetic on the model; nothing is
 * random.
 */
#include <stdlib.h>
#include <string.h>

#include "core_private.h"

/* ------------------------------------------------------------ dimensions */

static const char *const dim_names[MG_DIM__COUNT] = {
	"academie", "departement", "circonscription", "degre", "secteur", "parcours"
};

const char *mg_dim_name(mg_dim d)
{
	return (unsigned)d < MG_DIM__COUNT ? dim_names[d] : "";
}

/* The index of the name s[0..len) in names[0..n), or n when it is none of them. */
static size_t name_index(const char *const *names, size_t n, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (strlen(names[i]) == len && memcmp(names[i], s, len) == 0) {
			break;
		}
	}
	return i;
}

mg_status mg_dim_parse(const char *s, size_t len, mg_dim *out, mg_error *err)
{
	size_t i = name_index(dim_names, MG_DIM__COUNT, s, len);

	if (i < MG_DIM__COUNT) {
		*out = (mg_dim)i;
		return MG_OK;
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

/* ------------------------------------------------------------------ plan */

static const mg_dim etab_levels[] = {
	MG_DIM_ACADEMIE, MG_DIM_DEGRE, MG_DIM_SECTEUR, MG_DIM_DEPARTEMENT, MG_DIM_CIRCONSCRIPTION
};
static const mg_dim parcours_levels[] = { MG_DIM_PARCOURS };
static const char *const tab_names[MG_TAB__COUNT] = { "etablissements", "parcours" };

const char *mg_stats_tab_name(mg_stats_tab t)
{
	return (unsigned)t < MG_TAB__COUNT ? tab_names[t] : "";
}

mg_status mg_stats_tab_parse(const char *s, size_t len, mg_stats_tab *out, mg_error *err)
{
	size_t i = name_index(tab_names, MG_TAB__COUNT, s, len);

	if (i < MG_TAB__COUNT) {
		*out = (mg_stats_tab)i;
		return MG_OK;
	}
	return mg_error_set(err, MG_EARG, "no table \"%.*s\" in the publication plan (etablissements, parcours)",
		(int)(len > 40 ? 40 : len), s);
}

size_t mg_stats_tab_levels(mg_stats_tab t, const mg_dim **levels)
{
	if (t == MG_TAB_ETAB) {
		*levels = etab_levels;
		return sizeof(etab_levels) / sizeof(etab_levels[0]);
	}
	*levels = parcours_levels;
	return 1;
}

int mg_stats_node_has(mg_stats_tab t, const mg_stats_node *n, mg_measure m)
{
	return mg_stats_tab_has(t, m) && !(t == MG_TAB_PARCOURS && m == MG_M_MINUTES && n->depth == 0);
}

int mg_stats_tab_has(mg_stats_tab t, mg_measure m)
{
	if (t == MG_TAB_ETAB) {
		return m == MG_M_PARTICIPANTS || m == MG_M_ENROLMENTS || m == MG_M_FINISHED;
	}
	return m == MG_M_ENROLMENTS || m == MG_M_FINISHED || m == MG_M_MINUTES;
}

/* --------------------------------------------------------------- release */

struct mg_stats_rpriv {
	mg_arena arena;                 /* path strings and keys */
	mg_vec nodes[MG_TAB__COUNT];    /* mg_stats_node, while adding */
	mg_smap index[MG_TAB__COUNT];   /* path key -> node index (after link) */
	int linked;
};

mg_stats_release *mg_stats_release_new(int64_t k, int64_t generated)
{
	mg_stats_release *r = mg_calloc(1, sizeof(*r));
	size_t t;

	if (r == NULL) {
		return NULL;
	}
	r->priv = mg_calloc(1, sizeof(*r->priv));
	if (r->priv == NULL) {
		mg_free(r);
		return NULL;
	}
	r->k = k;
	r->generated = generated;
	for (t = 0; t < MG_TAB__COUNT; t++) {
		mg_vec_init(&r->priv->nodes[t], sizeof(mg_stats_node));
	}
	return r;
}

void mg_stats_release_free(mg_stats_release *r)
{
	size_t t;

	if (r == NULL) {
		return;
	}
	if (r->priv != NULL) {
		for (t = 0; t < MG_TAB__COUNT; t++) {
			mg_vec_free(&r->priv->nodes[t]);
			mg_smap_free(&r->priv->index[t]);
		}
		mg_arena_destroy(&r->priv->arena);
		mg_free(r->priv);
	}
	for (t = 0; t < MG_TAB__COUNT; t++) {
		mg_free(r->tabs[t].nodes);
	}
	mg_free(r);
}

/* The key of a path: per value, a 4-byte length and the bytes. Returned in
 * buf (malloc'd by the caller, at least path_key_size bytes). */
static size_t path_key_size(const mg_str *values, uint32_t depth)
{
	size_t n = 1, d;

	for (d = 0; d < depth; d++) {
		n += 4 + values[d].len;
	}
	return n;
}

static void path_key(const mg_str *values, uint32_t depth, char *buf)
{
	size_t d, at = 1;

	buf[0] = (char)depth;
	for (d = 0; d < depth; d++) {
		uint32_t l = (uint32_t)values[d].len;
		memcpy(buf + at, &l, 4);
		at += 4;
		if (l > 0) {
			memcpy(buf + at, values[d].ptr, l);
		}
		at += l;
	}
}

mg_stats_node *mg_stats_release_add(mg_stats_release *r, mg_stats_tab t,
	const mg_str *values, uint32_t depth)
{
	mg_stats_node *n;
	uint32_t d;
	const mg_dim *levels;

	if ((unsigned)t >= MG_TAB__COUNT || depth > mg_stats_tab_levels(t, &levels) || r->priv->linked) {
		return NULL;
	}
	n = mg_vec_push(&r->priv->nodes[t]);
	if (n == NULL) {
		return NULL;
	}
	n->depth = depth;
	n->parent = n->child = n->next = MG_STATS_NONE;
	for (d = 0; d < depth; d++) {
		char *p = mg_arena_strndup(&r->priv->arena, values[d].ptr ? values[d].ptr : "", values[d].len);
		if (p == NULL) {
			r->priv->nodes[t].len--;
			return NULL;
		}
		n->values[d] = (mg_str){ p, values[d].len };
	}
	return n;
}

static int index_put(mg_stats_release *r, mg_stats_tab t, const mg_stats_node *n, uint32_t i, uint32_t *existing)
{
	size_t sz = path_key_size(n->values, n->depth);
	char *key = mg_arena_alloc(&r->priv->arena, sz);

	if (key == NULL) {
		return -1;
	}
	path_key(n->values, n->depth, key);
	return mg_smap_put(&r->priv->index[t], (mg_str){ key, sz }, i, existing);
}

uint32_t mg_stats_release_find(const mg_stats_release *r, mg_stats_tab t,
	const mg_str *values, uint32_t depth)
{
	char small[512];
	size_t sz;
	char *key;
	uint32_t found = MG_STATS_NONE;
	bool ok;

	if ((unsigned)t >= MG_TAB__COUNT || !r->priv->linked || depth > MG_STATS_DEPTH_MAX) {
		return MG_STATS_NONE;
	}
	sz = path_key_size(values, depth);
	key = sz <= sizeof(small) ? small : mg_malloc(sz);
	if (key == NULL) {
		return MG_STATS_NONE;
	}
	path_key(values, depth, key);
	ok = mg_smap_get(&r->priv->index[t], (mg_str){ key, sz }, &found);
	if (key != small) {
		mg_free(key);
	}
	return ok ? found : MG_STATS_NONE;
}

static _Thread_local const mg_stats_node *sort_nodes;

/* Siblings in value order (names as people expect them, "" first). */
static int cmp_sibling(const void *a, const void *b)
{
	const mg_stats_node *x = &sort_nodes[*(const uint32_t *)a];
	const mg_stats_node *y = &sort_nodes[*(const uint32_t *)b];
	uint32_t d;

	for (d = 0; d < x->depth && d < y->depth; d++) {
		int c = mg_name_cmp(x->values[d], y->values[d]);
		if (c != 0) {
			return c;
		}
	}
	return x->depth < y->depth ? -1 : (x->depth > y->depth ? 1 : 0);
}

/* Links one tree: parents found by path, children sorted, nodes renumbered
 * in pre-order (the total first, every parent before its children). */
static mg_status link_tree(mg_stats_release *r, mg_stats_tab t, mg_error *err)
{
	mg_vec *v = &r->priv->nodes[t];
	mg_stats_node *in = v->data, *out = NULL;
	size_t n = v->len, i, top = 0, at = 0;
	uint32_t *order = NULL, *stack = NULL, *newpos = NULL, root = MG_STATS_NONE;
	mg_smap tmp;
	mg_status st = MG_OK;

	memset(&tmp, 0, sizeof(tmp));
	if (n == 0) {
		return mg_error_set(err, MG_EARG, "table %s has no total", tab_names[t]);
	}
	if (mg_smap_init(&tmp, n) != MG_OK) {
		return mg_error_set(err, MG_ENOMEM, "out of memory");
	}
	/* index by path (temporary: keys in the arena) */
	for (i = 0; i < n; i++) {
		uint32_t existing;
		size_t sz = path_key_size(in[i].values, in[i].depth);
		char *key = mg_arena_alloc(&r->priv->arena, sz);
		int rc;

		if (key == NULL) {
			st = mg_error_set(err, MG_ENOMEM, "out of memory");
			goto done;
		}
		path_key(in[i].values, in[i].depth, key);
		rc = mg_smap_put(&tmp, (mg_str){ key, sz }, (uint32_t)i, &existing);
		if (rc < 0) {
			st = mg_error_set(err, MG_ENOMEM, "out of memory");
			goto done;
		}
		if (rc == 0) {
			st = mg_error_set(err, MG_EARG, "table %s: the same group is given twice", tab_names[t]);
			goto done;
		}
		if (in[i].depth == 0) {
			root = (uint32_t)i;
		}
	}
	if (root == MG_STATS_NONE) {
		st = mg_error_set(err, MG_EARG, "table %s has no total", tab_names[t]);
		goto done;
	}
	/* parents and children lists (unsorted) */
	for (i = 0; i < n; i++) {
		uint32_t p;
		char small[512], *key;
		size_t sz;
		bool ok;

		in[i].child = in[i].next = MG_STATS_NONE;
		if (in[i].depth == 0) {
			in[i].parent = MG_STATS_NONE;
			continue;
		}
		sz = path_key_size(in[i].values, in[i].depth - 1);
		key = sz <= sizeof(small) ? small : mg_malloc(sz);
		if (key == NULL) {
			st = mg_error_set(err, MG_ENOMEM, "out of memory");
			goto done;
		}
		path_key(in[i].values, in[i].depth - 1, key);
		ok = mg_smap_get(&tmp, (mg_str){ key, sz }, &p);
		if (key != small) {
			mg_free(key);
		}
		if (!ok) {
			st = mg_error_set(err, MG_EARG, "table %s: a group at level %u has no enclosing group",
				tab_names[t], in[i].depth);
			goto done;
		}
		in[i].parent = p;
	}
	for (i = n; i-- > 0;) {
		if (in[i].parent != MG_STATS_NONE) {
			in[i].next = in[in[i].parent].child;
			in[in[i].parent].child = (uint32_t)i;
		}
	}
	/* pre-order with sorted children */
	order = mg_malloc(n * sizeof(uint32_t));
	stack = mg_malloc(n * sizeof(uint32_t));
	newpos = mg_malloc(n * sizeof(uint32_t));
	out = mg_calloc(n, sizeof(mg_stats_node));
	if (order == NULL || stack == NULL || newpos == NULL || out == NULL) {
		st = mg_error_set(err, MG_ENOMEM, "out of memory");
		goto done;
	}
	stack[top++] = root;
	sort_nodes = in;
	while (top > 0) {
		uint32_t x = stack[--top], c;
		size_t nc = 0, j;

		order[at++] = x;
		for (c = in[x].child; c != MG_STATS_NONE; c = in[c].next) {
			newpos[nc++] = c; /* scratch */
		}
		qsort(newpos, nc, sizeof(uint32_t), cmp_sibling);
		for (j = nc; j-- > 0;) {
			stack[top++] = newpos[j];
		}
	}
	sort_nodes = NULL;
	for (i = 0; i < at; i++) {
		newpos[order[i]] = (uint32_t)i;
	}
	for (i = 0; i < at; i++) {
		out[i] = in[order[i]];
		out[i].parent = out[i].parent == MG_STATS_NONE ? MG_STATS_NONE : newpos[out[i].parent];
		out[i].child = out[i].next = MG_STATS_NONE;
	}
	/* children lists in order (pre-order keeps siblings in order) */
	for (i = at; i-- > 1;) {
		uint32_t p = out[i].parent;
		out[i].next = out[p].child;
		out[p].child = (uint32_t)i;
	}
	if (mg_smap_init(&r->priv->index[t], at) != MG_OK) {
		st = mg_error_set(err, MG_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < at; i++) {
		if (index_put(r, t, &out[i], (uint32_t)i, NULL) < 0) {
			st = mg_error_set(err, MG_ENOMEM, "out of memory");
			goto done;
		}
	}
	r->tabs[t].nodes = out;
	r->tabs[t].nnodes = at;
	out = NULL;
done:
	mg_smap_free(&tmp);
	mg_free(order);
	mg_free(stack);
	mg_free(newpos);
	mg_free(out);
	return st;
}

mg_status mg_stats_release_link(mg_stats_release *r, mg_error *err)
{
	size_t t;
	mg_status st;

	if (r->priv->linked) {
		return MG_OK;
	}
	for (t = 0; t < MG_TAB__COUNT; t++) {
		st = link_tree(r, (mg_stats_tab)t, err);
		if (st != MG_OK) {
			return st;
		}
		mg_vec_free(&r->priv->nodes[t]);
		mg_vec_init(&r->priv->nodes[t], sizeof(mg_stats_node));
	}
	r->priv->linked = 1;
	return MG_OK;
}

/* ------------------------------------------------------------ building */

static bool is_leaf(const mg_stats_tree *tr, uint32_t i)
{
	return tr->nodes[i].child == MG_STATS_NONE;
}

/* The path of school s in the etablissements table. */
static void school_path(const mg_model *m, const mg_school *s, mg_str *values)
{
	values[0] = s->academie;
	values[1] = s->degre;
	values[2] = s->secteur;
	values[3] = s->departement;
	values[4] = s->circ != MG_NONE ? m->circs[s->circ].code : MG_STR_NULL;
}

/* Adds a node for every prefix of a path not added yet (seen: key set). */
static int add_prefixes(mg_stats_release *r, mg_stats_tab t, mg_smap *seen,
	const mg_str *values, uint32_t depth)
{
	uint32_t d;

	for (d = 0; d <= depth; d++) {
		size_t sz = path_key_size(values, d);
		char *key = mg_arena_alloc(&r->priv->arena, sz);
		int rc;

		if (key == NULL) {
			return -1;
		}
		path_key(values, d, key);
		rc = mg_smap_put(seen, (mg_str){ key, sz }, 0, NULL);
		if (rc < 0) {
			return -1;
		}
		if (rc == 1 && mg_stats_release_add(r, t, values, d) == NULL) {
			return -1;
		}
	}
	return 0;
}

/* The parcours frame is public: every course with a forecast duration (the
 * catalogue), and, when the site has other courses, one pooled group "" for
 * their participations. A course without a duration never gets a row of its
 * own (nothing public says it is a parcours: its row would tell that someone
 * took part in it); the pooled group is there whether anyone took part or not,
 * and is never a structural zero (it would then count as a protected partner
 * that can hold nobody). */
static bool parcours_in_frame(const mg_course *c)
{
	return c->duration != MG_NULL_INT;
}

/* Builds both trees of a release from the model, with every count. */
static mg_status build_trees(const mg_model *m, mg_stats_release *r, mg_error *err)
{
	static const mg_str empty5[MG_STATS_DEPTH_MAX] = {
		{ "", 0 }, { "", 0 }, { "", 0 }, { "", 0 }, { "", 0 }
	};
	mg_smap seen[MG_TAB__COUNT];
	uint32_t *school_leaf = NULL, *course_leaf = NULL, none_leaf, pooled_leaf;
	uint8_t *ufin = NULL, *uunf = NULL;
	mg_participation_iter it = { 0, 0 };
	mg_participation pa;
	mg_stats_tree *et, *pt;
	size_t i, t;
	mg_status st = MG_OK;

	memset(seen, 0, sizeof(seen));
	ufin = mg_calloc(m->nusers ? m->nusers : 1, 1);
	uunf = mg_calloc(m->nusers ? m->nusers : 1, 1);
	school_leaf = mg_malloc((m->nschools ? m->nschools : 1) * sizeof(uint32_t));
	course_leaf = mg_malloc((m->ncourses ? m->ncourses : 1) * sizeof(uint32_t));
	if (ufin == NULL || uunf == NULL || school_leaf == NULL || course_leaf == NULL
			|| mg_smap_init(&seen[0], m->nschools * 2 + 8) != MG_OK
			|| mg_smap_init(&seen[1], m->ncourses + 8) != MG_OK) {
		st = mg_error_set(err, MG_ENOMEM, "out of memory");
		goto done;
	}
	/* one pass over the participations: who took part, who finished what */
	while (mg_model_participation_next(m, &it, &pa)) {
		if (pa.finished) {
			ufin[pa.user] = 1;
		} else {
			uunf[pa.user] = 1;
		}
	}
	/* the frame: every directory path, the "not recorded" path, every parcours */
	if (add_prefixes(r, MG_TAB_ETAB, &seen[0], empty5, MG_STATS_DEPTH_MAX) != 0) {
		st = mg_error_set(err, MG_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < m->nschools; i++) {
		mg_str path[MG_STATS_DEPTH_MAX];
		if (m->schools[i].ignored) {
			continue;
		}
		school_path(m, &m->schools[i], path);
		if (add_prefixes(r, MG_TAB_ETAB, &seen[0], path, MG_STATS_DEPTH_MAX) != 0) {
			st = mg_error_set(err, MG_ENOMEM, "out of memory");
			goto done;
		}
	}
	if (add_prefixes(r, MG_TAB_PARCOURS, &seen[1], empty5, 0) != 0) {
		st = mg_error_set(err, MG_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < m->ncourses; i++) {
		if (!parcours_in_frame(&m->courses[i])) {
			if (add_prefixes(r, MG_TAB_PARCOURS, &seen[1], empty5, 1) != 0) {
				st = mg_error_set(err, MG_ENOMEM, "out of memory");
				goto done;
			}
			break;
		}
	}
	for (i = 0; i < m->ncourses; i++) {
		const mg_course *c = &m->courses[i];
		if (parcours_in_frame(c)
				&& add_prefixes(r, MG_TAB_PARCOURS, &seen[1], &c->shortname, 1) != 0) {
			st = mg_error_set(err, MG_ENOMEM, "out of memory");
			goto done;
		}
	}
	st = mg_stats_release_link(r, err);
	if (st != MG_OK) {
		goto done;
	}
	et = &r->tabs[MG_TAB_ETAB];
	pt = &r->tabs[MG_TAB_PARCOURS];
	none_leaf = mg_stats_release_find(r, MG_TAB_ETAB, empty5, MG_STATS_DEPTH_MAX);
	for (i = 0; i < m->nschools; i++) {
		mg_str path[MG_STATS_DEPTH_MAX];
		if (m->schools[i].ignored) {
			school_leaf[i] = none_leaf;
			continue;
		}
		school_path(m, &m->schools[i], path);
		school_leaf[i] = mg_stats_release_find(r, MG_TAB_ETAB, path, MG_STATS_DEPTH_MAX);
		et->nodes[school_leaf[i]].schools++;
	}
	pooled_leaf = mg_stats_release_find(r, MG_TAB_PARCOURS, empty5, 1);
	for (i = 0; i < m->ncourses; i++) {
		const mg_course *c = &m->courses[i];
		course_leaf[i] = parcours_in_frame(c)
			? mg_stats_release_find(r, MG_TAB_PARCOURS, &c->shortname, 1) : pooled_leaf;
		if (parcours_in_frame(c)) {
			pt->nodes[course_leaf[i]].duration = c->duration;
		}
	}
	/* participations into the finest groups */
	it.c = it.p = 0;
	while (mg_model_participation_next(m, &it, &pa)) {
		const mg_user *u = &m->users[pa.user];
		uint32_t el = u->school == MG_NONE ? none_leaf : school_leaf[u->school];
		uint32_t pl = course_leaf[pa.course];
		mg_stats_node *e = &et->nodes[el], *p = &pt->nodes[pl];

		e->v[MG_M_ENROLMENTS]++;
		p->v[MG_M_ENROLMENTS]++;
		if (pa.finished) {
			e->v[MG_M_FINISHED]++;
			p->v[MG_M_FINISHED]++;
			p->v[MG_M_MINUTES] += pa.credited;
		}
		if (ufin[pa.user] || uunf[pa.user]) {
			/* the person, once, in his school's group */
			e->v[MG_M_PARTICIPANTS]++;
			e->finished_people += ufin[pa.user];
			e->unfinished_people += uunf[pa.user];
			ufin[pa.user] = uunf[pa.user] = 0;
		}
	}
	/* a parcours counts its people once each: enrolments are people there */
	for (i = 0; i < pt->nnodes; i++) {
		mg_stats_node *p = &pt->nodes[i];
		if (p->depth == 1) {
			p->finished_people = p->v[MG_M_FINISHED];
			p->unfinished_people = p->v[MG_M_ENROLMENTS] - p->v[MG_M_FINISHED];
		}
	}
	/* margins: every group is the sum of its parts (pre-order backwards) */
	for (t = 0; t < MG_TAB__COUNT; t++) {
		mg_stats_tree *tr = &r->tabs[t];
		for (i = tr->nnodes; i-- > 1;) {
			mg_stats_node *c = &tr->nodes[i], *p = &tr->nodes[c->parent];
			size_t mm;
			for (mm = 0; mm < MG_M__COUNT; mm++) {
				p->v[mm] += c->v[mm];
			}
			p->finished_people += c->finished_people;
			p->unfinished_people += c->unfinished_people;
			p->schools += c->schools;
		}
	}
	/* the parcours total is the same group as the etablissements total */
	pt->nodes[0].finished_people = et->nodes[0].finished_people;
	pt->nodes[0].unfinished_people = et->nodes[0].unfinished_people;
	pt->nodes[0].v[MG_M_PARTICIPANTS] = 0;
done:
	mg_smap_free(&seen[0]);
	mg_smap_free(&seen[1]);
	mg_free(ufin);
	mg_free(uunf);
	mg_free(school_leaf);
	mg_free(course_leaf);
	return st;
}

/* ---------------------------------------------------------- protection */

/* A group's figures are published together or protected together. */
static bool hid(const mg_stats_node *n)
{
	return n->hidden[MG_M_ENROLMENTS] != 0;
}

static int set_hidden(mg_stats_node *n)
{
	int changed = !hid(n);
	size_t m;

	for (m = 0; m < MG_M__COUNT; m++) {
		n->hidden[m] = 1;
	}
	return changed;
}

static int64_t min64(int64_t a, int64_t b)
{
	return a < b ? a : b;
}

static int64_t max64(int64_t a, int64_t b)
{
	return a > b ? a : b;
}

static bool below(int64_t v, int64_t k)
{
	return v > 0 && v < k;
}

/* The masses a protection moves: people, participations, finished ones, unfinished ones. */
enum { C_P, C_E, C_F, C_U, C__N };

static int64_t cval(const mg_stats_node *n, int c)
{
	switch (c) {
	case C_P:
		return n->v[MG_M_PARTICIPANTS];
	case C_E:
		return n->v[MG_M_ENROLMENTS];
	case C_F:
		return n->v[MG_M_FINISHED];
	default:
		return n->v[MG_M_ENROLMENTS] - n->v[MG_M_FINISHED];
	}
}

/* The first mass of a table: its people (etablissements), its participations (parcours, where
 * they are people). */
static int c_first(mg_stats_tab t)
{
	return t == MG_TAB_ETAB ? C_P : C_E;
}

static bool small(const mg_stats_node *n)
{
	return (n->sensitive & MG_STATS_SENSITIVE_GROUP) != 0;
}

/* Primary protection of one tree (docs/statistics.md, "Primary"). */
static void primary(mg_stats_tree *tr, mg_stats_tab t, int64_t k)
{
	size_t i;

	for (i = 0; i < tr->nnodes; i++) {
		mg_stats_node *n = &tr->nodes[i];
		int64_t size = t == MG_TAB_ETAB ? n->v[MG_M_PARTICIPANTS] : n->v[MG_M_ENROLMENTS];
		/* zero is protected where "someone is there" would be news about
		 * few people: where the directory lists 1 to k-1 schools, and in
		 * every parcours (its public may be a handful of people); so that
		 * there a protected group may be empty and an empty one is not
		 * told from a small one. The "not recorded" groups (no school,
		 * nobody in particular) publish their zero. */
		bool small_zero = size == 0 && n->depth > 0
			&& (t == MG_TAB_PARCOURS || (n->schools > 0 && n->schools < k));

		if (below(size, k) || small_zero) {
			set_hidden(n);
			n->sensitive |= MG_STATS_SENSITIVE_GROUP;
		}
		if (below(n->finished_people, k) || below(n->unfinished_people, k)) {
			set_hidden(n);
			n->sensitive |= MG_STATS_SENSITIVE_FINISHED;
		}
	}
}

/* What a protected group must be able to lose through protected groups below it, so that
 * nothing published pins it: everything when it has fewer than k people (it may be empty);
 * all its finished (unfinished) participations when fewer than k people have (have not) a
 * training record in it (none may have one); otherwise up to k, what a small group beside it
 * may need to take from it. */
static int64_t need_down(const mg_stats_node *n, int c, int64_t k)
{
	int64_t v = cval(n, c);

	if (small(n)) {
		return v;
	}
	if ((n->sensitive & MG_STATS_SENSITIVE_FINISHED) != 0
			&& ((c == C_F && below(n->finished_people, k)) || (c == C_U && below(n->unfinished_people, k)))) {
		return v;
	}
	return min64(v, k);
}

/* cap[i][c]: what protected group i can give or lose of mass c through protected groups below
 * it, down to finest ones (moving people, with their participations, between protected groups
 * of the etablissements table; moving participations, with their record, between protected
 * parcours). A protected group is counted with what it will be able to give once its own chain
 * is complete (T1 below), so that one pass can check every group. */
typedef struct cap {
	int64_t a[C__N];
} cap;

static void caps_compute(const mg_stats_tree *tr, int64_t k, cap *caps)
{
	size_t i;
	int c;

	memset(caps, 0, tr->nnodes * sizeof(cap));
	for (i = tr->nnodes; i-- > 0;) {
		const mg_stats_node *n = &tr->nodes[i];
		if (!hid(n)) {
			continue;
		}
		for (c = 0; c < C__N; c++) {
			int64_t a = 0;
			if (is_leaf(tr, (uint32_t)i)) {
				a = cval(n, c);
			} else {
				uint32_t ch;
				for (ch = n->child; ch != MG_STATS_NONE; ch = tr->nodes[ch].next) {
					if (hid(&tr->nodes[ch])) {
						a += caps[ch].a[c];
					}
				}
			}
			caps[i].a[c] = max64(a, need_down(n, c, k));
		}
	}
}

/* The child of p to protect for mass c: among the published ones that hold some, the smallest
 * that covers `need`, else the largest. MG_STATS_NONE when none holds any. */
static uint32_t pick_child(const mg_stats_tree *tr, uint32_t p, int c, int64_t need)
{
	uint32_t ch, best = MG_STATS_NONE, big = MG_STATS_NONE;
	int64_t bestv = 0, bigv = 0;

	for (ch = tr->nodes[p].child; ch != MG_STATS_NONE; ch = tr->nodes[ch].next) {
		const mg_stats_node *n = &tr->nodes[ch];
		int64_t v = cval(n, c);
		if (hid(n) || v <= 0) {
			continue;
		}
		if (v >= need && (best == MG_STATS_NONE || v < bestv)) {
			best = ch;
			bestv = v;
		}
		if (big == MG_STATS_NONE || v > bigv) {
			big = ch;
			bigv = v;
		}
	}
	return best != MG_STATS_NONE ? best : big;
}

/* Checks group i; returns the mass c short (and *need) or -1 when it keeps its promises.
 *   T1 (i protected): its protected parts can lose what it must (need_down).
 *   T2 (i published): its protected parts are none, or two or more; beside each small one the
 *   others hold k people; and none of its masses sits, all of it, unmovable in them (a mass
 *   of them all zero while i's is not would be determined). */
static int check_group(const mg_stats_tree *tr, mg_stats_tab t, int64_t k, const cap *caps, uint32_t i, int64_t *need)
{
	const mg_stats_node *n = &tr->nodes[i];
	int64_t sum[C__N] = { 0, 0, 0, 0 };
	size_t nh = 0;
	uint32_t ch;
	int c, first = c_first(t);

	for (ch = n->child; ch != MG_STATS_NONE; ch = tr->nodes[ch].next) {
		if (hid(&tr->nodes[ch])) {
			nh++;
			for (c = 0; c < C__N; c++) {
				sum[c] += caps[ch].a[c];
			}
		}
	}
	if (hid(n)) {
		for (c = 0; c < C__N; c++) {
			if (c == C_P && t != MG_TAB_ETAB) {
				continue;
			}
			if (sum[c] < need_down(n, c, k)) {
				*need = need_down(n, c, k) - sum[c];
				return c;
			}
		}
		return -1;
	}
	if (nh == 0) {
		return -1;
	}
	for (ch = n->child; ch != MG_STATS_NONE; ch = tr->nodes[ch].next) {
		const mg_stats_node *cn = &tr->nodes[ch];
		if (!hid(cn)) {
			continue;
		}
		if (nh == 1) {
			*need = small(cn) ? k : 1;
			return first;
		}
		if (small(cn) && sum[first] - caps[ch].a[first] < k) {
			*need = k - (sum[first] - caps[ch].a[first]);
			return first;
		}
	}
	for (c = 0; c < C__N; c++) {
		if ((c == C_P && t != MG_TAB_ETAB) || sum[c] > 0 || cval(n, c) == 0) {
			continue;
		}
		*need = 1;
		return c;
	}
	return -1;
}

/* One top-down pass of secondary protection over a tree; returns the number of groups it
 * protected. */
static size_t secondary_pass(mg_stats_tree *tr, mg_stats_tab t, int64_t k, cap *caps)
{
	size_t changed = 0, i;

	caps_compute(tr, k, caps);
	for (i = 0; i < tr->nnodes; i++) {
		int c;
		int64_t need = 0;

		if (is_leaf(tr, (uint32_t)i)) {
			continue;
		}
		while ((c = check_group(tr, t, k, caps, (uint32_t)i, &need)) >= 0) {
			uint32_t pick = pick_child(tr, (uint32_t)i, c, need);
			if (pick != MG_STATS_NONE) {
				changed += (size_t)set_hidden(&tr->nodes[pick]);
			} else if (!hid(&tr->nodes[i])) {
				/* nothing below can help: the group itself is protected, and
				 * its parent sees to it */
				changed += (size_t)set_hidden(&tr->nodes[i]);
			} else {
				break;
			}
			caps_compute(tr, k, caps);
		}
	}
	return changed;
}

/* The two totals are the same figures: protected in one, protected in both. */
static size_t sync_totals(mg_stats_release *r)
{
	mg_stats_node *a = &r->tabs[MG_TAB_ETAB].nodes[0], *b = &r->tabs[MG_TAB_PARCOURS].nodes[0];

	if (hid(a) || hid(b)) {
		return (size_t)set_hidden(a) + (size_t)set_hidden(b);
	}
	return 0;
}

/* Credited minutes are published with a parcours' counts; the parcours total has none (with
 * the public durations, it would be one more equation on the protected parcours). */
static void minutes(mg_stats_tree *pt)
{
	size_t i;

	for (i = 0; i < pt->nnodes; i++) {
		pt->nodes[i].hidden[MG_M_MINUTES] = pt->nodes[i].depth == 0 || hid(&pt->nodes[i]);
	}
}

/* ------------------------------------------------------------- releases */

/* Union-find over the finest groups of both releases. */
typedef struct uf {
	uint32_t *parent;
} uf;

static uint32_t uf_find(uf *u, uint32_t x)
{
	while (u->parent[x] != x) {
		u->parent[x] = u->parent[u->parent[x]];
		x = u->parent[x];
	}
	return x;
}

static void uf_union(uf *u, uint32_t a, uint32_t b)
{
	a = uf_find(u, a);
	b = uf_find(u, b);
	if (a != b) {
		u->parent[a < b ? b : a] = a < b ? a : b;
	}
}

/* Whether measure m of node n is published. */
static bool published(const mg_stats_node *n, mg_measure m)
{
	return n->hidden[m] == 0;
}

/* cover[i]: the part of node i that published groups (itself or below)
 * determine; resid[i] (published i): i minus its published parts below, the
 * group only it determines. owner[i] for finest i: the published group
 * whose residue holds it, MG_STATS_NONE when nothing published holds it. */
static void residues(const mg_stats_tree *tr, mg_measure m, int64_t *cover, int64_t *resid, uint32_t *owner)
{
	size_t i;

	for (i = tr->nnodes; i-- > 0;) {
		const mg_stats_node *n = &tr->nodes[i];
		int64_t below = 0;
		uint32_t c;
		for (c = n->child; c != MG_STATS_NONE; c = tr->nodes[c].next) {
			below += cover[c];
		}
		if (published(n, m)) {
			cover[i] = n->v[m];
			resid[i] = n->v[m] - below;
		} else {
			cover[i] = below;
			resid[i] = 0;
		}
	}
	for (i = 0; i < tr->nnodes; i++) {
		const mg_stats_node *n = &tr->nodes[i];
		uint32_t up = n->parent == MG_STATS_NONE ? MG_STATS_NONE : owner[n->parent];
		owner[i] = published(n, m) ? (uint32_t)i : up;
	}
}

/* What to protect for a group both releases determine that moved by 1 to k-1 (flow, signed),
 * held by the residue of published group o of this release: a published part of o whose own
 * residue moved (published in both releases), so that o's residue then moves by 0 or at least k
 * (the smallest such part), else the part that moves it furthest the same way; o itself when no
 * part helps (a finest group). Protecting o instead would move its parent's residue by the same
 * few people, and so on up to the total. */
static uint32_t flow_partner(const mg_stats_release *r, mg_stats_tab t, mg_measure m, const mg_stats_release *old,
	const uint32_t *o_of_new, const int64_t *resid, const int64_t *oresid, uint32_t o, int64_t flow)
{
	const mg_stats_tree *tr = &r->tabs[t], *ot = &old->tabs[t];
	uint32_t ch, pick = MG_STATS_NONE, further = MG_STATS_NONE;
	int64_t pickv = 0, gain = 0;

	for (ch = tr->nodes[o].child; ch != MG_STATS_NONE; ch = tr->nodes[ch].next) {
		const mg_stats_node *cn = &tr->nodes[ch];
		uint32_t oc = o_of_new[ch];
		int64_t fc, sum, g;
		if (!published(cn, m) || oc == MG_STATS_NONE || !published(&ot->nodes[oc], m)) {
			continue;
		}
		fc = resid[ch] - oresid[oc];
		if (fc == 0) {
			continue;
		}
		sum = flow + fc;
		if (sum == 0 || sum >= r->k || sum <= -r->k) {
			if (pick == MG_STATS_NONE || cn->v[m] < pickv) {
				pick = ch;
				pickv = cn->v[m];
			}
			continue;
		}
		g = (flow > 0 ? sum - flow : flow - sum);
		if (g > gain) {
			further = ch;
			gain = g;
		}
	}
	if (pick != MG_STATS_NONE) {
		return pick;
	}
	return further != MG_STATS_NONE ? further : o;
}

/* Checks measure m of tree t against one earlier release; for each group
 * both determine that moved by 1 to k-1, protects a partner of the deepest
 * published group of this release that determines it (flow_partner()).
 * Counts what it protected in *changed. */
static mg_status flows_one(mg_stats_release *r, mg_stats_tab t, mg_measure m,
	const mg_stats_release *old, size_t *changed, mg_error *err)
{
	const mg_stats_tree *tr = &r->tabs[t], *ot = &old->tabs[t];
	size_t nn = tr->nnodes, on = ot->nnodes, i;
	/* finest groups: this release's leaves, then the earlier release's leaves
	 * absent from this one */
	uint32_t *leaf_id = NULL, *oleaf_id = NULL, nleaves = 0;
	uint32_t *owner = NULL, *oowner = NULL, *o_of_new = NULL;
	int64_t *cover = NULL, *resid = NULL, *ocover = NULL, *oresid = NULL;
	int64_t *val_t = NULL, *val_s = NULL;
	uint8_t *taint = NULL, *seen_t = NULL, *seen_s = NULL;
	uint32_t *deep = NULL;
	uf u = { NULL };
	mg_status st = MG_OK;

	leaf_id = mg_malloc((nn ? nn : 1) * sizeof(uint32_t));
	oleaf_id = mg_malloc((on ? on : 1) * sizeof(uint32_t));
	owner = mg_malloc((nn ? nn : 1) * sizeof(uint32_t));
	oowner = mg_malloc((on ? on : 1) * sizeof(uint32_t));
	o_of_new = mg_malloc((nn ? nn : 1) * sizeof(uint32_t));
	cover = mg_malloc((nn ? nn : 1) * sizeof(int64_t));
	resid = mg_malloc((nn ? nn : 1) * sizeof(int64_t));
	ocover = mg_malloc((on ? on : 1) * sizeof(int64_t));
	oresid = mg_malloc((on ? on : 1) * sizeof(int64_t));
	if (!leaf_id || !oleaf_id || !owner || !oowner || !o_of_new || !cover || !resid || !ocover || !oresid) {
		st = mg_error_set(err, MG_ENOMEM, "out of memory");
		goto done;
	}
	residues(tr, m, cover, resid, owner);
	residues(ot, m, ocover, oresid, oowner);
	for (i = 0; i < nn; i++) {
		o_of_new[i] = mg_stats_release_find(old, t, tr->nodes[i].values, tr->nodes[i].depth);
		leaf_id[i] = MG_STATS_NONE;
		if (is_leaf(tr, (uint32_t)i)) {
			leaf_id[i] = nleaves++;
		}
	}
	for (i = 0; i < on; i++) {
		oleaf_id[i] = MG_STATS_NONE;
	}
	for (i = 0; i < nn; i++) {
		if (leaf_id[i] != MG_STATS_NONE && o_of_new[i] != MG_STATS_NONE && is_leaf(ot, o_of_new[i])) {
			oleaf_id[o_of_new[i]] = leaf_id[i];
		}
	}
	for (i = 0; i < on; i++) {
		if (is_leaf(ot, (uint32_t)i) && oleaf_id[i] == MG_STATS_NONE) {
			oleaf_id[i] = nleaves++;
		}
	}
	u.parent = mg_malloc((nleaves ? nleaves : 1) * sizeof(uint32_t));
	val_t = mg_calloc(nleaves ? nleaves : 1, sizeof(int64_t));
	val_s = mg_calloc(nleaves ? nleaves : 1, sizeof(int64_t));
	taint = mg_calloc(nleaves ? nleaves : 1, 1);
	seen_t = mg_calloc(nn ? nn : 1, 1);
	seen_s = mg_calloc(on ? on : 1, 1);
	deep = mg_malloc((nleaves ? nleaves : 1) * sizeof(uint32_t));
	if (!u.parent || !val_t || !val_s || !taint || !seen_t || !seen_s || !deep) {
		st = mg_error_set(err, MG_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < nleaves; i++) {
		u.parent[i] = (uint32_t)i;
	}
	/* a finest group absent from a release was not in its frame: known 0
	 * there, a residue of its own. Leaves sharing an owner are joined. */
	{
		uint32_t *first = mg_malloc((nn > on ? nn : (on ? on : 1)) * sizeof(uint32_t));
		if (first == NULL) {
			st = mg_error_set(err, MG_ENOMEM, "out of memory");
			goto done;
		}
		for (i = 0; i < nn; i++) {
			first[i] = MG_STATS_NONE;
		}
		for (i = 0; i < nn; i++) {
			if (leaf_id[i] == MG_STATS_NONE) {
				continue;
			}
			if (owner[i] == MG_STATS_NONE) {
				taint[leaf_id[i]] = 1;
			} else if (first[owner[i]] == MG_STATS_NONE) {
				first[owner[i]] = leaf_id[i];
			} else {
				uf_union(&u, first[owner[i]], leaf_id[i]);
			}
		}
		for (i = 0; i < on; i++) {
			first[i] = MG_STATS_NONE;
		}
		for (i = 0; i < on; i++) {
			if (!is_leaf(ot, (uint32_t)i)) {
				continue;
			}
			if (oowner[i] == MG_STATS_NONE) {
				taint[oleaf_id[i]] = 1;
			} else if (first[oowner[i]] == MG_STATS_NONE) {
				first[oowner[i]] = oleaf_id[i];
			} else {
				uf_union(&u, first[oowner[i]], oleaf_id[i]);
			}
		}
		mg_free(first);
	}
	/* values of the components: the residues they hold, in each release */
	for (i = 0; i < nleaves; i++) {
		deep[i] = MG_STATS_NONE;
	}
	for (i = 0; i < nn; i++) {
		uint32_t o, root;
		if (leaf_id[i] == MG_STATS_NONE) {
			continue;
		}
		root = uf_find(&u, leaf_id[i]);
		if (taint[leaf_id[i]]) {
			taint[root] = 1;
		}
		o = owner[i];
		if (o != MG_STATS_NONE && !seen_t[o]) {
			seen_t[o] = 1;
			val_t[root] += resid[o];
			if (deep[root] == MG_STATS_NONE || tr->nodes[o].depth > tr->nodes[deep[root]].depth) {
				deep[root] = o;
			}
		}
	}
	for (i = 0; i < on; i++) {
		uint32_t o, root;
		if (!is_leaf(ot, (uint32_t)i)) {
			continue;
		}
		root = uf_find(&u, oleaf_id[i]);
		if (taint[oleaf_id[i]]) {
			taint[root] = 1;
		}
		o = oowner[i];
		if (o != MG_STATS_NONE && !seen_s[o]) {
			seen_s[o] = 1;
			val_s[root] += oresid[o];
		}
	}
	/* a leaf of this release only (new in the frame): its owner at s is
	 * none, but it was known to be 0: not a taint */
	for (i = 0; i < nleaves; i++) {
		uint32_t root = uf_find(&u, (uint32_t)i);
		int64_t flow;
		if (root != i || taint[root]) {
			continue;
		}
		flow = val_t[root] - val_s[root];
		if (flow < 0) {
			flow = -flow;
		}
		if (flow > 0 && flow < r->k && deep[root] != MG_STATS_NONE) {
			uint32_t pick = flow_partner(r, t, m, old, o_of_new, resid, oresid, deep[root], val_t[root] - val_s[root]);
			*changed += (size_t)set_hidden(&r->tabs[t].nodes[pick]);
		}
	}
done:
	mg_free(leaf_id);
	mg_free(oleaf_id);
	mg_free(owner);
	mg_free(oowner);
	mg_free(o_of_new);
	mg_free(cover);
	mg_free(resid);
	mg_free(ocover);
	mg_free(oresid);
	mg_free(u.parent);
	mg_free(val_t);
	mg_free(val_s);
	mg_free(taint);
	mg_free(seen_t);
	mg_free(seen_s);
	mg_free(deep);
	return st;
}

/* Credited minutes of a parcours published in both releases with the same
 * finished count must not have moved either (two events that cancel). */
static size_t minutes_flows(mg_stats_release *r, const mg_stats_release *old)
{
	mg_stats_tree *pt = &r->tabs[MG_TAB_PARCOURS];
	size_t i, changed = 0;

	for (i = 1; i < pt->nnodes; i++) {
		mg_stats_node *n = &pt->nodes[i];
		uint32_t o = mg_stats_release_find(old, MG_TAB_PARCOURS, n->values, n->depth);
		const mg_stats_node *on;
		if (o == MG_STATS_NONE || hid(n)) {
			continue;
		}
		on = &old->tabs[MG_TAB_PARCOURS].nodes[o];
		if (on->hidden[MG_M_MINUTES] || on->hidden[MG_M_FINISHED]) {
			continue;
		}
		if (on->v[MG_M_FINISHED] == n->v[MG_M_FINISHED] && on->v[MG_M_MINUTES] != n->v[MG_M_MINUTES]) {
			changed += (size_t)set_hidden(n);
		}
	}
	return changed;
}

static mg_status flows(mg_stats_release *r, const mg_stats_release *const *earlier, size_t nearlier,
	size_t *changed, mg_error *err)
{
	size_t e, t;
	mg_status st;

	for (e = 0; e < nearlier; e++) {
		for (t = 0; t < MG_TAB__COUNT; t++) {
			static const mg_measure all[] = { MG_M_PARTICIPANTS, MG_M_ENROLMENTS, MG_M_FINISHED };
			size_t j;
			for (j = 0; j < 3; j++) {
				if (!mg_stats_tab_has((mg_stats_tab)t, all[j])) {
					continue;
				}
				st = flows_one(r, (mg_stats_tab)t, all[j], earlier[e], changed, err);
				if (st != MG_OK) {
					return st;
				}
			}
		}
		*changed += minutes_flows(r, earlier[e]);
	}
	return MG_OK;
}

/* Secondary protection of both trees, the totals kept in step, until nothing changes; then
 * the minutes follow the counts. */
static mg_status protect(mg_stats_release *r, mg_error *err)
{
	cap *caps[MG_TAB__COUNT] = { NULL, NULL };
	size_t t, changed;

	for (t = 0; t < MG_TAB__COUNT; t++) {
		caps[t] = mg_malloc((r->tabs[t].nnodes ? r->tabs[t].nnodes : 1) * sizeof(cap));
		if (caps[t] == NULL) {
			mg_free(caps[0]);
			return mg_error_set(err, MG_ENOMEM, "out of memory");
		}
	}
	do {
		changed = sync_totals(r);
		for (t = 0; t < MG_TAB__COUNT; t++) {
			changed += secondary_pass(&r->tabs[t], (mg_stats_tab)t, r->k, caps[t]);
		}
		changed += sync_totals(r);
	} while (changed > 0);
	minutes(&r->tabs[MG_TAB_PARCOURS]);
	for (t = 0; t < MG_TAB__COUNT; t++) {
		mg_free(caps[t]);
	}
	return MG_OK;
}

static mg_status check_earlier(const mg_stats_release *const *earlier, size_t n, int64_t generated, mg_error *err)
{
	size_t i, t;

	for (i = 0; i < n; i++) {
		if (earlier[i] == NULL || earlier[i]->priv == NULL || !earlier[i]->priv->linked) {
			return mg_error_set(err, MG_EARG, "earlier release %zu is not a release", i);
		}
		if (earlier[i]->generated > generated) {
			return mg_error_set(err, MG_EARG,
				"earlier release %zu is dated after this one (%lld > %lld): releases are protected in date order",
				i, (long long)earlier[i]->generated, (long long)generated);
		}
		for (t = 0; t < MG_TAB__COUNT; t++) {
			if (earlier[i]->tabs[t].nnodes == 0) {
				return mg_error_set(err, MG_EARG, "earlier release %zu lacks the %s table", i, tab_names[t]);
			}
		}
	}
	return MG_OK;
}

mg_status mg_stats_release_compute(const mg_model *m, int64_t k, int64_t generated,
	const mg_stats_release *const *earlier, size_t nearlier,
	mg_stats_release **out, mg_error *err)
{
	mg_stats_release *r;
	mg_status st;
	size_t t, changed;

	*out = NULL;
	if (mg_settings_check_k(k, err) != MG_OK) {
		return MG_ESETTINGS;
	}
	st = check_earlier(earlier, nearlier, generated, err);
	if (st != MG_OK) {
		return st;
	}
	r = mg_stats_release_new(k, generated);
	if (r == NULL) {
		return mg_error_set(err, MG_ENOMEM, "out of memory");
	}
	st = build_trees(m, r, err);
	if (st != MG_OK) {
		goto fail;
	}
	for (t = 0; t < MG_TAB__COUNT; t++) {
		primary(&r->tabs[t], (mg_stats_tab)t, k);
	}
	do {
		st = protect(r, err);
		if (st != MG_OK) {
			goto fail;
		}
		changed = 0;
		st = flows(r, earlier, nearlier, &changed, err);
		if (st != MG_OK) {
			goto fail;
		}
	} while (changed > 0);
	*out = r;
	return MG_OK;
fail:
	mg_stats_release_free(r);
	return st;
}

/* ---------------------------------------------------------------- merge */

static int add_checked(int64_t *acc, int64_t v)
{
	if (v < 0 || *acc > INT64_MAX - v) {
		return -1;
	}
	*acc += v;
	return 0;
}

mg_status mg_stats_release_merge(const mg_stats_release *const *files, size_t n,
	int64_t k, int64_t generated, mg_stats_release **out, mg_error *err)
{
	mg_stats_release *nat;
	mg_smap seen[MG_TAB__COUNT];
	int64_t kn = k, kmax = 0;
	size_t f, t, i;
	mg_status st = MG_OK;

	*out = NULL;
	memset(seen, 0, sizeof(seen));
	if (n == 0) {
		return mg_error_set(err, MG_EARG, "no statistics release to merge");
	}
	if (k != 0 && mg_settings_check_k(k, err) != MG_OK) {
		return MG_ESETTINGS;
	}
	for (f = 0; f < n; f++) {
		if (files[f]->k > kmax) {
			kmax = files[f]->k;
		}
	}
	if (kmax > kn) {
		kn = kmax;
	}
	nat = mg_stats_release_new(kn, generated);
	if (nat == NULL) {
		return mg_error_set(err, MG_ENOMEM, "out of memory");
	}
	for (t = 0; t < MG_TAB__COUNT; t++) {
		if (mg_smap_init(&seen[t], 64) != MG_OK) {
			st = mg_error_set(err, MG_ENOMEM, "out of memory");
			goto done;
		}
	}
	/* every group of every file, once */
	for (f = 0; f < n; f++) {
		for (t = 0; t < MG_TAB__COUNT; t++) {
			const mg_stats_tree *tr = &files[f]->tabs[t];
			for (i = 0; i < tr->nnodes; i++) {
				const mg_stats_node *sn = &tr->nodes[i];
				size_t sz = path_key_size(sn->values, sn->depth);
				char *key = mg_arena_alloc(&nat->priv->arena, sz);
				int rc;
				if (key == NULL) {
					st = mg_error_set(err, MG_ENOMEM, "out of memory");
					goto done;
				}
				path_key(sn->values, sn->depth, key);
				rc = mg_smap_put(&seen[t], (mg_str){ key, sz }, 0, NULL);
				if (rc < 0 || (rc == 1 && mg_stats_release_add(nat, (mg_stats_tab)t, sn->values, sn->depth) == NULL)) {
					st = mg_error_set(err, MG_ENOMEM, "out of memory");
					goto done;
				}
			}
		}
	}
	st = mg_stats_release_link(nat, err);
	if (st != MG_OK) {
		goto done;
	}
	/* sums; a figure with a protected part is protected (its partial sum is
	 * kept internally, never written) */
	for (f = 0; f < n; f++) {
		for (t = 0; t < MG_TAB__COUNT; t++) {
			const mg_stats_tree *tr = &files[f]->tabs[t];
			for (i = 0; i < tr->nnodes; i++) {
				const mg_stats_node *sn = &tr->nodes[i];
				uint32_t at = mg_stats_release_find(nat, (mg_stats_tab)t, sn->values, sn->depth);
				mg_stats_node *dn = &nat->tabs[t].nodes[at];
				size_t mm;
				for (mm = 0; mm < MG_M__COUNT; mm++) {
					if (!mg_stats_tab_has((mg_stats_tab)t, (mg_measure)mm)) {
						continue;
					}
					if (sn->hidden[mm]) {
						dn->hidden[mm] = 1;
					} else if (add_checked(&dn->v[mm], sn->v[mm]) != 0) {
						st = mg_error_set(err, MG_EARG, "counts too large to be summed");
						goto done;
					}
				}
			}
		}
	}
	/* a larger national k: figures below it protected too, for readers of the national
	 * tables alone (the files still show what they show); the files carry no people with
	 * or without a record, so the finished participations stand for them */
	if (kn > kmax) {
		for (t = 0; t < MG_TAB__COUNT; t++) {
			mg_stats_tree *tr = &nat->tabs[t];
			for (i = 0; i < tr->nnodes; i++) {
				mg_stats_node *nn = &tr->nodes[i];
				int64_t size = t == MG_TAB_ETAB ? nn->v[MG_M_PARTICIPANTS] : nn->v[MG_M_ENROLMENTS];
				if (!hid(nn) && below(size, kn)) {
					set_hidden(nn);
					nn->sensitive |= MG_STATS_SENSITIVE_GROUP;
				}
				if (!hid(nn) && (below(nn->v[MG_M_FINISHED], kn) || below(nn->v[MG_M_ENROLMENTS] - nn->v[MG_M_FINISHED], kn))) {
					set_hidden(nn);
				}
			}
		}
		st = protect(nat, err);
	} else {
		minutes(&nat->tabs[MG_TAB_PARCOURS]);
	}
done:
	for (t = 0; t < MG_TAB__COUNT; t++) {
		mg_smap_free(&seen[t]);
	}
	if (st != MG_OK) {
		mg_stats_release_free(nat);
		return st;
	}
	*out = nat;
	return MG_OK;
}

/* ----------------------------------------------------------------- emit */

static const mg_atom dim_atoms[MG_DIM__COUNT] = {
	MG_A_academie, MG_A_departement, MG_A_circonscription, MG_A_degre, MG_A_secteur, MG_A_parcours
};
static const mg_atom measure_atoms[MG_M__COUNT] = {
	MG_A_participants, MG_A_enrolments, MG_A_finished, MG_A_credited_minutes
};

static int emit_tree(const mg_stats_release *r, mg_stats_tab t, const mg_emitter *out)
{
	const mg_stats_tree *tr = &r->tabs[t];
	const mg_dim *levels;
	size_t nl = mg_stats_tab_levels(t, &levels), i, d, m, nm = 0;

	for (m = 0; m < MG_M__COUNT; m++) {
		nm += (size_t)mg_stats_tab_has(t, (mg_measure)m);
	}
	(void)nm;
	EMAP(2);
	EKEY(levels);
	ELIST(nl);
	for (d = 0; d < nl; d++) {
		EATOMV(dim_atoms[levels[d]]);
	}
	ELISTEND();
	EKEY(cells);
	ELIST(tr->nnodes);
	for (i = 0; i < tr->nnodes; i++) {
		const mg_stats_node *n = &tr->nodes[i];
		EMAP(1 + nm - (t == MG_TAB_PARCOURS && n->depth == 0));
		EKEY(values);
		EMAP(nl);
		for (d = 0; d < nl; d++) {
			EM(out->key(out->ctx, dim_atoms[levels[d]]));
			if (d < n->depth) {
				ESTR(n->values[d]);
			} else {
				ENULL();
			}
		}
		EMAPEND();
		for (m = 0; m < MG_M__COUNT; m++) {
			if (!mg_stats_tab_has(t, (mg_measure)m) || !mg_stats_node_has(t, n, (mg_measure)m)) {
				continue;
			}
			EM(out->key(out->ctx, measure_atoms[m]));
			if (n->hidden[m]) {
				ENULL();
			} else {
				EINT(n->v[m]);
			}
		}
		EMAPEND();
	}
	ELISTEND();
	EMAPEND();
	return 0;
emit_fail:
	return -1;
}

mg_status mg_stats_release_emit(const mg_stats_release *r, unsigned tabs,
	const mg_emitter *out, mg_error *err)
{
	size_t t, nt = 0;
	static const mg_atom tab_atoms[MG_TAB__COUNT] = { MG_A_etablissements, MG_A_parcours };

	for (t = 0; t < MG_TAB__COUNT; t++) {
		nt += (tabs >> t) & 1u;
	}
	EMAP(4);
	EKEY(version); EINT(2);
	EKEY(k); EINT(r->k);
	EKEY(generated); EINT(r->generated);
	EKEY(tables);
	EMAP(nt);
	for (t = 0; t < MG_TAB__COUNT; t++) {
		if (!((tabs >> t) & 1u)) {
			continue;
		}
		EM(out->key(out->ctx, tab_atoms[t]));
		EM(emit_tree(r, (mg_stats_tab)t, out));
	}
	EMAPEND();
	EMAPEND();
	return MG_OK;
emit_fail:
	if (err && err->code == MG_EEMIT) {
		return MG_EEMIT;
	}
	return mg_error_set(err, MG_EEMIT, "the statistics could not be written out");
}
