/*
 * libFuzzer target for the statistics reader (src/xml/stats_reader.c), pure C + libxml2.
 *
 * Every input is read as a statistics file. When it is accepted, three properties must hold,
 * and the target aborts (a finding) when one does not:
 *   1. an accepted académie file merges (alone) into a national table;
 *   2. an accepted file written back out validates (the writer's own streaming validation);
 *   3. the written file reads back with the same number of cells.
 * Built and run by scripts/fuzz.sh.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "xml/xml.h"

typedef struct membuf {
	char *data;
	size_t len, cap;
} membuf;

static int mem_write(void *arg, const char *buf, size_t len)
{
	membuf *m = arg;

	if (m->len + len > m->cap) {
		size_t cap = m->cap ? m->cap : 4096;
		char *p;

		while (cap < m->len + len) {
			cap *= 2;
		}
		p = realloc(m->data, cap);
		if (p == NULL) {
			return -1;
		}
		m->data = p;
		m->cap = cap;
	}
	memcpy(m->data + m->len, buf, len);
	m->len += len;
	return 0;
}

static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void quiet_structured(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	xmlInitParser();
	xmlSetGenericErrorFunc(NULL, quiet);
	xmlSetStructuredErrorFunc(NULL, quiet_structured);
	if (mg_xml_schemas_init(NULL) != MG_OK) {
		fprintf(stderr, "the embedded schemas do not parse\n");
		abort();
	}
	return 0;
}

static void check(int cond, const char *what, const mg_error *err)
{
	if (!cond) {
		fprintf(stderr, "property violated: %s (%s)\n", what, err->message);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	mg_xml_stats_file *f = NULL, *again = NULL;
	mg_stats_table *national = NULL;
	mg_error err;
	membuf out = { NULL, 0, 0 };
	mg_xml_sink sink;
	mg_xml_stats_meta meta;
	const char *name = "fuzz.xml";
	size_t ncells = 0;
	mg_status st;

	mg_error_clear(&err);
	st = mg_xml_stats_read_memory((const char *)data, size, name, NULL, NULL, &f, &err);
	if (st != MG_OK) {
		check(f == NULL && err.code != MG_OK && err.message[0] != '\0', "a refusal says why", &err);
		return 0;
	}
	if (f->scope == MG_XML_SCOPE_ACADEMIE) {
		st = mg_xml_stats_merge(&f, &name, 1, 0, &national, &err);
		check(st == MG_OK || st == MG_EXML, "an accepted académie file merges", &err);
		mg_stats_free(national);
	}
	memset(&sink, 0, sizeof(sink));
	sink.write = mem_write;
	sink.arg = &out;
	sink.name = "rewrite.xml";
	memset(&meta, 0, sizeof(meta));
	meta.scope = f->scope;
	meta.academie = f->academie;
	meta.generated = 0;
	meta.sources = f->sources;
	meta.nsources = f->nsources;
	st = mg_xml_stats_write(f->table, &meta, &sink, &ncells, &err);
	check(st == MG_OK, "an accepted file is written back valid", &err);
	st = mg_xml_stats_read_memory(out.data, out.len, "rewrite.xml", NULL, NULL, &again, &err);
	check(st == MG_OK, "a written file reads back", &err);
	check(again->table->ncells == f->table->ncells, "the same cells read back", &err);
	mg_xml_stats_file_free(again);
	mg_xml_stats_file_free(f);
	free(out.data);
	return 0;
}
