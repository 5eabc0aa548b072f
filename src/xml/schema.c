/*
 * The embedded schemas, libxml2 diagnostics, the push validator and the validated output
 * pipeline shared by the two writers.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlreader.h>

#include "xml/xml_private.h"
#include "xml/schemas_embedded.h"

/* ------------------------------------------------------------- diagnostics */

static void errsink_record(mg_xml_errsink *es, int line, int is_warning, const char *msg)
{
	char clean[MG_ERROR_MSG_MAX];
	size_t n = strlen(msg), i;

	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == '\r' || msg[n - 1] == ' ')) {
		n--;
	}
	if (n >= sizeof(clean)) {
		n = sizeof(clean) - 1;
	}
	memcpy(clean, msg, n);
	clean[n] = '\0';
	for (i = 0; i < n; i++) {
		if (clean[i] == '\n' || clean[i] == '\r' || clean[i] == '\t') {
			clean[i] = ' ';
		}
	}
	if (es->diag != NULL) {
		es->diag(es->diag_arg, es->name, line, is_warning, clean);
	}
	if (is_warning) {
		return;
	}
	if (es->nerrors++ == 0 && es->err != NULL) {
		if (line > 0) {
			mg_error_set(es->err, MG_EXML, "%s line %d: %s", es->name, line, clean);
		} else {
			mg_error_set(es->err, MG_EXML, "%s: %s", es->name, clean);
		}
	}
}

void mg_xml_structured_error(void *arg, xmlErrorPtr e)
{
	mg_xml_errsink *es = arg;
	int line;

	if (es == NULL || e == NULL) {
		return;
	}
	line = e->line;
	if (line <= 0 && es->line_ctxt != NULL && es->line_ctxt->input != NULL) {
		line = es->line_ctxt->input->line;
	}
	if (line <= 0 && es->line_reader != NULL) {
		line = xmlTextReaderGetParserLineNumber((xmlTextReaderPtr)es->line_reader);
	}
	if (line <= 0) {
		line = es->fallback_line;
	}
	errsink_record(es, line, e->level == XML_ERR_WARNING,
		e->message != NULL ? e->message : "unknown libxml2 error");
}

