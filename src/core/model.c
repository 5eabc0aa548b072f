/*
 * Builds the dense model from a rowset: who is who in each parcours (active
 * enrolment + role at course context), participations (current participants
 * and training records), Moodle's tracked activities in course order and the
 * completion state matrix of each parcours, marks, schools,
 * circonscriptions and inspectors.
 *
 * The build never fails on data values (docs/rules.md, "Data Moodle
 * tolerates"): a row Moodle would not use is skipped, a value Moodle would
 * show differently is normalised, and each is recorded as an anomaly with its
 * table, row id, field and problem. A row skipped because another row was
 * (an enrolment of a skipped enrol instance...) is skipped silently: the
 * anomaly names the cause once.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
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
	s->enablecompletion = 1;
	s->installed_modules_given = 0;
	s->ninstalled_modules = 0;
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
	if (s->ninstalled_modules > MG_MAX_MODULES) {
		return mg_error_set(err, MG_ESETTINGS, "installed_modules names more than %d modules", MG_MAX_MODULES);
	}
	return MG_OK;
}

/* ------------------------------------------------------------- helpers */

#define ROWS(rs, tid, type) ((const type *)mg_rowset_get((rs), (tid), 0))
#define COUNT(rs, tid) mg_rowset_count((rs), (tid))
#define TNAME(tid) (mg_tables[tid].name)
/* Pair keys of (index, index) for the member map. */
#define PAIR(a, b) ((int64_t)(a) * ((int64_t)UINT32_MAX + 1) + (int64_t)(b))

typedef struct build {
	const mg_rowset *rs;
	mg_model *m;
	mg_error *err;
	bool oom;                  /* an allocation failed; the step reports it */
	mg_imap idx[MG_T__COUNT];  /* id -> row index (the first row with that id) */
	uint8_t *dead[MG_T__COUNT];/* per row: skipped (duplicate, dangling...) */
	mg_imap member;            /* (course, user) -> index into members */
	mg_vec members;            /* struct member */
	uint8_t *role_kind;        /* per role row */
	uint32_t *cm_act;          /* per course_modules row: activity position in its course, or MG_NONE */
	uint32_t *cm_course;       /* per course_modules row: course index, or MG_NONE */
	uint32_t *ctx_course;      /* per context row: course index of a live course context, or MG_NONE */
} build;

typedef struct member {
	uint32_t course, user;
	uint8_t enrolled;          /* an active enrolment (and an active user) */
	uint8_t role;              /* highest mg_role_kind */
	uint32_t mark;             /* index into marks, MG_NONE */
	uint32_t part;             /* index into parts once placed, MG_NONE */
} member;

static mg_status oom(build *b)
{
	return mg_error_set(b->err, MG_ENOMEM, "out of memory while building the model");
}

/* The id column of row i of table t (every row struct starts with key, id). */
static int64_t row_id(const build *b, mg_table_id t, size_t i)
{
	const int64_t *row = mg_rowset_get(b->rs, t, i);

	return row[1];
}

static bool is_dead(const build *b, mg_table_id t, size_t i)
{
	return b->dead[t] != NULL && b->dead[t][i] != 0;
}

static void kill(build *b, mg_table_id t, size_t i)
{
	if (b->dead[t]) {
		b->dead[t][i] = 1;
	}
}

/* Records an anomaly: counted always, kept in detail up to MG_ANOMALY_KEEP. */
static void anomaly(build *b, mg_table_id t, int64_t id, const char *field, mg_problem p,
	const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 6, 7)))
#endif
	;

static void anomaly(build *b, mg_table_id t, int64_t id, const char *field, mg_problem p,
	const char *fmt, ...)
{
	mg_model *m = b->m;
	size_t i;
	mg_anomaly_count *cnt = NULL;

	m->nanomalies++;
	for (i = 0; i < m->anomaly_counts.len; i++) {
		mg_anomaly_count *c = &MG_VEC_AT(&m->anomaly_counts, mg_anomaly_count, i);
		if (c->table == t && c->problem == p && strcmp(c->field, field) == 0) {
			cnt = c;
			break;
		}
	}
	if (!cnt) {
		cnt = mg_vec_push(&m->anomaly_counts);
		if (!cnt) {
			b->oom = true;
			return;
		}
		cnt->table = t;
		cnt->field = field;
		cnt->problem = p;
	}
	cnt->count++;
	if (m->anomalies.len < MG_ANOMALY_KEEP) {
		char buf[400];
		va_list ap;
		mg_anomaly *a;
		char *msg;

		va_start(ap, fmt);
		vsnprintf(buf, sizeof(buf), fmt, ap);
		va_end(ap);
		msg = mg_arena_strndup(&m->arena, buf, strlen(buf));
		a = msg ? mg_vec_push(&m->anomalies) : NULL;
		if (!a) {
			b->oom = true;
			return;
		}
		a->table = t;
		a->id = id;
		a->field = field;
		a->problem = p;
		a->message = msg;
	}
}

/* Up to 40 bytes of a value for a message, made printable. */
typedef struct snippet {
	char text[48];
} snippet;

static snippet snip(mg_str s)
{
	snippet r;
	size_t i, o = 0;

	for (i = 0; i < s.len && o < 40; i++) {
		unsigned char c = (unsigned char)s.ptr[i];
		r.text[o++] = (c < 0x20 || c == 0x7F) ? '?' : (char)c;
	}
	if (i < s.len) {
		r.text[o++] = '.';
		r.text[o++] = '.';
		r.text[o++] = '.';
	}
	r.text[o] = '\0';
	return r;
}

/* Whether rows of other tables refer to rows of `t` by id. */
static bool referenced(mg_table_id t)
{
	switch (t) {
	case MG_T_COURSE:
	case MG_T_MODULES:
	case MG_T_COURSE_SECTIONS:
	case MG_T_COURSE_MODULES:
	case MG_T_ENROL:
	case MG_T_ROLE:
	case MG_T_CONTEXT:
	case MG_T_USER:
	case MG_T_USER_INFO_FIELD:
	case MG_T_CUSTOMFIELD_FIELD:
		return true;
	default:
		return false;
	}
}

/* Indexes a table's rows by `id`; a second row with an id already seen is
 * dead (an anomaly). A table no row refers to, from a store that promises
 * unique ids, needs neither. */
static mg_status index_ids(build *b, mg_table_id t)
{
	size_t i, n = COUNT(b->rs, t);

	if (!referenced(t) && mg_rowset_unique_ids(b->rs)) {
		return MG_OK;
	}

	b->dead[t] = mg_calloc(n ? n : 1, 1);
	if (!b->dead[t]) {
		return oom(b);
	}
	/* Moodle's ids are auto-increment: when a table's ids fill most of
	 * their span, they index an array (no hashing, a quarter of the
	 * memory); else a hash map. */
	{
		int64_t lo = 0, hi = 0;
		for (i = 0; i < n; i++) {
			int64_t id = row_id(b, t, i);
			lo = i == 0 || id < lo ? id : lo;
			hi = i == 0 || id > hi ? id : hi;
		}
		if (n == 0 || (uint64_t)hi - (uint64_t)lo >= 2 * (uint64_t)n + 64
			|| mg_imap_init_dense(&b->idx[t], lo, hi) != MG_OK) {
			if (mg_imap_init(&b->idx[t], n) != MG_OK) {
				return oom(b);
			}
		}
	}
	for (i = 0; i < n; i++) {
		int64_t id = row_id(b, t, i);
		uint32_t prev;
		int r;

		if (id < 1) {
			/* Moodle's ids start at 1 in every table (auto-increment, sequences);
			 * the exchange files' ids too (attestations-1.xsd). */
			anomaly(b, t, id, "id", MG_P_INVALID_VALUE,
				"%lld is not a Moodle id (ids start at 1): the row is ignored", (long long)id);
			kill(b, t, i);
			continue;
		}
		r = mg_imap_put(&b->idx[t], id, (uint32_t)i, &prev);
		if (r < 0) {
			return oom(b);
		}
		if (r == 0) {
			anomaly(b, t, id, "id", MG_P_DUPLICATE_ID,
				"a second row with id %lld: it is ignored, the first one is used", (long long)id);
			kill(b, t, i);
		}
	}
	return b->oom ? oom(b) : MG_OK;
}

/* Resolves a reference of row i of table `from` to table `to`. True when it
 * names a live row (*out its index). A reference to a missing row is an
 * anomaly; a reference to a row skipped for its own reason is not (that row
 * has its anomaly). */
static bool ref(build *b, mg_table_id from, size_t i, const char *field, mg_table_id to, int64_t id,
	const char *consequence, uint32_t *out)
{
	if (!mg_imap_get(&b->idx[to], id, out)) {
		anomaly(b, from, row_id(b, from, i), field, MG_P_MISSING_REFERENCE, "%lld is no %s.id: %s",
			(long long)id, TNAME(to), consequence);
		return false;
	}
	return !is_dead(b, to, *out);
}

