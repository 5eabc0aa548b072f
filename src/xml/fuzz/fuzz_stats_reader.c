/*
 * libFuzzer target for the statistics reader (src/xml/stats_reader.c), pure C + libxml2.
 *
 * Every input is read as a statistics file. When it is accepted, three properties must hold,
 * and the target aborts (a finding) when one does not:
 *   1. an accepted académie file merges (alone) into a national release;
 *   2. an accepted file written back out validates (the writer's own streaming validation);
 *   3. the written file reads back with the same groups and the same protected figures.
 * Built and run by scripts/fuzz.sh.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xml/fuzz/fuzz_xml.h"

static int mg_str_eq_bytes(mg_str a, mg_str b)
{
	return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

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

/* Same groups, in the same order, with the same figures and protections. */
static int same(const mg_stats_release *a, const mg_stats_release *b)
{
	size_t t, i, m;

	if (a->k != b->k || a->generated != b->generated) {
		return 0;
	}
	for (t = 0; t < MG_TAB__COUNT; t++) {
		if (a->tabs[t].nnodes != b->tabs[t].nnodes) {
			return 0;
		}
		for (i = 0; i < a->tabs[t].nnodes; i++) {
			const mg_stats_node *x = &a->tabs[t].nodes[i], *y = &b->tabs[t].nodes[i];
			if (x->depth != y->depth || x->parent != y->parent) {
				return 0;
			}
			for (m = 0; m < x->depth; m++) {
				if (!mg_str_eq_bytes(x->values[m], y->values[m])) {
					return 0;
				}
			}
			for (m = 0; m < MG_M__COUNT; m++) {
				if (x->hidden[m] != y->hidden[m] || (!x->hidden[m] && x->v[m] != y->v[m])) {
					return 0;
				}
			}
		}
	}
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
	mg_stats_release *national = NULL;
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
		st = mg_xml_stats_merge(&f, &name, 1, 0, 0, &national, &err);
		check(st == MG_OK, "an accepted académie file merges", &err);
		mg_stats_release_free(national);
	}
	memset(&sink, 0, sizeof(sink));
	sink.write = mem_write;
	sink.arg = &out;
	sink.name = "rewrite.xml";
	memset(&meta, 0, sizeof(meta));
	meta.scope = f->scope;
	meta.academie = f->academie;
	meta.generated = f->release->generated;
	meta.sources = f->sources;
	meta.nsources = f->nsources;
	st = mg_xml_stats_write(f->release, &meta, &sink, &ncells, &err);
	check(st == MG_OK, "an accepted file is written back valid", &err);
	st = mg_xml_stats_read_memory(out.data, out.len, "rewrite.xml", NULL, NULL, &again, &err);
	check(st == MG_OK, "a written file reads back", &err);
	check(same(again->release, f->release), "the same groups and protected figures read back", &err);
	mg_xml_stats_file_free(again);
	mg_xml_stats_file_free(f);
	free(out.data);
	return 0;
}
