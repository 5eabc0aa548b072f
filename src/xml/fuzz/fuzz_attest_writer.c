/*
 * libFuzzer target for the two XML writers (src/xml/attest_writer.c, stats_writer.c) on
 * whatever a site's tables hold: the input is decoded into rows as the engine's own target
 * decodes them (src/core/fuzz/fuzz_rows.h: ids that collide, short strings of any bytes:
 * control characters, broken UTF-8, & < > " and spaces in codes), the model is built, and
 * every model the engine builds must give a complete, valid attestation file and statistics
 * file: a bad row is an anomaly, never an export that fails (docs/api.md, "Data a real site
 * holds"). The writers validate what they write against the schemas as they write it, so a
 * failure is a value the model lets through and the file cannot carry; the target aborts on
 * it (a finding), with the writer's message. Built and run by scripts/fuzz.sh attest_writer.
 */
#include "core/fuzz/fuzz_rows.h"
#include "xml/fuzz/fuzz_xml.h"

static int discard(void *arg, const char *buf, size_t len)
{
	size_t *n = arg;

	(void)buf;
	*n += len;
	return 0;
}

static void must(mg_status st, const char *what, const mg_error *err)
{
	if (st != MG_OK) {
		fprintf(stderr, "property violated: %s (%s)\n", what, err->message);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	mg_rowset *rs;
	mg_model *m = fuzz_model(data, size, &rs);
	mg_error err;
	size_t bytes = 0, n = 0;
	mg_xml_sink sink = { discard, &bytes, "fuzz.xml", NULL, NULL };

	mg_error_clear(&err);
	if (m) {
		mg_stats_release *r = NULL;

		must(mg_xml_attest_write(m, NULL, 0, 1800000000, &sink, &n, &err), "the attestation file", &err);
		if (mg_stats_release_compute(m, 3, 1800000000, NULL, 0, &r, &err) == MG_OK) {
			mg_xml_stats_meta meta = { MG_XML_SCOPE_ACADEMIE, "Lyon", 1800000000, NULL, 0 };

			mg_error_clear(&err);
			must(mg_xml_stats_write(r, &meta, &sink, &n, &err), "the statistics file", &err);
			mg_stats_release_free(r);
		}
		mg_model_free(m);
	}
	mg_rowset_free(rs);
	return 0;
}