/* Prepares `seen` for unique_pair() over n rows of a key Moodle's schema
 * declares unique. A rowset whose store reads tables with those unique
 * indexes (mg_rowset_set_unique_keys) cannot hold a duplicate: the map is
 * left empty and unique_pair() only checks the range (at the scale of a whole
 * site, the map of 300,000 enrolments was a tenth of the build's memory). */
static mg_status seen_init(build *b, mg_imap *seen, size_t n)
{
	if (mg_rowset_unique_keys(b->rs)) {
		memset(seen, 0, sizeof(*seen));
		return MG_OK;
	}
	return mg_imap_init(seen, n);
}

/* Checks that (x, y) was not seen yet in `seen` (a unique key of Moodle's
 * schema). False (and an anomaly) for a duplicate; the first row wins. A map
 * left empty by seen_init() checks the range only. */
static bool unique_pair(build *b, mg_imap *seen, mg_table_id t, size_t i, const char *what,
	int64_t x, int64_t y)
{
	uint32_t prev;
	int r;
	int64_t k;

	if (x < 0 || y < 0 || x > INT32_MAX || y > INT32_MAX) {
		anomaly(b, t, row_id(b, t, i), what, MG_P_INVALID_VALUE,
			"(%lld, %lld) is out of the range the engine reads (0 to 2^31 - 1): the row is ignored",
			(long long)x, (long long)y);
		return false;
	}
	if (!seen->cap) {
		return true;
	}
	k = x * ((int64_t)INT32_MAX + 1) + y;
	r = mg_imap_put(seen, k, (uint32_t)i, &prev);
	if (r < 0) {
		b->oom = true;
		return false;
	}
	if (r == 0) {
		anomaly(b, t, row_id(b, t, i), what, MG_P_DUPLICATE_KEY,
			"(%s) = (%lld, %lld) is already the key of row id %lld, which is used: this row is ignored",
			what, (long long)x, (long long)y, (long long)row_id(b, t, prev));
		return false;
	}
	return true;
}

/* Normalised text of a field (see mg_text_normalise); an anomaly when it
 * changed. */
