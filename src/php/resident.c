/*
 * Resident models (docs/resident.md): the models of the mysql source kept
 * between the requests of a PHP process, each checked on every use against
 * the change stamp the plugin keeps (one statement), bounded in memory
 * (magistere.resident_memory, least recently used first out) and in age
 * (magistere.resident_ttl: changes made behind Moodle's back, without a
 * stamp, show within that delay).
 *
 * A resident model is valid while:
 *  - the stamp of its scope on the primary equals the stamp its rows were
 *    read with (in the same snapshot): nothing a view shows changed through
 *    Moodle since;
 *  - it is younger than magistere.resident_ttl;
 *  - the tracker's "now" lies in the window in which no enrolment of its
 *    rows starts or ends (membership depends on the time, not only on rows);
 *  - it was built with the same settings from the same database (the key).
 */
#include "php_private.h"
#include "zend_smart_str.h"

#include <time.h>

typedef struct php_mg_resident {
	struct php_mg_resident *next;
	char *key;                /* pemalloc'd */
	size_t keylen;
	mg_rowset *rs;
	mg_model *m;
	mg_stamp stamp;           /* the stamp its rows agree with */
	mg_stamp_keys keys;       /* the counters of that stamp */
	int64_t now_lo, now_hi;   /* "now" may lie in [now_lo, now_hi) */
	time_t created;
	uint64_t used;            /* LRU tick */
	size_t bytes;
} php_mg_resident;

/* ---------------------------------------------------------------- keys */

static void key_str(smart_str *k, mg_str s)
{
	smart_str_append_long(k, (zend_long)s.len);
	smart_str_appendc(k, ':');
	smart_str_appendl(k, s.ptr, s.len);
}

static void key_strs(smart_str *k, const mg_str *v, size_t n)
{
	size_t i;

	smart_str_append_long(k, (zend_long)n);
	smart_str_appendc(k, '[');
	for (i = 0; i < n; i++) {
		key_str(k, v[i]);
	}
	smart_str_appendc(k, ']');
}

/* What the model of `scope` depends on: the database, the settings (but
 * "now", checked against the window), the scope. */
static zend_string *make_key(const char *identity, const mg_settings *st, const mg_scope *scope)
{
	smart_str k = { 0 };

	smart_str_appends(&k, identity);
	smart_str_appendc(&k, '|');
	key_strs(&k, st->trainer_roles, st->ntrainer_roles);
	key_strs(&k, st->participant_roles, st->nparticipant_roles);
	key_str(&k, st->school_field);
	key_str(&k, st->duration_field);
	smart_str_append_long(&k, (zend_long)st->k);
	smart_str_appendc(&k, st->enablecompletion ? 'C' : 'c');
	if (st->installed_modules_given) {
		key_strs(&k, st->installed_modules, st->ninstalled_modules);
	} else {
		smart_str_appendc(&k, '*');
	}
	smart_str_appendc(&k, '|');
	smart_str_append_long(&k, (zend_long)scope->kind);
	smart_str_appendc(&k, ',');
	smart_str_append_long(&k, (zend_long)scope->courseid);
	smart_str_appendc(&k, ',');
	smart_str_append_long(&k, (zend_long)scope->userid);
	smart_str_0(&k);
	return k.s;
}

/* The scopes kept: those of pages (not an attestation file of some parcours,
 * nor the data-quality check, which reads everything). */
static int resident_scope(const mg_scope *scope)
{
	switch (scope->kind) {
	case MG_SCOPE_COURSE:
	case MG_SCOPE_TRANSPARENCY:
	case MG_SCOPE_USER:
	case MG_SCOPE_INSPECTOR:
	case MG_SCOPE_STATISTICS:
		return 1;
	case MG_SCOPE_ATTESTATIONS:
		return scope->ncourseids == 0;
	default:
		return 0;
	}
}

/* --------------------------------------------------------------- entries */

static void entry_free(php_mg_resident *e)
{
	mg_model_free(e->m);
	mg_rowset_free(e->rs);
	mg_stamp_keys_free(&e->keys);
	pefree(e->key, 1);
	pefree(e, 1);
}

/* Unlinks and frees the entry after *link. */
static void entry_drop(php_mg_resident **link)
{
	php_mg_resident *e = *link;

	*link = e->next;
	MAGISTERE_G(resident_bytes) -= e->bytes;
	MAGISTERE_G(resident_models)--;
	entry_free(e);
}

static php_mg_resident **entry_find(const zend_string *key)
{
	php_mg_resident **link = (php_mg_resident **)&MAGISTERE_G(resident_head);

	while (*link) {
		if ((*link)->keylen == ZSTR_LEN(key) && memcmp((*link)->key, ZSTR_VAL(key), ZSTR_LEN(key)) == 0) {
			return link;
		}
		link = &(*link)->next;
	}
	return NULL;
}

/* Evicts the least recently used entries until `bytes` more fit. */
static void make_room(size_t bytes)
{
	size_t budget = (size_t)MAGISTERE_G(resident_memory);

	while (MAGISTERE_G(resident_head) && MAGISTERE_G(resident_bytes) + bytes > budget) {
		php_mg_resident **link = (php_mg_resident **)&MAGISTERE_G(resident_head), **oldest = link;
		while (*link) {
			if ((*link)->used < (*oldest)->used) {
				oldest = link;
			}
			link = &(*link)->next;
		}
		entry_drop(oldest);
		MAGISTERE_G(resident_evictions)++;
	}
}

void php_mg_resident_clear(void)
{
	while (MAGISTERE_G(resident_head)) {
		entry_drop((php_mg_resident **)&MAGISTERE_G(resident_head));
	}
}

/* The window of "now" in which the enrolments of `rs` are what they were at
 * `now` (a start or an end between two instants changes who is a member). */
