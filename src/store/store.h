/*
 * Stores: what fills an mg_rowset for a request.
 *
 * A store is opened by the glue (src/php/source*.c) and kept by the
 * Magistere\Source object. For each view the Tracker asks the store for the
 * rows that view needs (its scope). The rows store answers with the rowset it
 * was given once (shared: the Tracker builds its model once and keeps it);
 * the mysql store reads the scope's rows from the server into a new rowset
 * for every request.
 */
#ifndef MAGISTERE_STORE_STORE_H
#define MAGISTERE_STORE_STORE_H

#include "core/core.h"

typedef enum mg_scope_kind {
	MG_SCOPE_COURSE,        /* participant and trainer views of `courseid` */
	MG_SCOPE_INSPECTOR,     /* inspector view of `userid` (all his circonscriptions) */
	MG_SCOPE_STATISTICS,    /* every participant enrolment, schools, marks; no activity */
	MG_SCOPE_TRANSPARENCY,  /* `courseid` + what the inspector and ministry see of `userid` */
	MG_SCOPE_ATTESTATIONS,  /* participants and marks of `courseids` (all when ncourseids == 0) */
	MG_SCOPE_USER,          /* "my trainings" of `userid`: his parcours, his own completions */
	MG_SCOPE_ALL            /* everything (data quality, the rows store) */
} mg_scope_kind;

typedef struct mg_scope {
	mg_scope_kind kind;
	int64_t courseid;
	int64_t userid;
	const int64_t *courseids;
	size_t ncourseids;
} mg_scope;

/* The change stamps of a scope (docs/resident.md): the plugin keeps one
 * counter per course, per user and one for the site in a table, and bumps
 * them whenever something a view shows changes through Moodle. Counters only
 * grow and rows are never deleted, so the sum of a fixed set of them grows
 * with every change to any of them: two equal stamps mean nothing changed in
 * between, and a replica whose stamp is at least the primary's holds every
 * change the primary had. */
typedef struct mg_stamp {
	int64_t rows;   /* how many counters exist */
	int64_t sum;    /* their sum */
} mg_stamp;

/* Which counters make the stamp of a scope: always the site's; a course's
 * views, the course's; "my trainings", the memberships' (who is enrolled,
 * holds a role or has a mark where) and those of the courses it shows; the
 * other scopes (inspector, statistics, files), every counter. No counter is
 * kept per person (a count of the changes about someone would record his
 * activity). */
typedef struct mg_stamp_keys {
	int whole;
	int members;                /* the memberships' counter */
	int64_t *courseids;         /* owned (mg_malloc'd) */
	size_t ncourseids;
} mg_stamp_keys;

/* The counters of `scope`; for "my trainings" those of the courses of `rs`
 * (the rows read for it). MG_ENOMEM only. */
mg_status mg_stamp_keys_of(const mg_scope *scope, const mg_rowset *rs, mg_stamp_keys *out);
void mg_stamp_keys_free(mg_stamp_keys *k);

/* Whether a scope is one of the heavy ones read from a replica when there is
 * one (inspector, statistics, attestation files, data quality). */
int mg_scope_heavy(const mg_scope *scope);

/* How a load may go, and what it did. */
typedef struct mg_load_opts {
	int want_stamp;        /* read the scope's stamp in the load's snapshot */
	int replica;           /* a heavy scope may be read from a replica */
	int have_min;          /* the primary's stamp before the load is known: */
	mg_stamp min;          /* a replica behind it is not used */
} mg_load_opts;

typedef struct mg_load_info {
	mg_stamp stamp;        /* with want_stamp: the stamp the rows agree with */
	int from_replica;      /* the rows come from a replica */
	int replica_behind;    /* a replica was read, found behind, and the primary used */
} mg_load_info;

typedef struct mg_store_ops {
	const char *kind; /* "rows", "mysql" */
	/* Non-zero when load() always answers the same rowset, whatever the
	 * scope: the caller may then cache the model built from it. */
	int shared;
	/* Fills *out with the rows `scope` needs. When the store is shared, *out
	 * is the store's own rowset (do not free it); otherwise it is a new
	 * rowset the caller frees with mg_rowset_free. `opts` may be NULL (no
	 * stamp, the primary); `info` may be NULL. On failure returns a negative
	 * status, fills err (MG_EIO for a server failure, MG_EDATA for rows the
	 * engine cannot use) and leaves *out NULL: never a half-filled rowset. */
	mg_status (*load)(void *store, const mg_scope *scope, const mg_settings *settings,
		const mg_load_opts *opts, mg_rowset **out, mg_load_info *info, mg_error *err);
	/* Reads the stamp of `keys` now, on the primary (NULL for a store without
	 * stamps). */
	mg_status (*stamp)(void *store, const mg_stamp_keys *keys, mg_stamp *out, mg_error *err);
	/* A string naming the database the store reads (host, port, socket,
	 * database, prefix; never a password), for keys of resident models; NULL
	 * for a store whose rows are its own. Owned by the store. */
	const char *(*identity)(void *store);
	/* Releases the store; accepts NULL. */
	void (*free)(void *store);
} mg_store_ops;

/* The rows store over a rowset it takes ownership of. */
extern const mg_store_ops mg_store_rows_ops;

#endif /* MAGISTERE_STORE_STORE_H */
