/*
 * magistere XML exchanges (libxml2): the administrative attestation file and the statistics
 * exchange (docs/xml-attestations.md, docs/xml-statistics.md).
 *
 * Nothing here includes a Zend header: the glue (src/php/xml.c) supplies the byte sinks and
 * sources (php_streams) and routes diagnostics to PHP's libxml error handling; the fuzz target
 * (src/xml/fuzz) drives the reader from memory.
 *
 * Writing streams through xmlTextWriter to a caller's write callback, in constant memory, and
 * validates the bytes as they are written against the embedded XSD (a SAX validator fed by
 * the same bytes): a write returns MG_OK only for a document that is valid.
 *
 * Reading never touches the network, never loads or expands a DTD or an entity (a document
 * holding a DTD or entity declaration is refused before libxml2 sees it), refuses more than
 * max_bytes and anything but UTF-8, and validates the document against the XSD while it
 * streams through an xmlTextReader (constant memory besides the table being built).
 *
 * Errors: MG_EXML for an invalid or hostile document (message "<name> line <n>: ..."), MG_EIO
 * when the sink or source fails, MG_ENOMEM.
 */
#ifndef MAGISTERE_XML_XML_H
#define MAGISTERE_XML_XML_H

#include "core/core.h"
#include "core/attest.h"

#define MG_XML_STATS_NS "urn:magistere:statistics:2"
#define MG_XML_ATTEST_NS "urn:magistere:attestations:1"
#define MG_XML_STATS_NS_PREFIX "urn:magistere:statistics:"
#define MG_XML_VERSION 2

/* The default cap on the size of a statistics file (a national table by circonscription x
 * parcours stays well below it). */
#define MG_XML_MAX_BYTES_DEFAULT ((size_t)256 * 1024 * 1024)

typedef enum mg_xml_format {
	MG_XML_ATTESTATIONS,
	MG_XML_STATISTICS
} mg_xml_format;

/* Optional: parses both embedded schemas once, to be shared (read-only) by every later read
 * and write instead of being parsed for each. Call once at start-up, before any thread (MINIT),
 * and mg_xml_schemas_shutdown() at the end. Without it, every call parses its schema. */
mg_status mg_xml_schemas_init(mg_error *err);
void mg_xml_schemas_shutdown(void);

/* A diagnostic raised by libxml2 (parser or schema validator) while reading or validating:
 * the document name, the line (0 when unknown), whether it is a warning, and the message
 * (without trailing newline). Called before the function that raised it returns. */
typedef void (*mg_xml_diag_fn)(void *arg, const char *name, int line, int is_warning,
	const char *message);

/* Writes len bytes; returns 0 on success. */
typedef int (*mg_xml_write_fn)(void *arg, const char *buf, size_t len);
/* Reads up to len bytes into buf; returns the number read, 0 at the end, -1 on failure. */
typedef long (*mg_xml_read_fn)(void *arg, char *buf, size_t len);

/* Where the output goes and who hears about problems. `name` names the document in messages. */
typedef struct mg_xml_sink {
	mg_xml_write_fn write;
	void *arg;
	const char *name;
	mg_xml_diag_fn diag;    /* may be NULL */
	void *diag_arg;
} mg_xml_sink;

/* ------------------------------------------------------------ attestations */

/* Streams the attestation file for `courseids` (all parcours with participants when
 * ncourseids is 0; see mg_attest_walk) to `sink`. `generated` is the Unix time written in the
 * header. *nparticipants (may be NULL) receives the number of participants written. */
mg_status mg_xml_attest_write(const mg_model *m, const int64_t *courseids, size_t ncourseids,
	int64_t generated, const mg_xml_sink *sink, size_t *nparticipants, mg_error *err);

/* ------------------------------------------------------------- statistics */

typedef enum mg_xml_scope {
	MG_XML_SCOPE_ACADEMIE,
	MG_XML_SCOPE_NATIONAL
} mg_xml_scope;

/* A national file lists the académie files it merges. */
typedef struct mg_xml_source {
	char *academie;          /* malloc'd */
	char *generated;         /* malloc'd xs:dateTime, as written in the académie file */
	int64_t k;
} mg_xml_source;

/* The header of a statistics file. */
typedef struct mg_xml_stats_meta {
	mg_xml_scope scope;
	const char *academie;    /* scope academie: the producing académie (non-empty) */
	int64_t generated;       /* Unix time */
	const mg_xml_source *sources;   /* scope national */
	size_t nsources;
} mg_xml_stats_meta;

/* Streams release `r` (k and both tables, protected figures left out) to `sink`, dated
 * meta->generated (a site's release: its own date). *ncells (may be NULL) receives the number
 * of cells written. */
mg_status mg_xml_stats_write(const mg_stats_release *r, const mg_xml_stats_meta *meta,
	const mg_xml_sink *sink, size_t *ncells, mg_error *err);

/* A statistics file as read: owned by the caller, released with mg_xml_stats_file_free. */
typedef struct mg_xml_stats_file {
	mg_xml_scope scope;
	char *academie;          /* NULL for a national file */
	char *generated;         /* xs:dateTime as written */
	mg_stats_release *release;   /* k, date (release->generated) and both tables */
	mg_xml_source *sources;  /* national files */
	size_t nsources;
} mg_xml_stats_file;

/* Where the input comes from. */
typedef struct mg_xml_source_io {
	mg_xml_read_fn read;
	void *arg;
	const char *name;        /* the file name, for messages */
	size_t max_bytes;        /* 0: MG_XML_MAX_BYTES_DEFAULT */
	mg_xml_diag_fn diag;     /* may be NULL */
	void *diag_arg;
} mg_xml_source_io;

/* Reads, validates and checks a statistics file (schema version 2 only: a version 1 file is
 * refused, saying why; no DTD, UTF-8, size; every group once, inside its enclosing group; counts
 * present as the format allows; published figures adding up). On success *out is a new file; on
 * failure *out is NULL and err says why, with the name and line. */
mg_status mg_xml_stats_read(const mg_xml_source_io *in, mg_xml_stats_file **out, mg_error *err);
/* The same from memory (the fuzz target). */
mg_status mg_xml_stats_read_memory(const char *buf, size_t len, const char *name,
	mg_xml_diag_fn diag, void *diag_arg, mg_xml_stats_file **out, mg_error *err);
void mg_xml_stats_file_free(mg_xml_stats_file *f);

/* Merges académie files into the national release (docs/xml-statistics.md): every file must be
 * an académie file and no académie may come twice (names[] name the files in messages); then
 * mg_stats_release_merge. *out is owned by the caller (mg_stats_release_free). */
mg_status mg_xml_stats_merge(mg_xml_stats_file *const *files, const char *const *names,
	size_t nfiles, int64_t k, int64_t generated, mg_stats_release **out, mg_error *err);

#endif /* MAGISTERE_XML_XML_H */
