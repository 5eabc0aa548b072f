/*
 * Writes the administrative attestation file (docs/xml-attestations.md) from the model,
 * through the core's attestation walk (src/core/attest.c).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xml/xml_private.h"

typedef struct attest_ctx {
	mg_xml_out *o;
	const char *what;     /* what failed */
	char *buf;            /* a participant's element, serialised (grown, freed at the end) */
	size_t cap;
	int raw;              /* participants written raw in this parcours: its end tag is indented here */
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

/*
 * A participant's element is serialised here and handed to the writer whole
 * (xmlTextWriterWriteRawLen): through xmlTextWriterWriteAttribute each of its
 * attributes cost about a thousand instructions, a third of the export
 * (docs/benchmarks.md, fourth round). Values are escaped as xmlTextWriter escapes
 * an attribute value, and the bytes go through the schema validator like the
 * rest of the document: a value the schema refuses still fails the export.
 */

/* The most bytes a value of n bytes takes once escaped ("&quot;" for '"'). */
#define ESCAPED_MAX(n) (6 * (n))

static char *put_lit(char *d, const char *s, size_t n)
{
	memcpy(d, s, n);
	return d + n;
}

#define PUT_LIT(d, s) put_lit((d), (s), sizeof(s) - 1)

static char *put_escaped(char *d, mg_str v)
{
	const unsigned char *s = (const unsigned char *)v.ptr;

	for (size_t i = 0; i < v.len; i++) {
		switch (s[i]) {
		case '&': d = PUT_LIT(d, "&amp;"); break;
		case '<': d = PUT_LIT(d, "&lt;"); break;
		case '>': d = PUT_LIT(d, "&gt;"); break;
		case '"': d = PUT_LIT(d, "&quot;"); break;
		case '\t': d = PUT_LIT(d, "&#9;"); break;
		case '\n': d = PUT_LIT(d, "&#10;"); break;
		case '\r': d = PUT_LIT(d, "&#13;"); break;
		default: *d++ = (char)s[i]; break;
		}
	}
	return d;
}

/* ` name="value"`, the name a string literal. */
#define PUT_ATTR_STR(d, name, v) put_escaped(PUT_LIT((d), " " name "=\""), (v))

static char *put_int(char *d, int64_t v)
{
	char tmp[24];
	size_t n = 0;
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (v < 0) {
		*d++ = '-';
	}
	while (n > 0) {
		*d++ = tmp[--n];
	}
	return d;
}

static int on_participant(void *arg, const mg_attest_participant *p)
{
	attest_ctx *a = arg;
	size_t need;
	char *d;

	a->what = "a participant";
	need = 256 + ESCAPED_MAX(p->lastname.len + p->firstname.len + p->idnumber.len + p->uai.len
		+ p->marked_by_firstname.len + p->marked_by_lastname.len);
	if (need > INT_MAX) {
		return -1;
	}
	if (need > a->cap) {
		char *nb = realloc(a->buf, need);

		if (nb == NULL) {
			return -1;
		}
		a->buf = nb;
		a->cap = need;
	}
	d = PUT_LIT(a->buf, "\n    <participant");
	d = PUT_LIT(PUT_ATTR_STR(d, "lastname", p->lastname), "\"");
	d = PUT_LIT(PUT_ATTR_STR(d, "firstname", p->firstname), "\"");
	if (p->idnumber.len > 0) {
		d = PUT_LIT(PUT_ATTR_STR(d, "idnumber", p->idnumber), "\"");
	}
	if (p->uai.len > 0) {
		d = PUT_LIT(PUT_ATTR_STR(d, "uai", p->uai), "\"");
	}
	d = p->finished ? PUT_LIT(d, " finished=\"true\"") : PUT_LIT(d, " finished=\"false\"");
	if (p->finished && p->credited_minutes != MG_NULL_INT) {
		d = PUT_LIT(put_int(PUT_LIT(d, " credited-minutes=\""), p->credited_minutes), "\"");
	}
	if (p->marked_at != MG_NULL_INT) {
		char when[32];
		size_t fl = p->marked_by_firstname.len, ll = p->marked_by_lastname.len;

		mg_xml_format_time(p->marked_at, when, sizeof(when));
		d = PUT_LIT(put_lit(PUT_LIT(d, " marked-at=\""), when, strlen(when)), "\"");
		if (fl > 0 || ll > 0) {
			/* the trainer's full name: "first last", or the one of them he has */
			d = put_escaped(PUT_LIT(d, " marked-by=\""), p->marked_by_firstname);
			if (fl > 0 && ll > 0) {
				*d++ = ' ';
			}
			d = PUT_LIT(put_escaped(d, p->marked_by_lastname), "\"");
		}
	}
	d = PUT_LIT(d, "/>");
	a->raw = 1;
	return xmlTextWriterWriteRawLen(a->o->w, BAD_CAST a->buf, (int)(d - a->buf)) < 0 ? -1 : 0;
}

static int on_course_end(void *arg)
{
	attest_ctx *a = arg;

	a->what = "a parcours";
	if (a->raw && xmlTextWriterWriteRaw(a->o->w, BAD_CAST "\n  ") < 0) {
		return -1;
	}
	a->raw = 0;
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
	a.buf = NULL;
	a.cap = 0;
	a.raw = 0;
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
	free(a.buf);
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
