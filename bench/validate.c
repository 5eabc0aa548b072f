/*
 * bench/validate: what validating an exported file costs on its own. Reads an attestation file
 * the extension wrote, then feeds its bytes through the extension's own validator
 * (src/xml/schema.c: libxml2's push parser with the schema validator plugged into its SAX
 * callbacks, the embedded attestations-1.xsd), as the export does while it writes, and prints a
 * JSON line with the wall time of each run and the peak resident set size. No row is read and
 * nothing is written: set against the fetch floor (bench/floor.c), it says how far from that
 * floor any export stays that validates its file before delivering it (docs/benchmarks.md).
 *
 *   validate FILE [RUNS] [WARMUP]
 *
 * Exits 1 (with libxml2's first error on stderr) when FILE is not a valid attestation file.
 *
 * Build: scripts/bench.sh compiles it with every C file of src/xml and src/core, as
 * scripts/fuzz.sh compiles the XML fuzz targets.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "xml/xml_private.h"

#include "runs.h"

/* The export hands the validator the bytes its output buffer flushes: about this many at a time. */
#define CHUNK 4000

static void die(const char *what, const char *detail)
{
	fprintf(stderr, "validate: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
	exit(1);
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		die("cannot read", path);
	}
	buf = malloc((size_t)n + 1);
	if (buf == NULL) {
		die("out of memory", NULL);
	}
	if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
		die("cannot read", path);
	}
	fclose(f);
	*len = (size_t)n;
	return buf;
}

/* One validation of the whole document; the error is left in *err. */
static mg_status validate_once(const char *name, const char *doc, size_t len, mg_error *err)
{
	mg_xml_errsink es;
	mg_xml_validator *v;
	mg_status st;
	size_t at;

	memset(&es, 0, sizeof(es));
	es.name = name;
	es.err = err;
	v = mg_xml_validator_new(MG_XML_ATTESTATIONS, &es);
	if (v == NULL) {
		return err->code;
	}
	for (at = 0; at < len; at += CHUNK) {
		if (mg_xml_validator_feed(v, doc + at, len - at < CHUNK ? len - at : CHUNK) != 0) {
			break;
		}
	}
	st = mg_xml_validator_finish(v);
	mg_xml_validator_free(v);
	return st;
}

int main(int argc, char **argv)
{
	mg_error err;
	double *times;
	size_t len;
	char *doc;
	int runs, warmup, r;
	char fields[64];

	runs_args(argc, argv, "validate FILE [RUNS] [WARMUP]", &runs, &warmup);
	doc = read_file(argv[1], &len);
	xmlInitParser();
	memset(&err, 0, sizeof(err));
	if (mg_xml_schemas_init(&err) != MG_OK) {
		die("the embedded schemas do not parse", err.message);
	}
	times = malloc((size_t)runs * sizeof(double));
	if (times == NULL) {
		die("out of memory", NULL);
	}
	for (r = 0; r < warmup + runs; r++) {
		double t0 = runs_now();

		if (validate_once(argv[1], doc, len, &err) != MG_OK) {
			die("not a valid attestation file", err.message);
		}
		if (r >= warmup) {
			times[r - warmup] = runs_now() - t0;
		}
	}
	snprintf(fields, sizeof(fields), "\"impl\":\"validate\",\"bytes\":%zu", len);
	runs_print(fields, times, runs);

	free(times);
	free(doc);
	mg_xml_schemas_shutdown();
	xmlCleanupParser();
	return 0;
}
