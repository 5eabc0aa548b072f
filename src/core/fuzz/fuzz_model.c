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
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#include "../core.h"
#include "../json.h"

typedef struct cursor {
	const uint8_t *p;
	size_t n;
} cursor;

static uint8_t take(cursor *c)
{
	uint8_t b;

	if (c->n == 0) {
		return 0;
	}
	b = *c->p++;
	c->n--;
	return b;
}

static void fill_row(mg_rowset *rs, const mg_table *t, void *row, cursor *c)
{
	size_t i;

	for (i = 0; i < t->nfields; i++) {
		const mg_field *f = &t->fields[i];
		char *slot = (char *)row + f->offset;
		uint8_t b = take(c);

		switch (f->type) {
		case MG_FT_INT:
		case MG_FT_INT_NULL: {
			int64_t v = (int64_t)(b & 0x0f);
			if (b & 0x80) {
				v = -v;
			}
			if (f->type == MG_FT_INT_NULL && (b & 0x40)) {
				v = MG_NULL_INT;
			}
			if (strcmp(f->name, "contextlevel") == 0 && (b & 0x20)) {
				v = 50;
			}
			memcpy(slot, &v, sizeof(v));
			break;
		}
		case MG_FT_STR:
		case MG_FT_STR_NULL: {
			char buf[8];
			size_t len = b % 8, j;
			mg_str s;
			for (j = 0; j < len; j++) {
				buf[j] = (char)take(c);
			}
			s = mg_rowset_strdup(rs, buf, len);
			memcpy(slot, &s, sizeof(s));
			break;
		}
		case MG_FT_DEC_NULL: {
			mg_row_customfield_data *d = row;
			d->has_decvalue = b & 1;
			d->decvalue = (double)(int8_t)take(c) / 2.0;
			break;
		}
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cursor c = { data, size };
	mg_rowset *rs = mg_rowset_new();
	mg_settings s;
	mg_error err;
	mg_model *m;
	int64_t key = 0;

	if (!rs) {
		return 0;
	}
	while (c.n > 1) {
		const mg_table *t = &mg_tables[take(&c) % MG_T__COUNT];
		void *row = mg_rowset_row(rs, t->id);
		if (!row) {
			break;
		}
		mg_row_set_defaults(t, row);
		*(int64_t *)row = key++;
		fill_row(rs, t, row, &c);
	}
	mg_settings_defaults(&s, 8);
	if (size > 3) {
		s.enablecompletion = data[3] & 1;
		if (data[3] & 2) {
			s.installed_modules_given = 1;
			s.installed_modules[0] = (mg_str){ "a", 1 };
			s.ninstalled_modules = 1;
		}
	}
	mg_error_clear(&err);
	m = mg_model_build(rs, &s, &err);
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
