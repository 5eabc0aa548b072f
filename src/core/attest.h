/*
 * The data of the administrative attestation file (docs/xml-attestations.md), walked out of the
 * model in plain C: per parcours, its id, names and forecast duration; per participation (a
 * current participant, or a training record that outlived the enrolment: docs/rules.md), his
 * school's UAI, his Moodle idnumber, his name, the trainer's mark (finished or not), the
 * credited duration, and when and by whom the mark was last set. Nothing else leaves: no
 * progress, no activity, no connection data (R3, R6, R7).
 */
#ifndef MAGISTERE_CORE_ATTEST_H
#define MAGISTERE_CORE_ATTEST_H

#include "core/core.h"

typedef struct mg_attest_course {
	int64_t id;
	mg_str shortname;
	mg_str fullname;
	int64_t forecast_minutes;   /* MG_NULL_INT when the parcours has no forecast duration */
} mg_attest_course;

typedef struct mg_attest_participant {
	mg_str lastname;
	mg_str firstname;
	mg_str idnumber;            /* empty when not set */
	mg_str uai;                 /* empty when his school is unknown */
	int finished;               /* the trainer's mark: 1 finished, 0 not (or never marked) */
	int64_t credited_minutes;   /* MG_NULL_INT unless finished (R7 snapshot) */
	int64_t marked_at;          /* Unix time of the last change of the mark; MG_NULL_INT if none */
	mg_str marked_by_firstname; /* who set it; empty when never marked or the user is unknown */
	mg_str marked_by_lastname;
} mg_attest_participant;

/* Receives the walk. Each callback returns 0 to go on, non-zero to stop the walk (which then
 * returns MG_EEMIT). Strings handed to the callbacks live as long as the model. */
typedef struct mg_attest_sink {
	void *ctx;
	int (*course_begin)(void *ctx, const mg_attest_course *course);
	int (*participant)(void *ctx, const mg_attest_participant *p);
	int (*course_end)(void *ctx);
} mg_attest_sink;

/* Walks the parcours `courseids` (in that order; every parcours of the model that has at least
 * one participation, by id, when ncourseids is 0) and, in each, its participations sorted by
 * last name, first name and id. MG_ENOTFOUND for an unknown course id, MG_EARG for
 * a course id given twice. *nparticipants (may be NULL) receives the number of participants
 * handed to the sink. Memory: one index per parcours walked, besides the model. */
mg_status mg_attest_walk(const mg_model *m, const int64_t *courseids, size_t ncourseids,
	const mg_attest_sink *sink, size_t *nparticipants, mg_error *err);

#endif /* MAGISTERE_CORE_ATTEST_H */
