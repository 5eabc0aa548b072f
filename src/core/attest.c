/*
 * The attestation walk (src/core/attest.h): what the administrative attestation file holds,
 * read from the model. Only the fields listed in attest.h are handed out.
 */
#include <stdlib.h>
#include <string.h>

#include "core_private.h"
#include "attest.h"

static _Thread_local const mg_model *walk_model;

static int cmp_course_idx(const void *a, const void *b)
{
	int64_t x = walk_model->courses[*(const uint32_t *)a].id;
	int64_t y = walk_model->courses[*(const uint32_t *)b].id;

	return x < y ? -1 : (x > y ? 1 : 0);
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : (x > y ? 1 : 0);
}

static void fill_participant(const mg_model *m, const mg_part *pa, mg_attest_participant *p)
{
	const mg_user *u = &m->users[pa->user];
	const mg_mark *mk = pa->mark == MG_NONE ? NULL : &m->marks[pa->mark];

	memset(p, 0, sizeof(*p));
	p->lastname = u->lastname;
	p->firstname = u->firstname;
	p->idnumber = mg_str_trim(u->idnumber);
	p->uai = u->school == MG_NONE || m->schools[u->school].uai_unfit ? MG_STR_NULL : m->schools[u->school].uai;
	p->finished = mk != NULL && mk->finished != 0;
	p->credited_minutes = p->finished ? mk->credited : MG_NULL_INT;
	p->marked_at = MG_NULL_INT;
	p->marked_by_firstname = MG_STR_NULL;
	p->marked_by_lastname = MG_STR_NULL;
	if (mk != NULL && mk->time > 0) {
		p->marked_at = mk->time;
	}
	if (mk != NULL && mk->by > 0) {
		uint32_t by = mg_model_user(m, mk->by);

		if (by != MG_NONE) {
			p->marked_by_firstname = m->users[by].firstname;
			p->marked_by_lastname = m->users[by].lastname;
		}
	}
}

static mg_status walk_course(const mg_model *m, uint32_t ci, const mg_attest_sink *sink,
	size_t *count, mg_error *err)
{
	const mg_course *co = &m->courses[ci];
	mg_attest_course c;
	uint32_t k;

	c.id = co->id;
	c.shortname = co->shortname;
	c.fullname = co->fullname;
	c.forecast_minutes = co->duration;
	if (sink->course_begin(sink->ctx, &c) != 0) {
		goto emit_fail;
	}
	for (k = 0; k < co->npa; k++) {
		mg_attest_participant p;

		fill_participant(m, &m->parts[co->pa_first + k], &p);
		if (sink->participant(sink->ctx, &p) != 0) {
			goto emit_fail;
		}
		(*count)++;
	}
	if (sink->course_end(sink->ctx) != 0) {
		goto emit_fail;
	}
	return MG_OK;
emit_fail:
	return mg_error_set(err, MG_EEMIT, "the attestations could not be written out");
}

mg_status mg_attest_walk(const mg_model *m, const int64_t *courseids, size_t ncourseids,
	const mg_attest_sink *sink, size_t *nparticipants, mg_error *err)
{
	uint32_t *order = NULL;
	size_t i, n = 0, count = 0;
	mg_status st = MG_OK;

	if (nparticipants != NULL) {
		*nparticipants = 0;
	}
	if (ncourseids > 0) {
		int64_t *sorted = mg_malloc(ncourseids * sizeof(int64_t));

		if (sorted == NULL) {
			return mg_error_set(err, MG_ENOMEM, "out of memory");
		}
		memcpy(sorted, courseids, ncourseids * sizeof(int64_t));
		qsort(sorted, ncourseids, sizeof(int64_t), cmp_i64);
		for (i = 1; i < ncourseids; i++) {
			if (sorted[i] == sorted[i - 1]) {
				st = mg_error_set(err, MG_EARG, "course %lld is given twice", (long long)sorted[i]);
				break;
			}
		}
		mg_free(sorted);
		if (st != MG_OK) {
			return st;
		}
		order = mg_malloc(ncourseids * sizeof(uint32_t));
		if (order == NULL) {
			return mg_error_set(err, MG_ENOMEM, "out of memory");
		}
		for (i = 0; i < ncourseids; i++) {
			uint32_t ci = mg_model_course(m, courseids[i]);

			if (ci == MG_NONE) {
				mg_free(order);
				return mg_error_set(err, MG_ENOTFOUND, "course %lld does not exist", (long long)courseids[i]);
			}
			order[n++] = ci;
		}
	} else {
		order = mg_malloc((m->ncourses ? m->ncourses : 1) * sizeof(uint32_t));
		if (order == NULL) {
			return mg_error_set(err, MG_ENOMEM, "out of memory");
		}
		for (i = 0; i < m->ncourses; i++) {
			if (m->courses[i].npa > 0) {
				order[n++] = (uint32_t)i;
			}
		}
		walk_model = m;
		qsort(order, n, sizeof(uint32_t), cmp_course_idx);
		walk_model = NULL;
	}
	for (i = 0; i < n && st == MG_OK; i++) {
		st = walk_course(m, order[i], sink, &count, err);
	}
	mg_free(order);
	if (st == MG_OK && nparticipants != NULL) {
		*nparticipants = count;
	}
	return st;
}