static void now_window(const mg_rowset *rs, int64_t now, int64_t *lo, int64_t *hi)
{
	size_t i, n = mg_rowset_count(rs, MG_T_USER_ENROLMENTS);

	*lo = INT64_MIN;
	*hi = INT64_MAX;
	for (i = 0; i < n; i++) {
		const mg_row_user_enrolments *ue = mg_rowset_get(rs, MG_T_USER_ENROLMENTS, i);
		int64_t t[2];
		int j;
		t[0] = ue->timestart;
		t[1] = ue->timeend;
		for (j = 0; j < 2; j++) {
			if (j == 1 && t[j] == 0) {
				continue; /* no end */
			}
			if (t[j] <= now) {
				if (t[j] > *lo) {
					*lo = t[j];
				}
			} else if (t[j] < *hi) {
				*hi = t[j];
			}
		}
	}
}

/* ------------------------------------------------------------ the door */

int php_mg_resident_wanted(const php_mg_source *src, const mg_scope *scope)
{
	return src->resident && src->ops->stamp && src->ops->identity && resident_scope(scope)
		&& MAGISTERE_G(resident_memory) > 0;
}

mg_status php_mg_resident_with_model(php_mg_source *src, php_mg_tracker *t, const mg_scope *scope,
	php_mg_model_fn fn, void *arg, mg_error *err)
{
	zend_string *key = make_key(src->ops->identity(src->store), &t->settings, scope);
	php_mg_resident **link = entry_find(key), *e = NULL;
	time_t wall = time(NULL);
	int64_t now = t->settings.now;
	mg_load_opts opts;
	mg_load_info info;
	mg_rowset *rs = NULL;
	mg_model *m = NULL;
	size_t live0;
	mg_status st;

	memset(&opts, 0, sizeof(opts));
	if (link) {
		e = *link;
		if (wall - e->created >= (time_t)MAGISTERE_G(resident_ttl) || wall < e->created
			|| now < e->now_lo || now >= e->now_hi) {
			entry_drop(link);
			e = NULL;
			link = NULL;
		}
	}
	if (e) {
		mg_stamp now_stamp;
		st = src->ops->stamp(src->store, &e->keys, &now_stamp, err);
		if (st != MG_OK) {
			zend_string_release(key);
			return st;
		}
		if (now_stamp.rows == e->stamp.rows && now_stamp.sum == e->stamp.sum) {
			e->used = ++MAGISTERE_G(resident_tick);
			MAGISTERE_G(resident_hits)++;
			zend_string_release(key);
			return fn(e->m, arg, err);
		}
		/* changed: read again, from a replica only if it has this change */
		opts.have_min = 1;
		opts.min = now_stamp;
		entry_drop(link);
		e = NULL;
	} else if (mg_scope_heavy(scope)) {
		/* a replica may serve it only if it is not behind the primary now */
		mg_stamp_keys keys;
		if (mg_stamp_keys_of(scope, NULL, &keys) != MG_OK) {
			zend_string_release(key);
			return mg_error_set(err, MG_ENOMEM, "out of memory");
		}
		st = src->ops->stamp(src->store, &keys, &opts.min, err);
		mg_stamp_keys_free(&keys);
		if (st != MG_OK) {
			zend_string_release(key);
			return st;
		}
		opts.have_min = 1;
	}
	MAGISTERE_G(resident_misses)++;
	opts.want_stamp = 1;
	opts.replica = 1;
	live0 = mg_mem_live();
	st = src->ops->load(src->store, scope, &t->settings, &opts, &rs, &info, err);
	if (st != MG_OK) {
		zend_string_release(key);
		return st;
	}
	m = mg_model_build(rs, &t->settings, err);
	if (!m) {
		mg_rowset_free(rs);
		zend_string_release(key);
		return err->code ? err->code : MG_ENOMEM;
	}
	st = mg_model_own_settings(m, err);
	if (st == MG_OK) {
		e = pecalloc(1, sizeof(*e), 1);
		e->rs = rs;
		e->m = m;
		e->stamp = info.stamp;
		e->created = wall;
		now_window(rs, now, &e->now_lo, &e->now_hi);
		if (mg_stamp_keys_of(scope, rs, &e->keys) != MG_OK) {
			pefree(e, 1);
			e = NULL;
			st = mg_error_set(err, MG_ENOMEM, "out of memory");
		} else {
			size_t live1;
			/* the window and the keys are taken: the rows can go, the
			 * model points into the rowset's strings only */
			mg_rowset_release_rows(rs);
			live1 = mg_mem_live();
			e->bytes = live1 > live0 ? live1 - live0 : 0;
		}
	}
	if (st != MG_OK) {
		mg_model_free(m);
		mg_rowset_free(rs);
		zend_string_release(key);
		return st;
	}
	if (e->bytes <= (size_t)MAGISTERE_G(resident_memory)) {
		make_room(e->bytes);
		e->key = pemalloc(ZSTR_LEN(key) + 1, 1);
		memcpy(e->key, ZSTR_VAL(key), ZSTR_LEN(key) + 1);
		e->keylen = ZSTR_LEN(key);
		e->used = ++MAGISTERE_G(resident_tick);
		e->next = MAGISTERE_G(resident_head);
		MAGISTERE_G(resident_head) = e;
		MAGISTERE_G(resident_bytes) += e->bytes;
		MAGISTERE_G(resident_models)++;
		zend_string_release(key);
		return fn(e->m, arg, err);
	}
	/* larger than the whole budget: used once */
	zend_string_release(key);
	st = fn(m, arg, err);
	e->m = NULL;
	e->rs = NULL;
	mg_stamp_keys_free(&e->keys);
	pefree(e, 1);
	mg_model_free(m);
	mg_rowset_free(rs);
	return st;
}