static mg_str text(build *b, mg_table_id t, size_t i, const char *field, mg_str s)
{
	mg_str out;
	unsigned what = mg_text_normalise(&b->m->arena, s, &out);

	if (what & MG_TEXT_NOMEM) {
		b->oom = true;
		return MG_STR_NULL;
	}
	if (what) {
		char parts[160];
		size_t n = 0;
		static const struct { unsigned flag; const char *text; } says[] = {
			{ MG_TEXT_INVALID_UTF8, "invalid UTF-8 removed" },
			{ MG_TEXT_NUL, "NUL removed" },
			{ MG_TEXT_CONTROL, "control characters replaced by spaces" },
			{ MG_TEXT_NONCHARACTER, "non-characters U+FFFE/U+FFFF removed" },
		};
		size_t k;

		parts[0] = '\0';
		for (k = 0; k < sizeof(says) / sizeof(says[0]); k++) {
			if (what & says[k].flag) {
				n += (size_t)snprintf(parts + n, sizeof(parts) - n, "%s%s", n ? ", " : "", says[k].text);
			}
		}
		anomaly(b, t, row_id(b, t, i), field, MG_P_INVALID_TEXT, "%s: shown as \"%s\"", parts, snip(out).text);
	}
	return out;
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

/* A forecast duration read from text as PHP's is_numeric() reads a number
 * (white space around, sign, digits, a decimal point, an exponent), rounded
 * half away from zero to whole minutes as the plugin's marks do. */
typedef enum dur_result { DUR_OK, DUR_EMPTY, DUR_NOT_NUMBER, DUR_NEGATIVE, DUR_TOO_BIG } dur_result;

static dur_result parse_duration(mg_str s, int64_t *out, bool *rounded)
{
	char digits[48];
	size_t i = 0, nd = 0;
	long intlen = 0;        /* digits before the decimal point (significant) */
	bool neg = false, any = false, dot = false, nonzero = false;
	long exp10 = 0;
	int64_t v = 0;
	long k;

	*rounded = false;
	while (i < s.len && (s.ptr[i] == ' ' || s.ptr[i] == '\t' || s.ptr[i] == '\n' || s.ptr[i] == '\r'
			|| s.ptr[i] == '\v' || s.ptr[i] == '\f')) {
		i++;
	}
	if (i == s.len) {
		return DUR_EMPTY;
	}
	if (s.ptr[i] == '-' || s.ptr[i] == '+') {
		neg = s.ptr[i] == '-';
		i++;
	}
	for (; i < s.len; i++) {
		char c = s.ptr[i];
		if (c >= '0' && c <= '9') {
			any = true;
			if (nd == 0 && c == '0') {
				if (dot) {
					intlen--;   /* 0.05: leading zeros after the point shift the scale */
				}
				continue;
			}
			if (nd < sizeof(digits)) {
				digits[nd++] = c;
			} else if (c != '0') {
				nonzero = true; /* beyond what matters: only says "not whole" */
			}
			if (!dot) {
				intlen++;
			}
		} else if (c == '.' && !dot) {
			dot = true;
		} else {
			break;
		}
	}
	if (!any) {
		return DUR_NOT_NUMBER;
	}
	if (i < s.len && (s.ptr[i] == 'e' || s.ptr[i] == 'E')) {
		bool eneg = false, edig = false;
		i++;
		if (i < s.len && (s.ptr[i] == '-' || s.ptr[i] == '+')) {
			eneg = s.ptr[i] == '-';
			i++;
		}
		for (; i < s.len && s.ptr[i] >= '0' && s.ptr[i] <= '9'; i++) {
			edig = true;
			if (exp10 < 100000) {
				exp10 = exp10 * 10 + (s.ptr[i] - '0');
			}
		}
		if (!edig) {
			return DUR_NOT_NUMBER;
		}
		if (eneg) {
			exp10 = -exp10;
		}
	}
	while (i < s.len && (s.ptr[i] == ' ' || s.ptr[i] == '\t' || s.ptr[i] == '\n' || s.ptr[i] == '\r'
			|| s.ptr[i] == '\v' || s.ptr[i] == '\f')) {
		i++;
	}
	if (i != s.len) {
		return DUR_NOT_NUMBER;
	}
	if (nd == 0) {
		*out = 0;       /* zero, whatever its sign or scale */
		return DUR_OK;
	}
	if (neg) {
		return DUR_NEGATIVE;
	}
	intlen += exp10;
	if (intlen > 10) {
		return DUR_TOO_BIG;
	}
	for (k = 0; k < intlen; k++) {
		v = v * 10 + ((size_t)k < nd ? digits[k] - '0' : 0);
	}
	/* the fraction: digits from position intlen on (all of them when intlen <= 0) */
	for (k = intlen < 0 ? 0 : intlen; (size_t)k < nd; k++) {
		if (digits[k] != '0') {
			*rounded = true;
		}
	}
	*rounded = *rounded || nonzero;
	if (intlen >= 0 && (size_t)intlen < nd && digits[intlen] >= '5') {
		v++;
	}
	if (v > INT32_MAX) {
		return DUR_TOO_BIG;
	}
	*out = v;
	return DUR_OK;
}

/* ASCII upper case of the trimmed string, in the arena (codes and UAIs are
 * matched this way, as the mysql source's collation does). */
static mg_str upper_trim(build *b, mg_str s)
{
	char *p;
	size_t i;

	s = mg_str_trim(s);
	if (s.len == 0) {
		return MG_STR_NULL;
	}
	p = mg_arena_strndup(&b->m->arena, s.ptr, s.len);
	if (!p) {
		b->oom = true;
		return MG_STR_NULL;
	}
	for (i = 0; i < s.len; i++) {
		if (p[i] >= 'a' && p[i] <= 'z') {
			p[i] = (char)(p[i] - 32);
		}
	}
	return (mg_str){ p, s.len };
}

/* Whether module `name` has its code on the site (setting installed_modules). */
static bool module_installed(const mg_settings *s, mg_str name)
{
	return !s->installed_modules_given || role_in(name, s->installed_modules, s->ninstalled_modules);
}

/* ------------------------------------------------------ sorting people */

/* qsort has no context argument in C11 */
static _Thread_local const mg_str *sort_fold; /* per entry: its folded form */
static _Thread_local const mg_str *sort_raw;  /* per entry: the string itself */

/* Distinct strings by their folded form, then bytewise (mg_name_cmp). */
static int cmp_distinct_folded(const void *pa, const void *pb)
{
	uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
	int r = mg_str_cmp(sort_fold[a], sort_fold[b]);

	if (!r) {
		r = mg_str_cmp(sort_raw[a], sort_raw[b]);
	}
	return r < 0 ? -1 : (r > 0 ? 1 : 0);
}

/* For each of n records, the rank of its name (the mg_str at `base` + i *
 * `stride`) among the distinct names in mg_name_cmp order: equal names share
 * a rank. Names repeat (a few hundred last names for tens of thousands of
 * people): each distinct name is folded once and the distinct names sorted,
 * instead of comparing the names of every pair a sort visits. */
static mg_status name_ranks(build *b, const void *base, size_t stride, size_t n, uint32_t *rank)
{
	size_t u, d, nd = 0, bytes = 0;
	mg_smap seen;
	mg_str *raw = mg_malloc((n ? n : 1) * sizeof(mg_str));
	mg_str *fold = NULL;
	uint32_t *order = NULL, *drank = NULL;
	char *buf = NULL, *p;
	mg_status st = MG_OK;

	if (!raw || mg_smap_init(&seen, 64) != MG_OK) {
		mg_free(raw);
		return oom(b);
	}
	for (u = 0; u < n && st == MG_OK; u++) {
		mg_str name = *(const mg_str *)(const void *)((const char *)base + u * stride);
		uint32_t existing;
		int r = mg_smap_put(&seen, name, (uint32_t)nd, &existing);
		if (r < 0) {
			st = oom(b);
		} else if (r == 1) {
			raw[nd] = name;
			bytes += name.len;
			rank[u] = (uint32_t)nd++;
		} else {
			rank[u] = existing;
		}
	}
	mg_smap_free(&seen);
	if (st == MG_OK) {
		fold = mg_malloc((nd ? nd : 1) * sizeof(mg_str));
		order = mg_malloc((nd ? nd : 1) * sizeof(uint32_t));
		drank = mg_malloc((nd ? nd : 1) * sizeof(uint32_t));
		buf = mg_malloc(bytes ? bytes : 1);
		if (!fold || !order || !drank || !buf) {
			st = oom(b);
		}
	}
	if (st == MG_OK) {
		p = buf;
		for (d = 0; d < nd; d++) {
			fold[d] = mg_name_fold(raw[d], p);
			p += raw[d].len;
			order[d] = (uint32_t)d;
		}
		sort_fold = fold;
		sort_raw = raw;
		qsort(order, nd, sizeof(uint32_t), cmp_distinct_folded);
		sort_fold = NULL;
		sort_raw = NULL;
		for (d = 0; d < nd; d++) {
			drank[order[d]] = (uint32_t)d;
		}
		for (u = 0; u < n; u++) {
			rank[u] = drank[rank[u]];
		}
	}
	mg_free(raw);
	mg_free(fold);
	mg_free(order);
	mg_free(drank);
	mg_free(buf);
	return st;
}

/* A person's (or course's) place in name order: the ranks of his names
 * (last name's, then first name's; a course's full name's), then his id. */
typedef struct name_key {
	uint64_t names;
	int64_t id;
	uint32_t index; /* the user's (course's) index */
} name_key;

static int cmp_name_key(const void *pa, const void *pb)
{
	const name_key *a = pa, *b = pb;

	if (a->names != b->names) {
		return a->names < b->names ? -1 : 1;
	}
	return a->id < b->id ? -1 : (a->id > b->id ? 1 : 0);
}

/* Every user index in name order (last name, first name as mg_name_cmp
 * compares them, then id), computed once per build, and m->user_rank:
 * sorting each parcours' lists by comparing names took a quarter of a
 * whole-site build. *out (nusers entries) is the caller's to mg_free. */
static mg_status rank_users(build *b, uint32_t **out)
{
	mg_model *m = b->m;
	size_t u, n = m->nusers;
	uint32_t *order = mg_malloc((n ? n : 1) * sizeof(uint32_t));
	uint32_t *last = mg_malloc((n ? n : 1) * sizeof(uint32_t));
	uint32_t *firstr = mg_malloc((n ? n : 1) * sizeof(uint32_t));
	name_key *keys = mg_malloc((n ? n : 1) * sizeof(name_key));

	m->user_rank = mg_arena_calloc(&m->arena, n ? n : 1, sizeof(uint32_t));
	if (!order || !last || !firstr || !keys || !m->user_rank
		|| (n && name_ranks(b, &m->users[0].lastname, sizeof(mg_user), n, last) != MG_OK)
		|| (n && name_ranks(b, &m->users[0].firstname, sizeof(mg_user), n, firstr) != MG_OK)) {
		mg_free(order);
		mg_free(last);
		mg_free(firstr);
		mg_free(keys);
		return oom(b);
	}
	for (u = 0; u < n; u++) {
		keys[u].names = ((uint64_t)last[u] << 32) | firstr[u];
		keys[u].id = m->users[u].id;
		keys[u].index = (uint32_t)u;
	}
	qsort(keys, n, sizeof(name_key), cmp_name_key);
	for (u = 0; u < n; u++) {
		order[u] = keys[u].index;
		m->user_rank[keys[u].index] = (uint32_t)u;
	}
	mg_free(last);
	mg_free(firstr);
	mg_free(keys);
	*out = order;
	return MG_OK;
}

/* m->course_rank: courses by full name (mg_name_cmp), then id, each distinct
 * name folded once (the views used to sort their courses with mg_name_cmp,
 * which folds on every comparison). */
static mg_status rank_courses(build *b)
{
	mg_model *m = b->m;
	size_t c, n = m->ncourses;
	uint32_t *names = mg_malloc((n ? n : 1) * sizeof(uint32_t));
	name_key *keys = mg_malloc((n ? n : 1) * sizeof(name_key));

	m->course_rank = mg_arena_calloc(&m->arena, n ? n : 1, sizeof(uint32_t));
	if (!names || !keys || !m->course_rank
		|| (n && name_ranks(b, &m->courses[0].fullname, sizeof(mg_course), n, names) != MG_OK)) {
		mg_free(names);
		mg_free(keys);
		return oom(b);
	}
	for (c = 0; c < n; c++) {
		keys[c].names = names[c];
		keys[c].id = m->courses[c].id;
		keys[c].index = (uint32_t)c;
	}
	qsort(keys, n, sizeof(name_key), cmp_name_key);
	for (c = 0; c < n; c++) {
		m->course_rank[keys[c].index] = (uint32_t)c;
	}
	mg_free(names);
	mg_free(keys);
	return MG_OK;
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
		mg_user *usr = &m->users[i];
		usr->id = u[i].id;
		usr->school = MG_NONE;
		usr->firstname = usr->lastname = usr->idnumber = MG_STR_NULL;
		if (is_dead(b, MG_T_USER, i)) {
			continue; /* a duplicate id: never referenced, never listed */
		}
		usr->firstname = text(b, MG_T_USER, i, "firstname", u[i].firstname);
		usr->lastname = text(b, MG_T_USER, i, "lastname", u[i].lastname);
		usr->idnumber = text(b, MG_T_USER, i, "idnumber", u[i].idnumber);
		usr->deleted = u[i].deleted != 0;
		usr->active = u[i].deleted == 0 && u[i].suspended == 0;
	}
	m->nusers = nu;
	for (i = 0; i < nc; i++) {
		mg_course *co = &m->courses[i];
		co->id = c[i].id;
		co->duration = MG_NULL_INT;
		co->shortname = co->fullname = MG_STR_NULL;
		if (is_dead(b, MG_T_COURSE, i)) {
			continue;
		}
		co->shortname = text(b, MG_T_COURSE, i, "shortname", c[i].shortname);
		co->fullname = text(b, MG_T_COURSE, i, "fullname", c[i].fullname);
		co->visible = c[i].visible != 0;
		/* completion_info::is_enabled(): the site's setting, then the course's */
		co->completion = m->settings.enablecompletion != 0 && c[i].enablecompletion != 0;
	}
	m->ncourses = nc;
	return b->oom ? oom(b) : MG_OK;
}

