/*
 * Internal types of the core: arena, growable arrays, hash maps and the
 * dense model. Only src/core (and the attestation walker) include this.
 */
#ifndef MAGISTERE_CORE_CORE_PRIVATE_H
#define MAGISTERE_CORE_CORE_PRIVATE_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

#include "core.h"

/* ----------------------------------------------------------------- arena */

/* A bump allocator: memory is released all at once by mg_arena_destroy.
 * Built with -DMG_ARENA_TRACK every allocation is a separate malloc, so
 * ASan and valgrind see each one. */
typedef struct mg_arena_block mg_arena_block;
typedef struct mg_arena {
	mg_arena_block *head;
} mg_arena;

void *mg_arena_alloc(mg_arena *a, size_t size);        /* 16-byte aligned; NULL on failure */
void *mg_arena_calloc(mg_arena *a, size_t n, size_t size); /* checked for overflow */
char *mg_arena_strndup(mg_arena *a, const char *s, size_t len); /* NUL-terminated copy */
void mg_arena_destroy(mg_arena *a);                      /* accepts a zeroed arena */

/* ---------------------------------------------------------- growable array */

/* Elements of `elsize` bytes; grows x1.5 from 16, checked for overflow. */
typedef struct mg_vec {
	void *data;
	size_t len, cap, elsize;
} mg_vec;

void mg_vec_init(mg_vec *v, size_t elsize);
/* Appends one zeroed element and returns it; NULL when out of memory. The
 * returned pointer (and every earlier one) dies at the next push. */
void *mg_vec_push(mg_vec *v);
void mg_vec_free(mg_vec *v);
/* Makes room for n elements in all (no change when there is). */
mg_status mg_vec_reserve(mg_vec *v, size_t n);
/* Reallocates the array to its length (kept as it is if that fails). */
void mg_vec_shrink(mg_vec *v);
#define MG_VEC_AT(v, type, i) (((type *)(v)->data)[i])

/* ------------------------------------------------------------- hash maps */

/* int64 key -> uint32 value, open addressing. */
/* One slot array: a probe reads one slot (key, value and flag together), not
 * three arrays, which is what the model build spends its time on at scale. */
typedef struct mg_imap_slot {
	int64_t key;
	uint32_t val;
	uint32_t used;
} mg_imap_slot;

typedef struct mg_imap {
	mg_imap_slot *slots;
	size_t cap, len;
	/* Dense mode (mg_imap_init_dense): the value of key k is dense[k - base]
	 * (MG_IMAP_EMPTY when absent), no hashing; a key outside the span turns
	 * the map into a hash map. */
	uint32_t *dense;
	int64_t base;
	size_t span;
} mg_imap;

#define MG_IMAP_EMPTY UINT32_MAX

mg_status mg_imap_init(mg_imap *m, size_t expected);
/* A map for keys in [lo, hi], such as the ids of a table that Moodle's
 * auto-increment makes nearly contiguous: a lookup is an array read (4 bytes
 * a possible key, against 16 a slot of the hash map at a load of up to 3/4).
 * Values must be below MG_IMAP_EMPTY. MG_ENOMEM when out of memory or when
 * the span is too wide to address. */
mg_status mg_imap_init_dense(mg_imap *m, int64_t lo, int64_t hi);
/* Inserts key -> val. Returns 1 when inserted, 0 when the key was already
 * there (*existing, if not NULL, gets its value; nothing changes), -1 when out
 * of memory. */
int mg_imap_put(mg_imap *m, int64_t key, uint32_t val, uint32_t *existing);
/* Inserts or replaces key -> val: 1 inserted, 0 replaced, -1 out of memory. */
int mg_imap_set(mg_imap *m, int64_t key, uint32_t val);
/* true and *val when found. */
bool mg_imap_get(const mg_imap *m, int64_t key, uint32_t *val);
void mg_imap_free(mg_imap *m);

/* mg_smap (string key -> uint32) is in core.h: the stores use it too. */

/* ----------------------------------------------------------------- strings */

bool mg_str_eq(mg_str a, mg_str b);
bool mg_str_eq_c(mg_str a, const char *c);
int mg_str_cmp(mg_str a, mg_str b);               /* bytewise */
/* Compares two names as people expect in French: case and accents
 * folded first (é = e = E, œ = oe), then bytewise to break ties. */
int mg_name_cmp(mg_str a, mg_str b);
/* The folded form mg_name_cmp compares first: written into out, which must
 * hold s.len bytes (folding never lengthens a name). mg_name_cmp(a, b) is
 * mg_str_cmp of the folded forms, then of a and b themselves. */
mg_str mg_name_fold(mg_str s, char *out);
/* Trims ASCII white space. */
mg_str mg_str_trim(mg_str s);
/* Whether a school code fits the attestation file's `Uai` type (attestations-1.xsd): 1 to
 * MG_UAI_MAX ASCII letters, digits, '-', '_' or '.'. */