void mg_xml_errsink_fail(mg_xml_errsink *es, int line, const char *fmt, ...)
{
	char buf[MG_ERROR_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	errsink_record(es, line, 0, buf);
}

/* ------------------------------------------------------------------ schemas */

static xmlSchemaPtr schema_cache[2];

static xmlSchemaPtr schema_parse(mg_xml_format fmt, mg_error *err)
{
	const unsigned char *xsd = fmt == MG_XML_STATISTICS ? mg_xsd_statistics_2 : mg_xsd_attestations_1;
	size_t len = fmt == MG_XML_STATISTICS ? mg_xsd_statistics_2_len : mg_xsd_attestations_1_len;
	mg_xml_errsink es = { "embedded schema", NULL, NULL, err, 0, 0, NULL, NULL };
	xmlSchemaParserCtxtPtr pc;
	xmlSchemaPtr schema;

	pc = xmlSchemaNewMemParserCtxt((const char *)xsd, (int)len);
	if (pc == NULL) {
		mg_error_set(err, MG_ENOMEM, "cannot create the schema parser");
		return NULL;
	}
	xmlSchemaSetParserStructuredErrors(pc, mg_xml_structured_error, &es);
	schema = xmlSchemaParse(pc);
	xmlSchemaFreeParserCtxt(pc);
	if (schema == NULL && es.nerrors == 0) {
		mg_error_set(err, MG_EXML, "the embedded schema cannot be parsed");
	}
	return schema;
}

mg_status mg_xml_schemas_init(mg_error *err)
{
	int f;

	for (f = 0; f < 2; f++) {
		if (schema_cache[f] == NULL) {
			schema_cache[f] = schema_parse((mg_xml_format)f, err);
			if (schema_cache[f] == NULL) {
				mg_xml_schemas_shutdown();
				return err != NULL && err->code != MG_OK ? err->code : MG_EXML;
			}
		}
	}
	return MG_OK;
}

void mg_xml_schemas_shutdown(void)
{
	int f;

	for (f = 0; f < 2; f++) {
		if (schema_cache[f] != NULL) {
			xmlSchemaFree(schema_cache[f]);
			schema_cache[f] = NULL;
		}
	}
}

xmlSchemaPtr mg_xml_schema_get(mg_xml_format fmt, int *owned, mg_error *err)
{
	int f = fmt == MG_XML_STATISTICS ? MG_XML_STATISTICS : MG_XML_ATTESTATIONS;

	if (schema_cache[f] != NULL) {
		*owned = 0;
		return schema_cache[f];
	}
	*owned = 1;
	return schema_parse((mg_xml_format)f, err);
}

/* --------------------------------------------------------------- validator */

struct mg_xml_validator {
	xmlSchemaPtr schema;
	int schema_owned;
	xmlSchemaValidCtxtPtr vctxt;
	xmlParserCtxtPtr pctxt;
	xmlSchemaSAXPlugPtr plug;
	xmlSAXHandler sax;
	mg_xml_errsink *es;
};

mg_xml_validator *mg_xml_validator_new(mg_xml_format fmt, mg_xml_errsink *es)
{
	mg_xml_validator *v = calloc(1, sizeof(*v));

	if (v == NULL) {
		mg_error_set(es->err, MG_ENOMEM, "out of memory");
		return NULL;
	}
	v->es = es;
	v->schema = mg_xml_schema_get(fmt, &v->schema_owned, es->err);
	if (v->schema == NULL) {
		goto error;
	}
	v->vctxt = xmlSchemaNewValidCtxt(v->schema);
	if (v->vctxt == NULL) {
		mg_error_set(es->err, MG_ENOMEM, "cannot create the schema validator");
		goto error;
	}
	xmlSchemaSetValidStructuredErrors(v->vctxt, mg_xml_structured_error, es);
	/* A SAX handler that builds nothing: the plug wraps it with the validator's callbacks. */
	v->sax.initialized = XML_SAX2_MAGIC;
	v->pctxt = xmlCreatePushParserCtxt(&v->sax, es, NULL, 0, es->name);
	if (v->pctxt == NULL) {
		mg_error_set(es->err, MG_ENOMEM, "cannot create the validating parser");
		goto error;
	}
	xmlCtxtUseOptions(v->pctxt, XML_PARSE_NONET);
	es->line_ctxt = v->pctxt;
	v->plug = xmlSchemaSAXPlug(v->vctxt, &v->pctxt->sax, &v->pctxt->userData);
	if (v->plug == NULL) {
		mg_error_set(es->err, MG_ENOMEM, "cannot plug the schema validator");
		goto error;
	}
	return v;
error:
	mg_xml_validator_free(v);
	return NULL;
}

int mg_xml_validator_feed(mg_xml_validator *v, const char *buf, size_t len)
{
	while (len > 0) {
		int n = len > 65536 ? 65536 : (int)len;

		if (xmlParseChunk(v->pctxt, buf, n, 0) != 0) {
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

mg_status mg_xml_validator_finish(mg_xml_validator *v)
{
	xmlParseChunk(v->pctxt, NULL, 0, 1);
	if (!v->pctxt->wellFormed || xmlSchemaIsValid(v->vctxt) != 1 || v->es->nerrors > 0) {
		if (v->es->nerrors == 0) {
			xmlErrorPtr e = xmlCtxtGetLastError(v->pctxt);

			mg_xml_errsink_fail(v->es, e != NULL ? e->line : 0, "%s",
				e != NULL && e->message != NULL ? e->message : "the document is not valid");
		}
		return MG_EXML;
	}
	return MG_OK;
}

void mg_xml_validator_free(mg_xml_validator *v)
{
	if (v == NULL) {
		return;
	}
	if (v->es != NULL && v->es->line_ctxt == v->pctxt) {
		v->es->line_ctxt = NULL;
	}
	if (v->plug != NULL) {
		xmlSchemaSAXUnplug(v->plug);
	}
	if (v->pctxt != NULL) {
		if (v->pctxt->myDoc != NULL) {
			xmlFreeDoc(v->pctxt->myDoc);
		}
		xmlFreeParserCtxt(v->pctxt);
	}
	if (v->vctxt != NULL) {
		xmlSchemaFreeValidCtxt(v->vctxt);
	}
	if (v->schema != NULL && v->schema_owned) {
		xmlSchemaFree(v->schema);
	}
	free(v);
}

/* ----------------------------------------------------------------- output */

static int out_write(void *ctx, const char *buf, int len)
{
	mg_xml_out *o = ctx;

	if (len <= 0) {
		return 0;
	}
	if (!o->sink_failed && o->sink->write(o->sink->arg, buf, (size_t)len) != 0) {
		o->sink_failed = 1;
	}
	if (!o->validator_failed && mg_xml_validator_feed(o->v, buf, (size_t)len) != 0) {
		o->validator_failed = 1;
	}
	/* A failing sink stops the writer; an invalid document is reported at the end. */
	return o->sink_failed ? -1 : len;
}

static int out_close(void *ctx)
{
	(void)ctx;
	return 0;
}

mg_status mg_xml_out_open(mg_xml_out *o, mg_xml_format fmt, const mg_xml_sink *sink, mg_error *err)
{
	xmlOutputBufferPtr buf;

	memset(o, 0, sizeof(*o));
	o->sink = sink;
	o->err = err;
	o->es.name = sink->name != NULL ? sink->name : "output";
	o->es.diag = sink->diag;
	o->es.diag_arg = sink->diag_arg;
	o->es.err = err;
	o->v = mg_xml_validator_new(fmt, &o->es);
	if (o->v == NULL) {
		return err != NULL && err->code != MG_OK ? err->code : MG_ENOMEM;
	}
	buf = xmlOutputBufferCreateIO(out_write, out_close, o, NULL);
	if (buf == NULL) {
		mg_xml_validator_free(o->v);
		o->v = NULL;
		return mg_error_set(err, MG_ENOMEM, "cannot create the output buffer");
	}
	o->w = xmlNewTextWriter(buf);   /* owns buf from here on */
	if (o->w == NULL) {
		xmlOutputBufferClose(buf);
		mg_xml_validator_free(o->v);
		o->v = NULL;
		return mg_error_set(err, MG_ENOMEM, "cannot create the XML writer");
	}
	xmlTextWriterSetIndent(o->w, 1);
	xmlTextWriterSetIndentString(o->w, BAD_CAST "  ");
	if (xmlTextWriterStartDocument(o->w, "1.0", "UTF-8", NULL) < 0) {
		return mg_xml_out_failure(o, "the XML declaration");
	}
	return MG_OK;
}

mg_status mg_xml_out_failure(mg_xml_out *o, const char *what)
{
	if (o->sink_failed) {
		return mg_error_set(o->err, MG_EIO, "%s: cannot write %s", o->es.name, what);
	}
	return mg_error_set(o->err, MG_EXML, "%s: libxml2 cannot write %s", o->es.name, what);
}

mg_status mg_xml_out_close(mg_xml_out *o, int ok)
{
	mg_status st = MG_OK;

	if (o->w != NULL) {
		if (ok && xmlTextWriterEndDocument(o->w) < 0) {
			st = mg_xml_out_failure(o, "the end of the document");
			ok = 0;
		}
		if (ok && xmlTextWriterFlush(o->w) < 0) {
			st = mg_xml_out_failure(o, "the document");
			ok = 0;
		}
		xmlFreeTextWriter(o->w);   /* closes the output buffer */
		o->w = NULL;
	}
	if (ok && o->sink_failed) {
		st = mg_error_set(o->err, MG_EIO, "%s: the output cannot be written", o->es.name);
		ok = 0;
	}
	if (ok) {
		st = mg_xml_validator_finish(o->v);
		if (st != MG_OK) {
			/* The message recorded by the validator comes first; say it is ours. */
			char msg[MG_ERROR_MSG_MAX];

			snprintf(msg, sizeof(msg), "%s", o->err != NULL ? o->err->message : "");
			st = mg_error_set(o->err, MG_EXML, "the written document does not validate: %s", msg);
		}
	}
	mg_xml_validator_free(o->v);
	o->v = NULL;
	return st;
}

/* ---------------------------------------------------------------- helpers */

int mg_xml_attr_str(xmlTextWriterPtr w, const char *name, mg_str v)
{
	char stackbuf[256];
	char *s = stackbuf;
	int rc;

	if (v.len >= sizeof(stackbuf)) {
		s = malloc(v.len + 1);
		if (s == NULL) {
			return -1;
		}
	}
	if (v.len > 0) {
		memcpy(s, v.ptr, v.len);
	}
	s[v.len] = '\0';
	rc = xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST s);
	if (s != stackbuf) {
		free(s);
	}
	return rc;
}

int mg_xml_attr_int(xmlTextWriterPtr w, const char *name, int64_t v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%" PRId64, v);
	return xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST buf);
}

void mg_xml_format_time(int64_t t, char *buf, size_t size)
{
	struct tm tm;
	time_t tt = (time_t)t;

	if (gmtime_r(&tt, &tm) == NULL) {
		tt = 0;
		gmtime_r(&tt, &tm);
	}
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
static int64_t days_from_civil(int64_t y, int64_t m, int64_t d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int parse_digits(const char **p, int n, int64_t *out)
{
	int64_t v = 0;
	int i;

	for (i = 0; i < n; i++) {
		if ((*p)[i] < '0' || (*p)[i] > '9') {
			return -1;
		}
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*out = v;
	return 0;
}

int mg_xml_parse_time(const char *s, int64_t *out)
{
	const char *p = s;
	int64_t y, mo, d, h, mi, se, tzh = 0, tzm = 0, sign = 1;

	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
		p++;
	}
	if (parse_digits(&p, 4, &y) != 0 || *p++ != '-' || parse_digits(&p, 2, &mo) != 0 || *p++ != '-'
			|| parse_digits(&p, 2, &d) != 0 || *p++ != 'T' || parse_digits(&p, 2, &h) != 0 || *p++ != ':'
			|| parse_digits(&p, 2, &mi) != 0 || *p++ != ':' || parse_digits(&p, 2, &se) != 0) {
		return -1;
	}
	if (*p == '.') {
		p++;
		while (*p >= '0' && *p <= '9') {
			p++;
		}
	}
	if (*p == 'Z') {
		p++;
	} else if (*p == '+' || *p == '-') {
		sign = *p == '-' ? -1 : 1;
		p++;
		if (parse_digits(&p, 2, &tzh) != 0 || *p++ != ':' || parse_digits(&p, 2, &tzm) != 0) {
			return -1;
		}
	}
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
		p++;
	}
	if (*p != '\0' || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || se > 60) {
		return -1;
	}
	*out = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se - sign * (tzh * 3600 + tzm * 60);
	return 0;
}
