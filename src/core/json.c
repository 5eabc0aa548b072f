/*
 * JSON writer for the mg_emitter interface (see json.h).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core_private.h"
#include "json.h"

struct mg_json {
	char *buf;
	size_t len, cap;
	int failed;
	/* per nesting level: 1 when the next item needs a comma */
	unsigned char comma[64];
	int depth;
	int after_key;
};

static int put(mg_json *j, const char *s, size_t n)
{
	if (j->failed) {
		return -1;
	}
	if (j->len + n + 1 > j->cap) {
		size_t ncap = j->cap ? j->cap : 256;
		char *nb;
		while (ncap < j->len + n + 1) {
			if (ncap > SIZE_MAX / 2) {
				j->failed = 1;
				return -1;
			}
			ncap *= 2;
		}
		nb = mg_realloc(j->buf, ncap);
		if (!nb) {
			j->failed = 1;
			return -1;
		}
		j->buf = nb;
		j->cap = ncap;
	}
	memcpy(j->buf + j->len, s, n);
	j->len += n;
	j->buf[j->len] = '\0';
	return 0;
}

static int sep(mg_json *j)
{
	if (j->after_key) {
		j->after_key = 0;
		return 0;
	}
	if (j->depth > 0 && j->comma[j->depth]) {
		if (put(j, ",", 1)) {
			return -1;
		}
	}
	if (j->depth > 0) {
		j->comma[j->depth] = 1;
	}
	return 0;
}

static int open_(mg_json *j, const char *c)
{
	if (sep(j) || put(j, c, 1)) {
		return -1;
	}
	if (j->depth + 1 >= (int)sizeof(j->comma)) {
		j->failed = 1;
		return -1;
	}
	j->depth++;
	j->comma[j->depth] = 0;
	return 0;
}

static int close_(mg_json *j, const char *c)
{
	if (j->depth <= 0) {
		j->failed = 1;
		return -1;
	}
	j->depth--;
	return put(j, c, 1);
}

static int j_map_begin(void *ctx, size_t n) { (void)n; return open_(ctx, "{"); }
static int j_map_end(void *ctx) { return close_(ctx, "}"); }
static int j_list_begin(void *ctx, size_t n) { (void)n; return open_(ctx, "["); }
static int j_list_end(void *ctx) { return close_(ctx, "]"); }

static int put_string(mg_json *j, const char *s, size_t n)
{
	size_t i;

	if (put(j, "\"", 1)) {
		return -1;
	}
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		char esc[8];
		if (c == '"' || c == '\\') {
			esc[0] = '\\';
			esc[1] = (char)c;
			if (put(j, esc, 2)) {
				return -1;
			}
		} else if (c < 0x20) {
			snprintf(esc, sizeof(esc), "\\u%04x", c);
			if (put(j, esc, 6)) {
				return -1;
			}
		} else if (put(j, (const char *)&s[i], 1)) {
			return -1;
		}
	}
	return put(j, "\"", 1);
}

static int j_key(void *ctx, mg_atom k)
{
	mg_json *j = ctx;
	const char *name = mg_atom_name(k);

	if (sep(j) || put_string(j, name, strlen(name)) || put(j, ":", 1)) {
		return -1;
	}
	j->after_key = 1;
	return 0;
}

static int j_int(void *ctx, int64_t v)
{
	char b[32];
	int n = snprintf(b, sizeof(b), "%" PRId64, v);

	return sep(ctx) || put(ctx, b, (size_t)n);
}

static int j_bool(void *ctx, int v)
{
	return sep(ctx) || put(ctx, v ? "true" : "false", v ? 4 : 5);
}

static int j_null(void *ctx)
{
	return sep(ctx) || put(ctx, "null", 4);
}

static int j_str(void *ctx, const char *s, size_t n)
{
	return sep(ctx) || put_string(ctx, s, n);
}

static int j_atom(void *ctx, mg_atom a)
{
	const char *name = mg_atom_name(a);

	return sep(ctx) || put_string(ctx, name, strlen(name));
}

mg_json *mg_json_new(mg_emitter *out)
{
	mg_json *j = mg_calloc(1, sizeof(*j));

	if (!j) {
		return NULL;
	}
	out->ctx = j;
	out->map_begin = j_map_begin;
	out->map_end = j_map_end;
	out->list_begin = j_list_begin;
	out->list_end = j_list_end;
	out->key = j_key;
	out->v_int = j_int;
	out->v_bool = j_bool;
	out->v_null = j_null;
	out->v_str = j_str;
	out->v_atom = j_atom;
	return j;
}

const char *mg_json_text(const mg_json *j)
{
	if (j->failed) {
		return NULL;
	}
	return j->buf ? j->buf : "";
}

void mg_json_free(mg_json *j)
{
	if (j) {
		mg_free(j->buf);
		mg_free(j);
	}
}