#define MG_UAI_MAX 20
bool mg_uai_fits(mg_str uai);

/* Normalises text as Moodle shows it, so that no page and no XML file
 * breaks on it: invalid UTF-8 sequences are dropped (as iconv //IGNORE in
 * Moodle's fix_utf8()), NUL and U+FFFE/U+FFFF dropped (fix_utf8()), other
 * control characters (U+0001-U+001F, U+007F) replaced by a space (how a page
 * shows them; XML 1.0 forbids most of them). Returns 0 and *out = in when
 * nothing changes, else the MG_TEXT_* flags of what was fixed and *out a copy
 * in the arena (MG_TEXT_NOMEM and an empty *out when out of memory). */
#define MG_TEXT_INVALID_UTF8 1u
#define MG_TEXT_CONTROL 2u
#define MG_TEXT_NONCHARACTER 4u
#define MG_TEXT_NOMEM 8u
#define MG_TEXT_NUL 16u
unsigned mg_text_normalise(mg_arena *a, mg_str in, mg_str *out);

/* ------------------------------------------------------------------ model */

#define MG_NONE UINT32_MAX

typedef enum mg_role_kind {
	MG_ROLE_NONE = 0,
	MG_ROLE_PARTICIPANT = 1,
	MG_ROLE_TRAINER = 2
} mg_role_kind;

typedef enum mg_state {
	MG_STATE_INCOMPLETE = 0,
	MG_STATE_COMPLETE = 1,
	MG_STATE_PASS = 2,
	MG_STATE_FAIL = 3,
	MG_STATE_FAIL_HIDDEN = 4   /* a fail on a hidden grade item: shown as failed */
} mg_state;

typedef struct mg_circ {
	mg_str code, name, departement, academie;
} mg_circ;

typedef struct mg_school {
	mg_str uai, name, city, departement, academie, degre, secteur;
	uint32_t circ;          /* index into circs, MG_NONE when none */
	bool ignored;           /* an anomaly made the row ignored (no teacher points to it) */
	bool uai_unfit;         /* a code the attestation file cannot carry: left out of it */
} mg_school;

typedef struct mg_user {
	int64_t id;
	mg_str firstname, lastname, idnumber;   /* normalised (valid UTF-8, no control character) */
	bool active;            /* neither deleted nor suspended */
	bool deleted;
	uint32_t school;        /* index into schools, MG_NONE when unknown */
} mg_user;

typedef struct mg_mark {
	int64_t finished;
	int64_t credited;       /* MG_NULL_INT when NULL */
	int64_t time;
	int64_t by;             /* user id, 0 when unknown */
} mg_mark;

typedef struct mg_activity {
	int64_t cmid;
	int64_t section;        /* course_sections.section (number) */
	mg_str module;          /* modules.name */
	int64_t order_pos;      /* position in the section's sequence */
} mg_activity;

/* A participation of a user in a course (docs/rules.md): he is a current
 * participant (member with a participant role), or he has a training record
 * (a mark finished = 1, user not deleted), or both. */
typedef struct mg_part {
	uint32_t user;
	uint32_t mark;          /* index into marks, MG_NONE when no mark */
	uint32_t done;          /* Moodle's count_modules_completed(): his completion
	                         * rows in state 1 or 2 on any course module of the course */
	bool current;           /* a current participant: listed in the parcours (R1) */
	bool complete;          /* course_completions.timecompleted is set */
} mg_part;

typedef struct mg_course {
	int64_t id;
	mg_str shortname, fullname;    /* normalised */
	bool visible;
	bool completion;               /* completion on for the site and the course */
	int64_t duration;       /* minutes, MG_NULL_INT when not set */
	uint32_t act_first, nact;      /* tracked activities (Moodle's get_activities()), in order */
	uint32_t tr_first, ntr;        /* trainers (user indices), sorted */
	uint32_t pa_first, npa;        /* participations, sorted by name */
	uint32_t ncur;                 /* how many of them are current participants */
	uint8_t *states;               /* npa x nact, row-major */
} mg_course;

/* An anomaly found while building the model (mg_view_data_quality). */
typedef struct mg_anomaly {
	mg_table_id table;
	int64_t id;              /* the row's id column */
	const char *field;       /* static text */
	mg_problem problem;
	const char *message;     /* in the model's arena */
} mg_anomaly;

typedef struct mg_anomaly_count {
	mg_table_id table;
	const char *field;
	mg_problem problem;
	size_t count;
} mg_anomaly_count;

/* At most this many anomalies are kept in detail; all are counted. */
#define MG_ANOMALY_KEEP 10000

/* One participation of a user, for the per-user index. */
typedef struct mg_upart {
	uint32_t course;
	uint32_t part;          /* index into model->parts */
} mg_upart;

typedef struct mg_inspector {
	uint32_t user;
	uint32_t circ;
} mg_inspector;

struct mg_model {
	mg_arena arena;
	const mg_rowset *rs;
	mg_settings settings;

