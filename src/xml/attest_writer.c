/*
 * Writes the administrative attestation file (docs/xml-attestations.md) from the model,
 * through the core's attestation walk (src/core/attest.c).
 */
#include <stdio.h>
#include <string.h>

#include "xml/xml_private.h"

typedef struct attest_ctx {
	mg_xml_out *o;
	const char *what;     /* what failed */
} attest_ctx;

static int on_course(void *arg, const mg_attest_course *c)
{
	attest_ctx *a = arg;
	xmlTextWriterPtr w = a->o->w;

	a->what = "a parcours";
	if (xmlTextWriterStartElement(w, BAD_CAST "parcours") < 0
			|| mg_xml_attr_int(w, "id", c->id) < 0
			|| mg_xml_attr_str(w, "shortname", c->shortname) < 0
			|| mg_xml_attr_str(w, "fullname", c->fullname) < 0) {
		return -1;
	}
	if (c->forecast_minutes != MG_NULL_INT && mg_xml_attr_int(w, "forecast-minutes", c->forecast_minutes) < 0) {
		return -1;
	}
	return 0;
}

static int write_marker(xmlTextWriterPtr w, const mg_attest_participant *p)
{
	char name[512];
	size_t fl = p->marked_by_firstname.len, ll = p->marked_by_lastname.len;
	mg_str full;

	if (fl == 0 && ll == 0) {
		return 0;
	}
	if (fl + ll + 2 > sizeof(name)) {
		/* Names are at most 100 characters in Moodle; never truncate silently. */
		return -1;
	}
	memcpy(name, p->marked_by_firstname.ptr, fl);
	if (fl > 0 && ll > 0) {
		name[fl++] = ' ';
	}
	memcpy(name + fl, p->marked_by_lastname.ptr, ll);
	full.ptr = name;
	full.len = fl + ll;
	return mg_xml_attr_str(w, "marked-by", full);
}

static int on_participant(void *arg, const mg_attest_participant *p)
{
	attest_ctx *a = arg;
	xmlTextWriterPtr w = a->o->w;

	a->what = "a participant";
	if (xmlTextWriterStartElement(w, BAD_CAST "participant") < 0
			|| mg_xml_attr_str(w, "lastname", p->lastname) < 0
			|| mg_xml_attr_str(w, "firstname", p->firstname) < 0) {
		return -1;
	}
	if (p->idnumber.len > 0 && mg_xml_attr_str(w, "idnumber", p->idnumber) < 0) {
		return -1;
	}
	if (p->uai.len > 0 && mg_xml_attr_str(w, "uai", p->uai) < 0) {
		return -1;
	}
	if (xmlTextWriterWriteAttribute(w, BAD_CAST "finished", BAD_CAST(p->finished ? "true" : "false")) < 0) {
		return -1;
	}
	if (p->finished && p->credited_minutes != MG_NULL_INT
			&& mg_xml_attr_int(w, "credited-minutes", p->credited_minutes) < 0) {
		return -1;
	}
	if (p->marked_at != MG_NULL_INT) {
		char when[32];

		mg_xml_format_time(p->marked_at, when, sizeof(when));
		if (xmlTextWriterWriteAttribute(w, BAD_CAST "marked-at", BAD_CAST when) < 0
				|| write_marker(w, p) < 0) {
			return -1;
		}
	}
	return xmlTextWriterEndElement(w) < 0 ? -1 : 0;
}

static int on_course_end(void *arg)
{
	attest_ctx *a = arg;

	a->what = "a parcours";
	return xmlTextWriterEndElement(a->o->w) < 0 ? -1 : 0;
}

mg_status mg_xml_attest_write(const mg_model *m, const int64_t *courseids, size_t ncourseids,
	int64_t generated, const mg_xml_sink *sink, size_t *nparticipants, mg_error *err)
{
	mg_xml_out o;
	attest_ctx a;
	mg_attest_sink walk;
	mg_status st;
	char when[32];
	int ok = 0;

	if (nparticipants != NULL) {
		*nparticipants = 0;
	}
	st = mg_xml_out_open(&o, MG_XML_ATTESTATIONS, sink, err);
	if (st != MG_OK) {
		if (o.w != NULL || o.v != NULL) {
			mg_xml_out_close(&o, 0);
		}
		return st;
	}
	a.o = &o;
	a.what = "the root";
	mg_xml_format_time(generated, when, sizeof(when));
	if (xmlTextWriterStartElementNS(o.w, NULL, BAD_CAST "attestations", BAD_CAST MG_XML_ATTEST_NS) < 0
			|| xmlTextWriterWriteAttribute(o.w, BAD_CAST "version", BAD_CAST "1") < 0
			|| xmlTextWriterWriteAttribute(o.w, BAD_CAST "generated", BAD_CAST when) < 0
			|| xmlTextWriterWriteAttribute(o.w, BAD_CAST "generator", BAD_CAST "magistere " MG_VERSION) < 0) {
		st = mg_xml_out_failure(&o, a.what);
		goto done;
	}
	walk.ctx = &a;
	walk.course_begin = on_course;
	walk.participant = on_participant;
	walk.course_end = on_course_end;
	st = mg_attest_walk(m, courseids, ncourseids, &walk, nparticipants, err);
	if (st == MG_EEMIT) {
		st = mg_xml_out_failure(&o, a.what);
		goto done;
	}
	if (st != MG_OK) {
		goto done;
	}
	if (xmlTextWriterEndElement(o.w) < 0) {
		st = mg_xml_out_failure(&o, "the root");
		goto done;
	}
	ok = 1;
done:
	{
		mg_status cst = mg_xml_out_close(&o, ok);

		if (ok) {
			st = cst;
		}
	}
	if (st != MG_OK && nparticipants != NULL) {
		*nparticipants = 0;
	}
	return st;
}
