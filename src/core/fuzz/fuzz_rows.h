/*
 * The fuzz targets' common input: arbitrary bytes decoded into rows of the
 * engine's tables (small integers, so that ids collide and references resolve
 * often; short strings of any bytes) and settings. Used by the engine's target
 * (fuzz_model.c) and the attestation writer's (src/xml/fuzz/fuzz_attest_writer.c).
 */
#ifndef MAGISTERE_CORE_FUZZ_ROWS_H
#define MAGISTERE_CORE_FUZZ_ROWS_H

#include <stdint.h>
#include <stddef.h>
#include <string.h>

#include "../core.h"

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

/* The rows of `data` in a new rowset (NULL when out of memory), and settings from it. */
static mg_rowset *fuzz_rows(const uint8_t *data, size_t size, mg_settings *s)
{
	cursor c = { data, size };
	mg_rowset *rs = mg_rowset_new();
	int64_t key = 0;

	if (!rs) {
		return NULL;
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
	mg_settings_defaults(s, 8);
	if (size > 3) {
		s->enablecompletion = data[3] & 1;
		if (data[3] & 2) {
			s->installed_modules_given = 1;
			s->installed_modules[0] = (mg_str){ "a", 1 };
			s->ninstalled_modules = 1;
		}
	}
	return rs;
}

/* The model of the rows of `data` (NULL when it does not build or out of memory); *rs the
 * rowset (NULL when out of memory), freed by the caller after the model. */
static mg_model *fuzz_model(const uint8_t *data, size_t size, mg_rowset **rs)
{
	mg_settings s;
	mg_error err;

	*rs = fuzz_rows(data, size, &s);
	if (!*rs) {
		return NULL;
	}
	mg_error_clear(&err);
	return mg_model_build(*rs, &s, &err);
}

#endif /* MAGISTERE_CORE_FUZZ_ROWS_H */
