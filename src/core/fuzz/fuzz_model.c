/*
 * libFuzzer target for the engine: arbitrary rows -> model -> every view.
 *
 * The input is decoded into rows of the engine's tables (small integers, so
 * that ids collide and references resolve often; short strings), the model
 * is built, and when it builds every view is run for small ids with the JSON
 * emitter, and two statistics releases (the second protected with the
 * first, its k taken from the input).
 * Crashes, leaks (LeakSanitizer) and undefined behaviour (UBSan) are bugs;
 * every input builds a model (bad rows become anomalies), so every view runs.
 *
 *   scripts/fuzz-core.sh [seconds]
 */
#include "../json.h"
#include "fuzz_rows.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	mg_rowset *rs;
	mg_model *m = fuzz_model(data, size, &rs);
	mg_error err;

	mg_error_clear(&err);
	if (m) {
		int64_t a, b;
		int64_t k2 = 3 + (size > 0 ? data[0] % 5 : 0);

		for (a = 0; a < 16; a++) {
			for (b = 0; b < 16; b++) {
				mg_emitter out;
				mg_json *j = mg_json_new(&out);
				if (!j) {
					continue;
				}
				mg_view_participant(m, a, b, &out, &err);
				mg_json_free(j);
				j = mg_json_new(&out);
				mg_view_trainer(m, a, b, &out, &err);
				mg_json_free(j);
				j = mg_json_new(&out);
				mg_view_transparency(m, a, b, &out, &err);
				mg_json_free(j);
			}
			{
				mg_emitter out;
				mg_json *j = mg_json_new(&out);
				mg_view_my_trainings(m, a, &out, &err);
				mg_json_free(j);
			}
			{
				mg_emitter out;
				mg_json *j = mg_json_new(&out);
				mg_view_inspector(m, a, (mg_str){ "", 0 }, &out, &err);
				mg_json_free(j);
			}
		}
		{
			mg_emitter out;
			mg_json *j = mg_json_new(&out);
			mg_view_data_quality(m, 50, &out, &err);
			mg_json_free(j);
		}
		{
			mg_stats_release *r1 = NULL, *r2 = NULL;
			if (mg_stats_release_compute(m, 3, 1800000000, NULL, 0, &r1, &err) == MG_OK) {
				const mg_stats_release *earlier[1] = { r1 };
				if (mg_stats_release_compute(m, k2, 1800086400, earlier, 1, &r2, &err) == MG_OK) {
					mg_emitter out;
					mg_json *j = mg_json_new(&out);
					mg_stats_release_emit(r2, (1u << MG_TAB__COUNT) - 1, &out, &err);
					mg_json_free(j);
					mg_stats_release_free(r2);
				}
				mg_stats_release_free(r1);
			}
		}
		mg_model_free(m);
	}
	mg_rowset_free(rs);
	return 0;
}