	mg_user *users;       size_t nusers;   mg_imap user_by_id;
	mg_course *courses;   size_t ncourses; mg_imap course_by_id;
	mg_school *schools;   size_t nschools;
	mg_circ *circs;       size_t ncircs;   mg_smap circ_by_code;
	mg_mark *marks;       size_t nmarks;
	mg_activity *acts;    size_t nacts;
	uint32_t *trainers;   size_t ntrainers;  /* user indices, per course ranges */
	mg_part *parts;       size_t nparts;     /* per course ranges */
	mg_inspector *inspectors; size_t ninspectors;
	/* Name order, computed once per build so that no view compares names:
	 * user_rank[u] is u's position by last name, first name (mg_name_cmp),
	 * then id; course_rank[c] is c's position by full name, then id. */
	uint32_t *user_rank;
	uint32_t *course_rank;

	/* per user: participations, course order */
	uint32_t *upart_first;  /* nusers + 1 offsets into uparts */
	mg_upart *uparts;

	mg_vec anomalies;        /* mg_anomaly, the first MG_ANOMALY_KEEP */
	mg_vec anomaly_counts;   /* mg_anomaly_count per (table, field, problem) */
	size_t nanomalies;       /* every anomaly, kept or not */
};

/* Lookups; MG_NONE when absent. */
uint32_t mg_model_user(const mg_model *m, int64_t id);
uint32_t mg_model_course(const mg_model *m, int64_t id);
/* Index of user u among the participations of course c (absolute index into
 * m->parts), or MG_NONE. A participation is not always a current
 * participant: check m->parts[i].current where R1 applies. */
uint32_t mg_model_find_part(const mg_model *m, uint32_t c, uint32_t u);
/* Whether participation p is a training record (a finished mark). */
bool mg_model_is_record(const mg_model *m, uint32_t p);
/* Moodle's progress percentage of participation p, floored as "My courses"
 * shows it: MG_NULL_INT when completion is off, or nothing is tracked and
 * the course is not complete. */
int64_t mg_model_percent(const mg_model *m, uint32_t c, uint32_t p);
bool mg_model_is_trainer(const mg_model *m, uint32_t c, uint32_t u);

/* The value of dimension d for participant user u of course c: what the
 * statistics count him under (empty string when not recorded). Shared by
 * the statistics and the transparency view. */
mg_str mg_stats_dim_value(const mg_model *m, uint32_t u, uint32_t c, mg_dim d);

/* Participations as the statistics count them (who counts is decided here
 * and only here): one per participation of the model's per-course ranges (a
 * current participant, or a training record: docs/rules.md), in course
 * order. `finished` is the training record (mg_model_is_record()); `credited`
 * its minutes (0 when unset). */
typedef struct mg_participation {
	uint32_t user;          /* index into users */
	uint32_t course;        /* index into courses */
	bool finished;
	int64_t credited;
} mg_participation;

typedef struct mg_participation_iter {
	uint32_t c, p;
} mg_participation_iter;

static inline bool mg_model_participation_next(const mg_model *m, mg_participation_iter *it,
	mg_participation *out)
{
	while (it->c < m->ncourses) {
		const mg_course *co = &m->courses[it->c];
		if (it->p < co->npa) {
			uint32_t p = co->pa_first + it->p;
			const mg_part *pa = &m->parts[p];
			out->user = pa->user;
			out->course = it->c;
			out->finished = mg_model_is_record(m, p);
			out->credited = out->finished && m->marks[pa->mark].credited != MG_NULL_INT
				? m->marks[pa->mark].credited : 0;
			it->p++;
			return true;
		}
		it->c++;
		it->p = 0;
	}
	return false;
}

/* --------------------------------------------------------------- emitters */

/* Shorthands that stop the enclosing function with MG_EEMIT on failure.
 * They expect `out` (const mg_emitter *) and `err` in scope and a label
 * `emit_fail`. */
#define EM(call) do { if ((call) != 0) goto emit_fail; } while (0)
#define EMAP(n)     EM(out->map_begin(out->ctx, (n)))
#define EMAPEND()   EM(out->map_end(out->ctx))
#define ELIST(n)    EM(out->list_begin(out->ctx, (n)))
#define ELISTEND()  EM(out->list_end(out->ctx))
#define EKEY(a)     EM(out->key(out->ctx, MG_A_##a))
#define EINT(v)     EM(out->v_int(out->ctx, (v)))
#define EBOOL(v)    EM(out->v_bool(out->ctx, (v)))
#define ENULL()     EM(out->v_null(out->ctx))
#define ESTR(s)     EM(out->v_str(out->ctx, (s).ptr, (s).len))
#define EATOM(a)    EM(out->v_atom(out->ctx, MG_A_##a))
#define EATOMV(a)   EM(out->v_atom(out->ctx, (a)))
#define EINTN(v)    do { if ((v) == MG_NULL_INT) ENULL(); else EINT(v); } while (0)

#endif /* MAGISTERE_CORE_CORE_PRIVATE_H */