static mg_status build_circs_schools(build *b)
{
	mg_model *m = b->m;
	const mg_rowset *rs = b->rs;
	size_t i, nc = COUNT(rs, MG_T_CIRC), ns = COUNT(rs, MG_T_SCHOOL);
	const mg_row_circ *circ = ROWS(rs, MG_T_CIRC, mg_row_circ);
	const mg_row_school *sch = ROWS(rs, MG_T_SCHOOL, mg_row_school);
	mg_smap by_uai;
	mg_str *folded;  /* per circ row: its code, upper-cased and trimmed */

	m->circs = mg_arena_calloc(&m->arena, nc ? nc : 1, sizeof(mg_circ));
	m->schools = mg_arena_calloc(&m->arena, ns ? ns : 1, sizeof(mg_school));
	folded = mg_arena_calloc(&m->arena, nc ? nc : 1, sizeof(mg_str));
	if (!m->circs || !m->schools || !folded || mg_smap_init(&m->circ_by_code, nc) != MG_OK) {
		return oom(b);
	}
	/* circonscriptions: matched by code, case and spaces ignored */
	for (i = 0; i < nc; i++) {
		mg_circ *c = &m->circs[i];
		uint32_t prev;
		int r;

		c->code = c->name = c->departement = c->academie = MG_STR_NULL;
		if (is_dead(b, MG_T_CIRC, i)) {
			continue;
		}
		c->code = mg_str_trim(text(b, MG_T_CIRC, i, "code", circ[i].code));
		c->name = text(b, MG_T_CIRC, i, "name", circ[i].name);
		c->departement = text(b, MG_T_CIRC, i, "departement", circ[i].departement);
		c->academie = text(b, MG_T_CIRC, i, "academie", circ[i].academie);
		folded[i] = upper_trim(b, c->code);
		if (folded[i].len == 0) {
			anomaly(b, MG_T_CIRC, circ[i].id, "code", MG_P_EMPTY_VALUE,
				"an empty circonscription code: the circonscription is ignored");
			kill(b, MG_T_CIRC, i);
			continue;
		}
		r = mg_smap_put(&m->circ_by_code, folded[i], (uint32_t)i, &prev);
		if (r < 0) {
			return oom(b);
		}
		if (r == 0) {
			anomaly(b, MG_T_CIRC, circ[i].id, "code", MG_P_DUPLICATE_KEY,
				"code \"%s\" is already the code of row id %lld (case and spaces ignored), which is used: this row is ignored",
				snip(c->code).text, (long long)circ[prev].id);
			kill(b, MG_T_CIRC, i);
		}
	}
	m->ncircs = nc;

	/* schools: UAI unique, case and spaces ignored */
	if (mg_smap_init(&by_uai, ns) != MG_OK) {
		return oom(b);
	}
	for (i = 0; i < ns; i++) {
		mg_school *s = &m->schools[i];
		uint32_t prev, ci;
		int r;
		mg_str code, want;

		s->circ = MG_NONE;
		s->uai = s->name = s->city = s->departement = s->academie = s->degre = s->secteur = MG_STR_NULL;
		if (is_dead(b, MG_T_SCHOOL, i)) {
			continue;
		}
		s->uai = upper_trim(b, text(b, MG_T_SCHOOL, i, "uai", sch[i].uai));
		s->name = text(b, MG_T_SCHOOL, i, "name", sch[i].name);
		s->city = text(b, MG_T_SCHOOL, i, "city", sch[i].city);
		s->departement = text(b, MG_T_SCHOOL, i, "departement", sch[i].departement);
		s->academie = text(b, MG_T_SCHOOL, i, "academie", sch[i].academie);
		s->degre = mg_str_trim(text(b, MG_T_SCHOOL, i, "degre", sch[i].degre));
		s->secteur = mg_str_trim(text(b, MG_T_SCHOOL, i, "secteur", sch[i].secteur));
		if (s->uai.len == 0) {
			anomaly(b, MG_T_SCHOOL, sch[i].id, "uai", MG_P_EMPTY_VALUE, "an empty UAI: the school is ignored");
			kill(b, MG_T_SCHOOL, i);
			s->ignored = true;
			continue;
		}
		s->uai_unfit = !mg_uai_fits(s->uai);
		if (s->uai_unfit) {
			anomaly(b, MG_T_SCHOOL, sch[i].id, "uai", MG_P_INVALID_VALUE,
				"\"%s\" is not a code the attestation file can carry (letters, digits, '-', '_' and '.', "
				"at most %d): kept for the pages, left out of the attestation file", snip(s->uai).text,
				MG_UAI_MAX);
		}
		if (!(s->degre.len == 0 || mg_str_eq_c(s->degre, "1D") || mg_str_eq_c(s->degre, "2D"))) {
			anomaly(b, MG_T_SCHOOL, sch[i].id, "degre", MG_P_INVALID_VALUE,
				"\"%s\" is not 1D, 2D or empty: read as not recorded", snip(s->degre).text);
			s->degre = MG_STR_NULL;
		}
		if (!(s->secteur.len == 0 || mg_str_eq_c(s->secteur, "public") || mg_str_eq_c(s->secteur, "prive"))) {
			anomaly(b, MG_T_SCHOOL, sch[i].id, "secteur", MG_P_INVALID_VALUE,
				"\"%s\" is not public, prive or empty: read as not recorded", snip(s->secteur).text);
			s->secteur = MG_STR_NULL;
		}
		code = mg_str_trim(text(b, MG_T_SCHOOL, i, "circonscription", sch[i].circonscription));
		want = upper_trim(b, code);
		if (!mg_smap_get(&m->circ_by_code, want, &ci)) {
			anomaly(b, MG_T_SCHOOL, sch[i].id, "circonscription", MG_P_MISSING_REFERENCE,
				"\"%s\" is no local_magistere_circ.code: the school belongs to no circonscription",
				snip(code).text);
		} else {
			s->circ = ci;
			if (!mg_str_eq(code, m->circs[ci].code)) {
				anomaly(b, MG_T_SCHOOL, sch[i].id, "circonscription", MG_P_CASE_MISMATCH,
					"\"%s\" is read as circonscription \"%s\" (case and spaces ignored)",
					snip(code).text, snip(m->circs[ci].code).text);
			}
		}
		r = mg_smap_put(&by_uai, s->uai, (uint32_t)i, &prev);
		if (r < 0) {
			mg_smap_free(&by_uai);
			return oom(b);
		}
		if (r == 0) {
			anomaly(b, MG_T_SCHOOL, sch[i].id, "uai", MG_P_DUPLICATE_KEY,
				"UAI \"%s\" is already the UAI of row id %lld (case and spaces ignored), which is used: this row is ignored",
				snip(s->uai).text, (long long)sch[prev].id);
			kill(b, MG_T_SCHOOL, i);
			s->ignored = true;
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

		/* the field: the lowest id among those with the configured shortname */
		for (i = 0; i < nf; i++) {
			if (!is_dead(b, MG_T_USER_INFO_FIELD, i) && mg_str_eq(uif[i].shortname, m->settings.school_field)
				&& (fieldid == MG_NULL_INT || uif[i].id < fieldid)) {
				fieldid = uif[i].id;
			}
		}
		for (i = 0; i < nf; i++) {
			if (!is_dead(b, MG_T_USER_INFO_FIELD, i) && mg_str_eq(uif[i].shortname, m->settings.school_field)
				&& uif[i].id != fieldid) {
				anomaly(b, MG_T_USER_INFO_FIELD, uif[i].id, "shortname", MG_P_AMBIGUOUS_FIELD,
					"a second profile field named \"%s\": the school is read from field id %lld only",
					snip(uif[i].shortname).text, (long long)fieldid);
			}
		}
		if (seen_init(b, &seen, nd) != MG_OK) {
			mg_smap_free(&by_uai);
			return oom(b);
		}
		for (i = 0; i < nd; i++) {
			uint32_t ui, fi, si;
			mg_str v;

			if (is_dead(b, MG_T_USER_INFO_DATA, i)
				|| !ref(b, MG_T_USER_INFO_DATA, i, "userid", MG_T_USER, uid[i].userid, "the value is ignored", &ui)
				|| !ref(b, MG_T_USER_INFO_DATA, i, "fieldid", MG_T_USER_INFO_FIELD, uid[i].fieldid, "the value is ignored", &fi)
				|| !unique_pair(b, &seen, MG_T_USER_INFO_DATA, i, "userid, fieldid", uid[i].userid, uid[i].fieldid)) {
				continue;
			}
			if (uid[i].fieldid != fieldid) {
				continue;
			}
			v = upper_trim(b, uid[i].data);
			m->users[ui].school = mg_smap_get(&by_uai, v, &si) ? si : MG_NONE;
		}
		mg_imap_free(&seen);
		mg_smap_free(&by_uai);
		if (b->oom) {
			return oom(b);
		}
	}

	/* inspectors */
	{
		size_t n = COUNT(rs, MG_T_INSPECTOR), k = 0;
		const mg_row_inspector *ins = ROWS(rs, MG_T_INSPECTOR, mg_row_inspector);
		mg_imap seen;

		m->inspectors = mg_arena_calloc(&m->arena, n ? n : 1, sizeof(mg_inspector));
		if (!m->inspectors || mg_imap_init(&seen, n) != MG_OK) {
			return oom(b);
		}
		for (i = 0; i < n; i++) {
			mg_str code = mg_str_trim(ins[i].circonscription);
			uint32_t ui, ci;

			if (is_dead(b, MG_T_INSPECTOR, i)
				|| !ref(b, MG_T_INSPECTOR, i, "userid", MG_T_USER, ins[i].userid, "the row is ignored", &ui)) {
				continue;
			}
			if (!mg_smap_get(&m->circ_by_code, upper_trim(b, code), &ci)) {
				anomaly(b, MG_T_INSPECTOR, ins[i].id, "circonscription", MG_P_MISSING_REFERENCE,
					"\"%s\" is no local_magistere_circ.code: the row is ignored", snip(code).text);
				continue;
			}
			if (!unique_pair(b, &seen, MG_T_INSPECTOR, i, "userid, circonscription", ins[i].userid, ci)) {
				continue;
			}
			if (!mg_str_eq(code, m->circs[ci].code)) {
				anomaly(b, MG_T_INSPECTOR, ins[i].id, "circonscription", MG_P_CASE_MISMATCH,
					"\"%s\" is read as circonscription \"%s\" (case and spaces ignored)",
					snip(code).text, snip(m->circs[ci].code).text);
			}
			m->inspectors[k].user = ui;
			m->inspectors[k].circ = ci;
			k++;
		}
		mg_imap_free(&seen);
		m->ninspectors = k;
	}
	return b->oom ? oom(b) : MG_OK;
}

static mg_status build_durations(build *b)
{
	mg_model *m = b->m;
	const mg_rowset *rs = b->rs;
	size_t i, nf = COUNT(rs, MG_T_CUSTOMFIELD_FIELD), nd = COUNT(rs, MG_T_CUSTOMFIELD_DATA);
	const mg_row_customfield_field *cff = ROWS(rs, MG_T_CUSTOMFIELD_FIELD, mg_row_customfield_field);
	const mg_row_customfield_data *cfd = ROWS(rs, MG_T_CUSTOMFIELD_DATA, mg_row_customfield_data);
	int64_t fieldid = MG_NULL_INT;
	mg_imap seen;

	for (i = 0; i < nf; i++) {
		if (!is_dead(b, MG_T_CUSTOMFIELD_FIELD, i) && mg_str_eq(cff[i].shortname, m->settings.duration_field)
			&& (fieldid == MG_NULL_INT || cff[i].id < fieldid)) {
			fieldid = cff[i].id;
		}
	}
	for (i = 0; i < nf; i++) {
		if (!is_dead(b, MG_T_CUSTOMFIELD_FIELD, i) && mg_str_eq(cff[i].shortname, m->settings.duration_field)
			&& cff[i].id != fieldid) {
			anomaly(b, MG_T_CUSTOMFIELD_FIELD, cff[i].id, "shortname", MG_P_AMBIGUOUS_FIELD,
				"a second custom field named \"%s\": the duration is read from field id %lld only",
				snip(cff[i].shortname).text, (long long)fieldid);
		}
	}
	if (seen_init(b, &seen, nd) != MG_OK) {
		return oom(b);
	}
	for (i = 0; i < nd; i++) {
		uint32_t fi, ci;
		int64_t minutes = 0;
		bool rounded = false;
		dur_result r;

		if (is_dead(b, MG_T_CUSTOMFIELD_DATA, i)
			|| !ref(b, MG_T_CUSTOMFIELD_DATA, i, "fieldid", MG_T_CUSTOMFIELD_FIELD, cfd[i].fieldid, "the value is ignored", &fi)
			|| !unique_pair(b, &seen, MG_T_CUSTOMFIELD_DATA, i, "fieldid, instanceid", cfd[i].fieldid, cfd[i].instanceid)) {
			continue;
		}
		if (cfd[i].fieldid != fieldid
			|| !ref(b, MG_T_CUSTOMFIELD_DATA, i, "instanceid", MG_T_COURSE, cfd[i].instanceid, "the value is ignored", &ci)) {
			continue;
		}
		if (cfd[i].has_decvalue) {
			double d = cfd[i].decvalue;
			if (!isfinite(d) || d > (double)INT32_MAX) {
				r = DUR_TOO_BIG;
			} else if (d < 0 && round(d) != 0) {
				r = DUR_NEGATIVE;
			} else {
				minutes = (int64_t)round(d);
				rounded = d != floor(d);
				r = DUR_OK;
			}
			if (r == DUR_OK && rounded) {
				anomaly(b, MG_T_CUSTOMFIELD_DATA, cfd[i].id, "decvalue", MG_P_INVALID_DURATION,
					"%g is not a whole number of minutes: read as %lld", d, (long long)minutes);
			} else if (r != DUR_OK) {
				anomaly(b, MG_T_CUSTOMFIELD_DATA, cfd[i].id, "decvalue", MG_P_INVALID_DURATION,
					"%s duration %g: the parcours is read as having no forecast duration",
					r == DUR_NEGATIVE ? "a negative" : "an out-of-range", d);
				continue;
			}
			m->courses[ci].duration = minutes;
			continue;
		}
		r = parse_duration(cfd[i].value, &minutes, &rounded);
		switch (r) {
		case DUR_EMPTY:
			m->courses[ci].duration = MG_NULL_INT;
			break;
		case DUR_OK:
			if (rounded) {
				anomaly(b, MG_T_CUSTOMFIELD_DATA, cfd[i].id, "value", MG_P_INVALID_DURATION,
					"\"%s\" is not a whole number of minutes: read as %lld",
					snip(cfd[i].value).text, (long long)minutes);
			}
			m->courses[ci].duration = minutes;
			break;
		default:
			anomaly(b, MG_T_CUSTOMFIELD_DATA, cfd[i].id, "value", MG_P_INVALID_DURATION,
				"\"%s\" is %s: the parcours is read as having no forecast duration", snip(cfd[i].value).text,
				r == DUR_NEGATIVE ? "a negative duration" : (r == DUR_TOO_BIG ? "too large a duration"
					: "not a number of minutes"));
			break;
		}
	}
	mg_imap_free(&seen);
	return b->oom ? oom(b) : MG_OK;
}

/* Parses the canonical decimal integer item of a sequence, as PHP uses it as
 * an array key ("12"; not "012", " 12" or "12a"). */
static bool sequence_item(const char *s, size_t len, int64_t *out)
{
	size_t i = 0;
	int64_t v = 0;

	if (len == 0 || len > 18) {
		return false;
	}
	if (s[0] == '0' && len > 1) {
		return false;
	}
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9') {
			return false;
		}
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

/* Moodle's activities of each course, as course_modinfo::get_cms() gives
 * them, and those completion_info::get_activities() keeps: a course module
 * of the course, of a module that exists, is enabled (modules.visible) and
 * has its code installed, listed in the sequence of one of the course's
 * sections (the section with the highest number wins, as Moodle's integrity
 * check decides), with completion enabled and not being deleted; hidden or
 * not, in a hidden section or not. */
static mg_status build_activities(build *b)
{
	mg_model *m = b->m;
	const mg_rowset *rs = b->rs;
	size_t i, ncm = COUNT(rs, MG_T_COURSE_MODULES), nsec = COUNT(rs, MG_T_COURSE_SECTIONS);
	size_t nmod = COUNT(rs, MG_T_MODULES);
	const mg_row_course_modules *cm = ROWS(rs, MG_T_COURSE_MODULES, mg_row_course_modules);
	const mg_row_course_sections *sec = ROWS(rs, MG_T_COURSE_SECTIONS, mg_row_course_sections);
	const mg_row_modules *mods = ROWS(rs, MG_T_MODULES, mg_row_modules);
	mg_imap seq_sec, seq_pos, seen;  /* cmid -> section row, position in its sequence */
	mg_str *modname = NULL;
	uint32_t *count = NULL;
	size_t nact = 0;
	mg_status st = MG_OK;

	memset(&seq_sec, 0, sizeof(seq_sec));
	memset(&seq_pos, 0, sizeof(seq_pos));
	memset(&seen, 0, sizeof(seen));
	modname = mg_arena_calloc(&m->arena, nmod ? nmod : 1, sizeof(mg_str));
	if (!modname) {
		return oom(b);
	}
	for (i = 0; i < nmod; i++) {
		if (!is_dead(b, MG_T_MODULES, i)) {
			modname[i] = text(b, MG_T_MODULES, i, "name", mods[i].name);
		}
	}
	/* sections: of a course that exists, (course, section) unique */
	if (seen_init(b, &seen, nsec) != MG_OK || mg_imap_init(&seq_sec, ncm) != MG_OK
		|| mg_imap_init(&seq_pos, ncm) != MG_OK) {
		st = oom(b);
		goto done;
	}
	for (i = 0; i < nsec; i++) {
		uint32_t ci;
		if (is_dead(b, MG_T_COURSE_SECTIONS, i)) {
			continue;
		}
		if (!ref(b, MG_T_COURSE_SECTIONS, i, "course", MG_T_COURSE, sec[i].course, "the section is ignored", &ci)
			|| !unique_pair(b, &seen, MG_T_COURSE_SECTIONS, i, "course, section", sec[i].course, sec[i].section)) {
			kill(b, MG_T_COURSE_SECTIONS, i);
		}
	}
	/* sequences: "12,15,13" */
	for (i = 0; i < nsec; i++) {
		mg_str s = sec[i].sequence;
		size_t j = 0;
		uint32_t p = 0;

		if (is_dead(b, MG_T_COURSE_SECTIONS, i)) {
			continue;
		}
		while (j <= s.len && s.len > 0) {
			size_t e = j;
			int64_t cmid;
			uint32_t cmi, prev;

			while (e < s.len && s.ptr[e] != ',') {
				e++;
			}
			if (sequence_item(s.ptr + j, e - j, &cmid) && mg_imap_get(&b->idx[MG_T_COURSE_MODULES], cmid, &cmi)
				&& !is_dead(b, MG_T_COURSE_MODULES, cmi) && cm[cmi].course == sec[i].course) {
				if (!mg_imap_get(&seq_sec, cmid, &prev)) {
					if (mg_imap_put(&seq_sec, cmid, (uint32_t)i, NULL) < 0
						|| mg_imap_put(&seq_pos, cmid, p, NULL) < 0) {
						st = oom(b);
						goto done;
					}
				} else if (prev != i && sec[i].section > sec[prev].section) {
					/* in two sections: the last one wins (course_integrity_check) */
					if (mg_imap_set(&seq_sec, cmid, (uint32_t)i) < 0 || mg_imap_set(&seq_pos, cmid, p) < 0) {
						st = oom(b);
						goto done;
					}
				}
			}
			p++;
			j = e + 1;
		}
	}

	b->cm_act = mg_malloc((ncm ? ncm : 1) * sizeof(uint32_t));
	b->cm_course = mg_malloc((ncm ? ncm : 1) * sizeof(uint32_t));
	m->acts = mg_arena_calloc(&m->arena, ncm ? ncm : 1, sizeof(mg_activity));
	count = mg_calloc(m->ncourses + 1, sizeof(uint32_t));
	if (!b->cm_act || !b->cm_course || !m->acts || !count) {
		st = oom(b);
		goto done;
	}
	for (i = 0; i < ncm; i++) {
		uint32_t ci, mi, si, pos;
		bool module_ok, listed;

		b->cm_act[i] = MG_NONE;
		b->cm_course[i] = MG_NONE;
		if (is_dead(b, MG_T_COURSE_MODULES, i)
			|| !ref(b, MG_T_COURSE_MODULES, i, "course", MG_T_COURSE, cm[i].course, "the course module is ignored", &ci)) {
			continue;
		}
		b->cm_course[i] = ci; /* its completions count in Moodle's count_modules_completed() */
		if (!ref(b, MG_T_COURSE_MODULES, i, "module", MG_T_MODULES, cm[i].module,
				"Moodle does not show this course module; it is not counted", &mi)) {
			continue;
		}
		module_ok = mods[mi].visible != 0 && module_installed(&m->settings, modname[mi]);
		listed = mg_imap_get(&seq_sec, cm[i].id, &si);
		if (module_ok && cm[i].deletioninprogress == 0) {
			uint32_t own;
			if (!listed && mg_imap_get(&b->idx[MG_T_COURSE_SECTIONS], cm[i].section, &own)
				&& sec[own].course != cm[i].course) {
				anomaly(b, MG_T_COURSE_MODULES, cm[i].id, "section", MG_P_SECTION_MISMATCH,
					"names section id %lld of course %lld, and no section of course %lld lists it: Moodle does not show it; it is not counted",
					(long long)cm[i].section, (long long)sec[own].course, (long long)cm[i].course);
			} else if (!listed) {
				anomaly(b, MG_T_COURSE_MODULES, cm[i].id, "section", MG_P_SECTION_MISMATCH,
					"listed in the sequence of no section of course %lld: Moodle does not show it; it is not counted",
					(long long)cm[i].course);
			} else if (sec[si].id != cm[i].section) {
				anomaly(b, MG_T_COURSE_MODULES, cm[i].id, "section", MG_P_SECTION_MISMATCH,
					"names section id %lld but course %lld lists it in section id %lld, where Moodle places it",
					(long long)cm[i].section, (long long)cm[i].course, (long long)sec[si].id);
			}
		}
		if (!module_ok || !listed || cm[i].completion == 0 || cm[i].deletioninprogress != 0
			|| !m->courses[ci].completion) {
			continue;
		}
		mg_imap_get(&seq_pos, cm[i].id, &pos);
		m->acts[nact].cmid = cm[i].id;
		m->acts[nact].section = sec[si].section;
		m->acts[nact].module = modname[mi];
		m->acts[nact].order_pos = (int64_t)pos;
		b->cm_act[i] = ci; /* temporarily: course index of the activity */
		nact++;
		count[ci]++;
	}
	/* group activities by course, then order within each course */
	{
		mg_activity *sorted = mg_arena_calloc(&m->arena, nact ? nact : 1, sizeof(mg_activity));
		uint32_t *fill = mg_calloc(m->ncourses + 1, sizeof(uint32_t));
		mg_imap actpos;
		size_t a = 0, c;

		if (!sorted || !fill || mg_imap_init(&actpos, nact) != MG_OK) {
			mg_free(fill);
			st = oom(b);
			goto done;
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
				mg_free(fill);
				st = oom(b);
				goto done;
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
		mg_free(fill);
	}
	if (b->oom) {
		st = oom(b);
	}
done:
	mg_free(count);
	mg_imap_free(&seen);
	mg_imap_free(&seq_sec);
	mg_imap_free(&seq_pos);
	return st;
}

static member *member_get(build *b, uint32_t course, uint32_t user)
{
	int64_t key = PAIR(course, user);
	uint32_t idx;
	member *mb;
	int r;

	/* one probe: inserts the next index, or finds the member's */
	r = mg_imap_put(&b->member, key, (uint32_t)b->members.len, &idx);
	if (r < 0) {
		return NULL;
	}
	if (r == 0) {
		return &MG_VEC_AT(&b->members, member, idx);
	}
	mb = mg_vec_push(&b->members);
	if (!mb) {
		return NULL;
	}
	mb->course = course;
	mb->user = user;
	mb->mark = MG_NONE;
	mb->part = MG_NONE;
	return mb;
}

/* Who is who: roles, course contexts, enrolments and role assignments. */
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
	mg_smap names;
	mg_imap seen;

	/* roles: a role is read by its shortname (a duplicate shortname is
	 * reported; both roles are read as that shortname) */
	b->role_kind = mg_calloc(nr ? nr : 1, 1);
	if (!b->role_kind || mg_smap_init(&names, nr) != MG_OK) {
		return oom(b);
	}
	for (i = 0; i < nr; i++) {
		uint32_t prev;
		int r;

		if (is_dead(b, MG_T_ROLE, i)) {
			continue;
		}
		r = mg_smap_put(&names, role[i].shortname, (uint32_t)i, &prev);
		if (r < 0) {
			mg_smap_free(&names);
			return oom(b);
		}
		if (r == 0) {
			anomaly(b, MG_T_ROLE, role[i].id, "shortname", MG_P_DUPLICATE_KEY,
				"shortname \"%s\" is already the shortname of role id %lld: both are read as \"%s\"",
				snip(role[i].shortname).text, (long long)role[prev].id, snip(role[i].shortname).text);
		}
		if (role_in(role[i].shortname, m->settings.trainer_roles, m->settings.ntrainer_roles)) {
			b->role_kind[i] = MG_ROLE_TRAINER;
		} else if (role_in(role[i].shortname, m->settings.participant_roles, m->settings.nparticipant_roles)) {
			b->role_kind[i] = MG_ROLE_PARTICIPANT;
		}
	}
	mg_smap_free(&names);

	/* contexts: (contextlevel, instanceid) unique; a course context names a course */
	b->ctx_course = mg_malloc((nctx ? nctx : 1) * sizeof(uint32_t));
	if (!b->ctx_course || seen_init(b, &seen, nctx) != MG_OK) {
		return oom(b);
	}
	for (i = 0; i < nctx; i++) {
		uint32_t ci;

		b->ctx_course[i] = MG_NONE;
		if (is_dead(b, MG_T_CONTEXT, i)
			|| !unique_pair(b, &seen, MG_T_CONTEXT, i, "contextlevel, instanceid", ctx[i].contextlevel, ctx[i].instanceid)) {
			kill(b, MG_T_CONTEXT, i);
			continue;
		}
		if (ctx[i].contextlevel == MG_CONTEXT_COURSE) {
			if (ref(b, MG_T_CONTEXT, i, "instanceid", MG_T_COURSE, ctx[i].instanceid,
					"the context and its role assignments are ignored", &ci)) {
				b->ctx_course[i] = ci;
			} else {
				kill(b, MG_T_CONTEXT, i);
			}
		}
	}
	mg_imap_free(&seen);
	if (b->oom) {
		return oom(b);
	}

	/* Sized for the usual case, every participant with one enrolment and one
	 * role (the map grows when there are more): sizing it for the sum of
	 * the three tables held twice the room a whole site needs. */
	if (mg_imap_init(&b->member, (nue > nra ? nue : nra) + COUNT(rs, MG_T_MARK) / 8) != MG_OK) {
		return oom(b);
	}
	mg_vec_init(&b->members, sizeof(member));
	/* one member per participant, usually: no room to grow into */
	if (mg_vec_reserve(&b->members, nue > nra ? nue : nra) != MG_OK) {
		return oom(b);
	}

	/* enrolments */
	for (i = 0; i < ne; i++) {
		uint32_t ci;
		if (!is_dead(b, MG_T_ENROL, i)
			&& !ref(b, MG_T_ENROL, i, "courseid", MG_T_COURSE, en[i].courseid,
				"the enrolment method and its enrolments are ignored", &ci)) {
			kill(b, MG_T_ENROL, i);
		}
	}
	if (seen_init(b, &seen, nue) != MG_OK) {
		return oom(b);
	}
	for (i = 0; i < nue; i++) {
		uint32_t ei, ui, ci;
		member *mb;

		if (is_dead(b, MG_T_USER_ENROLMENTS, i)
			|| !ref(b, MG_T_USER_ENROLMENTS, i, "enrolid", MG_T_ENROL, ue[i].enrolid, "the enrolment is ignored", &ei)
			|| !ref(b, MG_T_USER_ENROLMENTS, i, "userid", MG_T_USER, ue[i].userid, "the enrolment is ignored", &ui)
			|| !unique_pair(b, &seen, MG_T_USER_ENROLMENTS, i, "enrolid, userid", ue[i].enrolid, ue[i].userid)) {
			continue;
		}
		/* enrol_get_enrolment_end(): active now, instance enabled */
		if (en[ei].status != 0 || ue[i].status != 0 || ue[i].timestart > now
			|| (ue[i].timeend != 0 && ue[i].timeend <= now) || !m->users[ui].active) {
			continue;
		}
		mg_imap_get(&b->idx[MG_T_COURSE], en[ei].courseid, &ci);
		if (!(mb = member_get(b, ci, ui))) {
			mg_imap_free(&seen);
			return oom(b);
		}
		mb->enrolled = 1;
	}
	mg_imap_free(&seen);

	/* role assignments at course contexts */
	for (i = 0; i < nra; i++) {
		uint32_t ri, xi, ui, ci;
		member *mb;

		if (is_dead(b, MG_T_ROLE_ASSIGNMENTS, i)
			|| !ref(b, MG_T_ROLE_ASSIGNMENTS, i, "roleid", MG_T_ROLE, ra[i].roleid, "the role assignment is ignored", &ri)
			|| !ref(b, MG_T_ROLE_ASSIGNMENTS, i, "contextid", MG_T_CONTEXT, ra[i].contextid, "the role assignment is ignored", &xi)
			|| !ref(b, MG_T_ROLE_ASSIGNMENTS, i, "userid", MG_T_USER, ra[i].userid, "the role assignment is ignored", &ui)) {
			continue;
		}
		ci = b->ctx_course[xi];
		if (ci == MG_NONE || b->role_kind[ri] == MG_ROLE_NONE) {
			continue;
		}
		if (!(mb = member_get(b, ci, ui))) {
			return oom(b);
		}
		if (b->role_kind[ri] > mb->role) {
			mb->role = b->role_kind[ri];
		}
	}
	return b->oom ? oom(b) : MG_OK;
}

/* Marks: the trainer's box, and the training records (finished = 1). */
static mg_status build_marks(build *b)
{
	mg_model *m = b->m;
	const mg_rowset *rs = b->rs;
	size_t i, n = COUNT(rs, MG_T_MARK);
	const mg_row_mark *mk = ROWS(rs, MG_T_MARK, mg_row_mark);
	mg_imap seen;

	m->marks = mg_arena_calloc(&m->arena, n ? n : 1, sizeof(mg_mark));
	if (!m->marks || seen_init(b, &seen, n) != MG_OK) {
		return oom(b);
	}
	for (i = 0; i < n; i++) {
		uint32_t ci, ui;
		member *mb;
		int64_t credited = mk[i].creditedminutes;

		if (is_dead(b, MG_T_MARK, i)
			|| !ref(b, MG_T_MARK, i, "courseid", MG_T_COURSE, mk[i].courseid,
				"a mark of a course that no longer exists is ignored", &ci)
			|| !ref(b, MG_T_MARK, i, "userid", MG_T_USER, mk[i].userid, "the mark is ignored", &ui)
			|| !unique_pair(b, &seen, MG_T_MARK, i, "courseid, userid", mk[i].courseid, mk[i].userid)) {
			continue;
		}
		if (mk[i].finished != 0 && mk[i].finished != 1) {
			anomaly(b, MG_T_MARK, mk[i].id, "finished", MG_P_INVALID_VALUE,
				"%lld is neither 0 nor 1: read as finished (1)", (long long)mk[i].finished);
		}
		if (credited != MG_NULL_INT && credited < 0) {
			anomaly(b, MG_T_MARK, mk[i].id, "creditedminutes", MG_P_INVALID_VALUE,
				"a negative duration (%lld): read as no credited duration", (long long)credited);
			credited = MG_NULL_INT;
		}
		m->marks[i].finished = mk[i].finished != 0;
		m->marks[i].credited = m->marks[i].finished ? credited : MG_NULL_INT;
		m->marks[i].time = mk[i].timemodified;
		m->marks[i].by = mk[i].modifiedby;
		if (!(mb = member_get(b, ci, ui))) {
			mg_imap_free(&seen);
			return oom(b);
		}
		mb->mark = (uint32_t)i;
	}
	m->nmarks = n;
	mg_imap_free(&seen);
	return b->oom ? oom(b) : MG_OK;
}

/* A participation: a current participant, or a training record of a user
 * who is not deleted. */
static bool member_participates(const build *b, const member *mb, bool *current)
{
	const mg_model *m = b->m;
	bool record = mb->mark != MG_NONE && m->marks[mb->mark].finished && !m->users[mb->user].deleted;

	*current = mb->enrolled && mb->role == MG_ROLE_PARTICIPANT;
	return *current || record;
}

/* Places trainers and participations in each course, sorted by name. */
static mg_status place_members(build *b)
{
	mg_model *m = b->m;
	uint32_t *ntr = mg_calloc(m->ncourses + 1, sizeof(uint32_t));
	uint32_t *npa = mg_calloc(m->ncourses + 1, sizeof(uint32_t));
	size_t i, c, t = 0, p = 0, nmem = b->members.len;
	bool current;

	if (!ntr || !npa) {
		mg_free(ntr);
		mg_free(npa);
		return oom(b);
	}
	for (i = 0; i < nmem; i++) {
		member *mb = &MG_VEC_AT(&b->members, member, i);
		if (mb->enrolled && mb->role == MG_ROLE_TRAINER) {
			ntr[mb->course]++;
		}
		if (member_participates(b, mb, &current)) {
			npa[mb->course]++;
		}
	}
	for (c = 0; c < m->ncourses; c++) {
		m->courses[c].tr_first = (uint32_t)t;
		m->courses[c].pa_first = (uint32_t)p;
		t += ntr[c];
		p += npa[c];
	}
	mg_free(ntr);
	mg_free(npa);
	m->trainers = mg_arena_calloc(&m->arena, t ? t : 1, sizeof(uint32_t));
	m->parts = mg_arena_calloc(&m->arena, p ? p : 1, sizeof(mg_part));
	if (!m->trainers || !m->parts) {
		return oom(b);
	}
	m->ntrainers = t;
	m->nparts = p;
	/* Each parcours lists its trainers and participants in name order: the
	 * members are visited user by user in that order (a counting sort of the
	 * members by user), so every list is filled already sorted. */
	{
		size_t nu = m->nusers, k;
		uint32_t *order = NULL;
		uint32_t *first = mg_calloc(nu + 1, sizeof(uint32_t));
		uint32_t *fill = mg_calloc(nu + 1, sizeof(uint32_t));
		uint32_t *byuser = mg_malloc((nmem ? nmem : 1) * sizeof(uint32_t));

		if (!first || !fill || !byuser || rank_users(b, &order) != MG_OK) {
			mg_free(first);
			mg_free(fill);
			mg_free(byuser);
			return oom(b);
		}
		for (i = 0; i < nmem; i++) {
			first[MG_VEC_AT(&b->members, member, i).user + 1]++;
		}
		for (k = 0; k < nu; k++) {
			first[k + 1] += first[k];
		}
		for (i = 0; i < nmem; i++) {
			uint32_t u = MG_VEC_AT(&b->members, member, i).user;
			byuser[first[u] + fill[u]++] = (uint32_t)i;
		}
		for (k = 0; k < nu; k++) {
			uint32_t u = order[k], j;
			for (j = first[u]; j < first[u + 1]; j++) {
				member *mb = &MG_VEC_AT(&b->members, member, byuser[j]);
				mg_course *co = &m->courses[mb->course];
				if (mb->enrolled && mb->role == MG_ROLE_TRAINER) {
					m->trainers[co->tr_first + co->ntr++] = mb->user;
				}
				if (member_participates(b, mb, &current)) {
					mg_part *pa;
					mb->part = co->pa_first + co->npa++;
					pa = &m->parts[mb->part];
					pa->user = mb->user;
					pa->mark = mb->mark;
					pa->current = current;
					if (current) {
						co->ncur++;
					}
				}
			}
		}
		mg_free(order);
		mg_free(first);
		mg_free(fill);
		mg_free(byuser);
	}
	return MG_OK;
}

/* The participation slot of (course index, user index), or MG_NONE. */
static uint32_t slot_of(build *b, uint32_t ci, uint32_t ui)
{
	uint32_t idx;

	if (!mg_imap_get(&b->member, PAIR(ci, ui), &idx)) {
		return MG_NONE;
	}
	return MG_VEC_AT(&b->members, member, idx).part;
}

/* Activity completion: per-activity states of the tracked activities, and
 * Moodle's count_modules_completed() (rows in state 1 or 2 of any course
 * module of the course). Course completion: course_completions.timecompleted. */
static mg_status build_completions(build *b)
{
	mg_model *m = b->m;
	const mg_rowset *rs = b->rs;
	size_t i, n = COUNT(rs, MG_T_COURSE_MODULES_COMPLETION), ncc = COUNT(rs, MG_T_COURSE_COMPLETIONS), c;
	const mg_row_course_modules_completion *cmc = ROWS(rs, MG_T_COURSE_MODULES_COMPLETION,
		mg_row_course_modules_completion);
	const mg_row_course_completions *cc = ROWS(rs, MG_T_COURSE_COMPLETIONS, mg_row_course_completions);
	mg_imap seen;

	for (c = 0; c < m->ncourses; c++) {
		mg_course *co = &m->courses[c];
		if (co->npa && co->nact) {
			co->states = mg_arena_calloc(&m->arena, co->npa, co->nact);
			if (!co->states) {
				return oom(b);
			}
		}
	}
	if (seen_init(b, &seen, n) != MG_OK) {
		return oom(b);
	}
	for (i = 0; i < n; i++) {
		uint32_t cmi, ui, ci, a, p;
		int64_t state = cmc[i].completionstate;

		if (is_dead(b, MG_T_COURSE_MODULES_COMPLETION, i)
			|| !ref(b, MG_T_COURSE_MODULES_COMPLETION, i, "coursemoduleid", MG_T_COURSE_MODULES, cmc[i].coursemoduleid,
				"Moodle does not count it; the row is ignored", &cmi)
			|| !ref(b, MG_T_COURSE_MODULES_COMPLETION, i, "userid", MG_T_USER, cmc[i].userid, "the row is ignored", &ui)
			|| !unique_pair(b, &seen, MG_T_COURSE_MODULES_COMPLETION, i, "userid, coursemoduleid",
				cmc[i].userid, cmc[i].coursemoduleid)) {
			continue;
		}
		if (state < MG_STATE_INCOMPLETE || state > MG_STATE_FAIL_HIDDEN) {
			anomaly(b, MG_T_COURSE_MODULES_COMPLETION, cmc[i].id, "completionstate", MG_P_INVALID_VALUE,
				"%lld is not a completion state (0 to 4): read as incomplete", (long long)state);
			state = MG_STATE_INCOMPLETE;
		}
		ci = b->cm_course[cmi];
		if (ci == MG_NONE || (p = slot_of(b, ci, ui)) == MG_NONE) {
			continue;
		}
		if (m->courses[ci].completion && (state == MG_STATE_COMPLETE || state == MG_STATE_PASS)) {
			m->parts[p].done++;
		}
		a = b->cm_act[cmi];
		if (a != MG_NONE) {
			mg_course *co = &m->courses[ci];
			co->states[(size_t)(p - co->pa_first) * co->nact + a] = (uint8_t)state;
		}
	}
	mg_imap_free(&seen);
	if (b->oom) {
		return oom(b);
	}
	if (seen_init(b, &seen, ncc) != MG_OK) {
		return oom(b);
	}
	for (i = 0; i < ncc; i++) {
		uint32_t ci, ui, p;

		if (is_dead(b, MG_T_COURSE_COMPLETIONS, i)
			|| !ref(b, MG_T_COURSE_COMPLETIONS, i, "course", MG_T_COURSE, cc[i].course, "the row is ignored", &ci)
			|| !ref(b, MG_T_COURSE_COMPLETIONS, i, "userid", MG_T_USER, cc[i].userid, "the row is ignored", &ui)
			|| !unique_pair(b, &seen, MG_T_COURSE_COMPLETIONS, i, "userid, course", cc[i].userid, cc[i].course)) {
			continue;
		}
		/* completion_completion::is_complete(): (bool) timecompleted */
		if (cc[i].timecompleted == MG_NULL_INT || cc[i].timecompleted == 0) {
			continue;
		}
		if ((p = slot_of(b, ci, ui)) != MG_NONE) {
			m->parts[p].complete = true;
		}
	}
	mg_imap_free(&seen);
	return b->oom ? oom(b) : MG_OK;
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
		uint32_t *fill = mg_calloc(m->nusers + 1, sizeof(uint32_t));
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
		mg_free(fill);
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
	m = mg_calloc(1, sizeof(*m));
	if (!m) {
		mg_error_set(err, MG_ENOMEM, "out of memory while building the model");
		return NULL;
	}
	m->rs = rs;
	m->settings = *settings;
	mg_vec_init(&m->anomalies, sizeof(mg_anomaly));
	mg_vec_init(&m->anomaly_counts, sizeof(mg_anomaly_count));
	memset(&b, 0, sizeof(b));
	b.rs = rs;
	b.m = m;
	b.err = err;

	st = MG_OK;
	for (t = 0; t < MG_T__COUNT && st == MG_OK; t++) {
		st = index_ids(&b, (mg_table_id)t);
	}
	if (st == MG_OK) st = build_users_courses(&b);
	if (st == MG_OK) st = rank_courses(&b);
	if (st == MG_OK) st = build_circs_schools(&b);
	if (st == MG_OK) st = build_durations(&b);
	if (st == MG_OK) st = build_activities(&b);
	if (st == MG_OK) st = build_members(&b);
	if (st == MG_OK) st = build_marks(&b);
	if (st == MG_OK) st = place_members(&b);
	if (st == MG_OK) st = build_completions(&b);
	/* the members are placed: their map and list are not needed any more
	 * (freed here, not at the end, so that they never coexist with the
	 * user index: at the scale of a whole site they are the largest
	 * temporary of the build) */
	mg_imap_free(&b.member);
	mg_vec_free(&b.members);
	if (st == MG_OK) st = build_user_index(&b);

	if (st == MG_OK) {
		m->user_by_id = b.idx[MG_T_USER];
		m->course_by_id = b.idx[MG_T_COURSE];
		memset(&b.idx[MG_T_USER], 0, sizeof(mg_imap));
		memset(&b.idx[MG_T_COURSE], 0, sizeof(mg_imap));
	}
	for (t = 0; t < MG_T__COUNT; t++) {
		mg_imap_free(&b.idx[t]);
		mg_free(b.dead[t]);
	}
	mg_imap_free(&b.member);
	mg_vec_free(&b.members);
	mg_free(b.role_kind);
	mg_free(b.cm_act);
	mg_free(b.cm_course);
	mg_free(b.ctx_course);
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
	mg_vec_free(&m->anomalies);
	mg_vec_free(&m->anomaly_counts);
	mg_arena_destroy(&m->arena);
	mg_free(m);
}

static mg_str own(mg_arena *a, mg_str s, bool *oom)
{
	char *p;

	if (s.len == 0) {
		return MG_STR_NULL;
	}
	p = mg_arena_strndup(a, s.ptr, s.len);
	if (!p) {
		*oom = true;
		return MG_STR_NULL;
	}
	return (mg_str){ p, s.len };
}

mg_status mg_model_own_settings(mg_model *m, mg_error *err)
{
	mg_settings *s = &m->settings;
	bool oom = false;
	size_t i;

	for (i = 0; i < s->ntrainer_roles; i++) {
		s->trainer_roles[i] = own(&m->arena, s->trainer_roles[i], &oom);
	}
	for (i = 0; i < s->nparticipant_roles; i++) {
		s->participant_roles[i] = own(&m->arena, s->participant_roles[i], &oom);
	}
	for (i = 0; i < s->ninstalled_modules; i++) {
		s->installed_modules[i] = own(&m->arena, s->installed_modules[i], &oom);
	}
	s->school_field = own(&m->arena, s->school_field, &oom);
	s->duration_field = own(&m->arena, s->duration_field, &oom);
	if (oom) {
		return mg_error_set(err, MG_ENOMEM, "out of memory");
	}
	return MG_OK;
}

const mg_settings *mg_model_settings(const mg_model *m)
{
	return &m->settings;
}

size_t mg_model_anomaly_count(const mg_model *m)
{
	return m->nanomalies;
}

size_t mg_model_anomalies_kept(const mg_model *m)
{
	return m->anomalies.len;
}

void mg_model_anomaly_at(const mg_model *m, size_t i, mg_table_id *table, int64_t *id,
	const char **field, mg_problem *problem)
{
	const mg_anomaly *a = &MG_VEC_AT(&m->anomalies, mg_anomaly, i);

	*table = a->table;
	*id = a->id;
	*field = a->field;
	*problem = a->problem;
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

bool mg_model_is_record(const mg_model *m, uint32_t p)
{
	const mg_part *pa = &m->parts[p];

	return pa->mark != MG_NONE && m->marks[pa->mark].finished != 0;
}

int64_t mg_model_percent(const mg_model *m, uint32_t c, uint32_t p)
{
	const mg_course *co = &m->courses[c];
	const mg_part *pa = &m->parts[p];
	volatile double ratio;

	/* \core_completion\progress::get_course_progress_percentage() */
	if (!co->completion) {
		return MG_NULL_INT;
	}
	if (pa->complete) {
		return 100;
	}
	if (co->nact == 0) {
		return MG_NULL_INT;
	}
	/* ($totalcompleted / $count) * 100 in PHP's doubles, then floor() as
	 * "My courses" shows it: 29 of 100 is 28 there, and here. */
	ratio = (double)pa->done / (double)co->nact;
	return (int64_t)floor(ratio * 100.0);
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
