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

typedef struct mg_store_ops {
	const char *kind; /* "rows", "mysql" */
	/* Non-zero when load() always answers the same rowset, whatever the
	 * scope: the caller may then cache the model built from it. */
	int shared;
	/* Fills *out with the rows `scope` needs. When the store is shared, *out
	 * is the store's own rowset (do not free it); otherwise it is a new
	 * rowset the caller frees with mg_rowset_free. On failure returns a
	 * negative status, fills err (MG_EIO for a server failure, MG_EDATA for
	 * rows the engine cannot use) and leaves *out NULL: never a half-filled
	 * rowset. */
	mg_status (*load)(void *store, const mg_scope *scope, const mg_settings *settings,
		mg_rowset **out, mg_error *err);
	/* Releases the store; accepts NULL. */
	void (*free)(void *store);
} mg_store_ops;

/* The rows store over a rowset it takes ownership of. */
extern const mg_store_ops mg_store_rows_ops;

#endif /* MAGISTERE_STORE_STORE_H */
