/*
 * Internals of src/xml shared by its files: the embedded schemas, the streaming validator,
 * the validated output pipeline and small helpers. libxml2 only, no Zend.
 */
#ifndef MAGISTERE_XML_XML_PRIVATE_H
#define MAGISTERE_XML_XML_PRIVATE_H

#include <libxml/xmlschemas.h>
#include <libxml/xmlwriter.h>
#include "xml/xml.h"

/* ---------------------------------------------------------------- schemas */

/* The parsed XSD of `fmt`: the one parsed by mg_xml_schemas_init() when it ran (*owned = 0),
 * else a new one the caller frees with xmlSchemaFree (*owned = 1). NULL on failure (err
 * filled: a broken embedded schema is a build defect). */
xmlSchemaPtr mg_xml_schema_get(mg_xml_format fmt, int *owned, mg_error *err);

/* Forwards a libxml2 structured error to a diag callback and records the first error in an
 * mg_error as "<name> line <n>: <message>". */
typedef struct mg_xml_errsink {
	const char *name;
	mg_xml_diag_fn diag;
	void *diag_arg;
	mg_error *err;          /* first error recorded here (code MG_EXML) */
	int nerrors;
	int fallback_line;      /* used when libxml2 gives no line and no context below */
	xmlParserCtxtPtr line_ctxt;   /* when set, its current line is used instead */
	void *line_reader;            /* xmlTextReaderPtr: the same */
} mg_xml_errsink;

void mg_xml_structured_error(void *arg, xmlErrorPtr e);
/* Records an error of our own (not from libxml2) the same way, and tells the diag callback. */
void mg_xml_errsink_fail(mg_xml_errsink *es, int line, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;

/* ------------------------------------------------------ validated output */

/* A push validator: the bytes of a document are fed as they are produced and validated
 * against the schema by SAX, building no tree. */
typedef struct mg_xml_validator mg_xml_validator;
mg_xml_validator *mg_xml_validator_new(mg_xml_format fmt, mg_xml_errsink *es);
/* Returns 0 on success. */
int mg_xml_validator_feed(mg_xml_validator *v, const char *buf, size_t len);
/* Ends the document: MG_OK when it was well-formed and valid, else MG_EXML (es->err filled). */
mg_status mg_xml_validator_finish(mg_xml_validator *v);
void mg_xml_validator_free(mg_xml_validator *v);

/* The output pipeline: an xmlTextWriter over an xmlOutputBuffer whose write callback hands
 * the bytes to the sink and to the validator. */
typedef struct mg_xml_out {
	xmlTextWriterPtr w;
	const mg_xml_sink *sink;
	mg_xml_validator *v;
	mg_xml_errsink es;
	int sink_failed;
	int validator_failed;
	mg_error *err;
} mg_xml_out;

mg_status mg_xml_out_open(mg_xml_out *o, mg_xml_format fmt, const mg_xml_sink *sink, mg_error *err);
/* Ends the document, flushes and closes the writer and finishes validation. With ok == 0
 * (the caller already failed) only releases. Returns the first failure. */
mg_status mg_xml_out_close(mg_xml_out *o, int ok);
/* The status to return after a failed xmlTextWriter call. */
mg_status mg_xml_out_failure(mg_xml_out *o, const char *what);

/* Writes an attribute from a length-delimited string / an integer. Return < 0 on failure. */
int mg_xml_attr_str(xmlTextWriterPtr w, const char *name, mg_str v);
int mg_xml_attr_int(xmlTextWriterPtr w, const char *name, int64_t v);
/* Formats a Unix time as xs:dateTime in UTC ("2026-11-28T21:00:00Z"); buf >= 32 bytes. */
void mg_xml_format_time(int64_t t, char *buf, size_t size);
/* Parses an xs:dateTime (a time zone or none, taken as UTC) into Unix time; 0 on success. */
int mg_xml_parse_time(const char *s, int64_t *out);

#endif /* MAGISTERE_XML_XML_PRIVATE_H */
