/*
 * bench/floor: the fetch floor. Replays a list of SQL statements on one connection, reads
 * every row of every result with mysql_use_result() and discards it, and prints a JSON line
 * with the wall time of each run and the peak resident set size. No parsing, no model, no
 * output: the time the database server and the client library need to hand over the rows.
 *
 *   floor STATEMENTS_FILE [RUNS] [WARMUP]
 *
 * STATEMENTS_FILE holds the statements the extension sent for one view, as bench/capture.php
 * takes them from the server's general log: "Q <length>\n<sql>\n" for a plain query, and
 * "P <nparams> <length>\n<sql>\n" for a prepared statement followed by its values, each
 * "<type> <length>\n<value>\n" (i integer, d decimal, s string, n NULL). A prepared statement
 * is replayed prepared, with its values bound as the extension bound them, and its rows read
 * with the binary protocol (mysql_stmt_fetch), as the extension reads them. Connection from
 * the MAGISTERE_TEST_* variables (scripts/lib/mariadb.sh): HOST, PORT, SOCKET, USER,
 * PASSWORD, DB.
 *
 * Build: cc -O2 -std=c11 -Wall -Wextra -Werror -o floor floor.c $(mariadb_config --cflags --libs)
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mysql.h>

#include "runs.h"

typedef struct param {
	char type;       /* 'i', 'd', 's', 'n' */
	char *value;
	unsigned long len;
	long long i;
	double d;
} param;

typedef struct stmt {
	char kind;       /* 'Q' plain query, 'P' prepared statement */
	char *sql;
	size_t len;
	param *params;
	unsigned int nparams;
} stmt;

static void die(const char *what, const char *detail)
{
	fprintf(stderr, "floor: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
	exit(1);
}

static const char *env(const char *name, const char *def)
{
	const char *v = getenv(name);
	return v != NULL && v[0] != '\0' ? v : def;
}

static char *read_bytes(FILE *f, unsigned long len, const char *path)
{
	char *p = malloc(len + 1);
	if (p == NULL) {
		die("out of memory", NULL);
	}
	if (fread(p, 1, len, f) != len || fgetc(f) != '\n') {
		die("truncated statements file", path);
	}
	p[len] = '\0';
	return p;
}

/* Reads the records written by bench/capture.php. */
static stmt *read_statements(const char *path, size_t *count)
{
	FILE *f = fopen(path, "rb");
	stmt *list = NULL;
	size_t n = 0, cap = 0;
	char kind;

	if (f == NULL) {
		die("cannot open the statements file", path);
	}
	while (fscanf(f, " %c", &kind) == 1) {
		stmt *s;
		unsigned long len;
		unsigned int np = 0, k;

		if (kind == 'P') {
			if (fscanf(f, "%u", &np) != 1 || np > 65535) {
				die("malformed statements file", path);
			}
		} else if (kind != 'Q') {
			die("malformed statements file", path);
		}
		if (fscanf(f, "%lu", &len) != 1 || fgetc(f) != '\n' || len > (1UL << 30)) {
			die("malformed statements file", path);
		}
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			stmt *grown = realloc(list, ncap * sizeof(*list));
			if (grown == NULL) {
				die("out of memory", NULL);
			}
			list = grown;
			cap = ncap;
		}
		s = &list[n++];
		s->kind = kind;
		s->sql = read_bytes(f, len, path);
		s->len = len;
		s->nparams = np;
		s->params = np ? calloc(np, sizeof(param)) : NULL;
		if (np && s->params == NULL) {
			die("out of memory", NULL);
		}
		for (k = 0; k < np; k++) {
			param *p = &s->params[k];
			if (fscanf(f, " %c %lu", &p->type, &p->len) != 2 || fgetc(f) != '\n' || p->len > (1UL << 24)
					|| strchr("idsn", p->type) == NULL) {
				die("malformed statements file", path);
			}
			p->value = read_bytes(f, p->len, path);
			p->i = strtoll(p->value, NULL, 10);
			p->d = strtod(p->value, NULL);
		}
	}
	if (ferror(f) || !feof(f)) {
		die("malformed statements file", path);
	}
	fclose(f);
	*count = n;
	return list;
}

/* A plain query: every row of every result, text protocol. */
static uint64_t run_query(MYSQL *db, const stmt *s, uint64_t *bytes)
{
	uint64_t rows = 0;
	MYSQL_RES *res;

	if (mysql_real_query(db, s->sql, s->len) != 0) {
		die("a statement failed", mysql_error(db));
	}
	do {
		res = mysql_use_result(db);
		if (res != NULL) {
			unsigned int nf = mysql_num_fields(res);
			MYSQL_ROW row;
			while ((row = mysql_fetch_row(res)) != NULL) {
				unsigned long *lens = mysql_fetch_lengths(res);
				unsigned int f;
				for (f = 0; f < nf; f++) {
					*bytes += lens[f];
				}
				rows++;
			}
			if (mysql_errno(db) != 0) {
				die("fetching rows failed", mysql_error(db));
			}
			mysql_free_result(res);
		} else if (mysql_field_count(db) != 0) {
			die("reading a result failed", mysql_error(db));
		}
	} while (mysql_next_result(db) == 0);
	return rows;
}

#define FLOOR_STR_BUF 4096

/* A prepared statement: prepare, bind, execute, fetch every row (binary protocol), close. */
static uint64_t run_prepared(MYSQL *db, const stmt *s, uint64_t *bytes)
{
	MYSQL_STMT *st = mysql_stmt_init(db);
	MYSQL_BIND *pb = NULL, *rb = NULL;
	MYSQL_RES *meta;
	unsigned int k, nf = 0;
	unsigned long *lens = NULL;
	char *bufs = NULL;
	long long *ints = NULL;
	my_bool *nulls = NULL, *errs = NULL;
	uint64_t rows = 0;
	int rc;

	if (st == NULL) {
		die("out of memory", NULL);
	}
	if (mysql_stmt_prepare(st, s->sql, (unsigned long)s->len) != 0) {
		die("preparing a statement failed", mysql_stmt_error(st));
	}
	if (s->nparams) {
		pb = calloc(s->nparams, sizeof(MYSQL_BIND));
		if (pb == NULL) {
			die("out of memory", NULL);
		}
		for (k = 0; k < s->nparams; k++) {
			param *p = &s->params[k];
			switch (p->type) {
			case 'i':
				pb[k].buffer_type = MYSQL_TYPE_LONGLONG;
				pb[k].buffer = &p->i;
				break;
			case 'd':
				pb[k].buffer_type = MYSQL_TYPE_DOUBLE;
				pb[k].buffer = &p->d;
				break;
			case 'n':
				pb[k].buffer_type = MYSQL_TYPE_NULL;
				break;
			default:
				pb[k].buffer_type = MYSQL_TYPE_STRING;
				pb[k].buffer = p->value;
				pb[k].buffer_length = p->len;
				pb[k].length = &p->len;
				break;
			}
		}
		if (mysql_stmt_bind_param(st, pb) != 0) {
			die("binding values failed", mysql_stmt_error(st));
		}
	}
	if (mysql_stmt_execute(st) != 0) {
		die("executing a statement failed", mysql_stmt_error(st));
	}
	meta = mysql_stmt_result_metadata(st);
	if (meta != NULL) {
		MYSQL_FIELD *fields = mysql_fetch_fields(meta);
		nf = mysql_num_fields(meta);
		rb = calloc(nf ? nf : 1, sizeof(MYSQL_BIND));
		lens = calloc(nf ? nf : 1, sizeof(unsigned long));
		ints = calloc(nf ? nf : 1, sizeof(long long));
		nulls = calloc(nf ? nf : 1, sizeof(my_bool));
		errs = calloc(nf ? nf : 1, sizeof(my_bool));
		bufs = malloc((size_t)(nf ? nf : 1) * FLOOR_STR_BUF);
		if (rb == NULL || lens == NULL || ints == NULL || nulls == NULL || errs == NULL || bufs == NULL) {
			die("out of memory", NULL);
		}
		for (k = 0; k < nf; k++) {
			switch (fields[k].type) {
			case MYSQL_TYPE_TINY:
			case MYSQL_TYPE_SHORT:
			case MYSQL_TYPE_INT24:
			case MYSQL_TYPE_LONG:
			case MYSQL_TYPE_LONGLONG:
				rb[k].buffer_type = MYSQL_TYPE_LONGLONG;
				rb[k].buffer = &ints[k];
				break;
			default:
				rb[k].buffer_type = MYSQL_TYPE_STRING;
				rb[k].buffer = bufs + (size_t)k * FLOOR_STR_BUF;
				rb[k].buffer_length = FLOOR_STR_BUF;
				break;
			}
			rb[k].length = &lens[k];
			rb[k].is_null = &nulls[k];
			rb[k].error = &errs[k];
		}
		if (mysql_stmt_bind_result(st, rb) != 0) {
			die("binding results failed", mysql_stmt_error(st));
		}
		/* Longer values are truncated in the buffer: they are discarded anyway. */
		while ((rc = mysql_stmt_fetch(st)) == 0 || rc == MYSQL_DATA_TRUNCATED) {
			for (k = 0; k < nf; k++) {
				*bytes += lens[k];
			}
			rows++;
		}
		if (rc != MYSQL_NO_DATA) {
			die("fetching rows failed", mysql_stmt_error(st));
		}
		mysql_free_result(meta);
	}
	mysql_stmt_close(st);
	free(pb);
	free(rb);
	free(lens);
	free(ints);
	free(nulls);
	free(errs);
	free(bufs);
	return rows;
}

/* Runs every statement once; returns the number of rows fetched. Never
 * inlined: bench/instructions.sh counts the instructions of this call alone. */
__attribute__((noinline)) static uint64_t run_once(MYSQL *db, const stmt *list, size_t n, uint64_t *bytes)
{
	uint64_t rows = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		rows += list[i].kind == 'P' ? run_prepared(db, &list[i], bytes) : run_query(db, &list[i], bytes);
	}
	return rows;
}

int main(int argc, char **argv)
{
	size_t n, i;
	stmt *list;
	int runs, warmup, r;
	double *times;
	MYSQL *db;
	uint64_t rows = 0, bytes = 0;
	const char *socket;
	unsigned int port;
	char fields[160];

	runs_args(argc, argv, "floor STATEMENTS_FILE [RUNS] [WARMUP]", &runs, &warmup);
	list = read_statements(argv[1], &n);

	if (mysql_library_init(0, NULL, NULL) != 0) {
		die("cannot initialise the client library", NULL);
	}
	db = mysql_init(NULL);
	if (db == NULL) {
		die("out of memory", NULL);
	}
	socket = env("MAGISTERE_TEST_SOCKET", NULL);
	port = (unsigned int)atoi(env("MAGISTERE_TEST_PORT", "3306"));
	mysql_options(db, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	if (mysql_real_connect(db, env("MAGISTERE_TEST_HOST", "localhost"), env("MAGISTERE_TEST_USER", "root"),
			env("MAGISTERE_TEST_PASSWORD", ""), env("MAGISTERE_TEST_DB", "magistere_test"), port, socket,
			CLIENT_MULTI_RESULTS) == NULL) {
		die("cannot connect", mysql_error(db));
	}

	for (r = 0; r < warmup; r++) {
		uint64_t b = 0;
		run_once(db, list, n, &b);
	}
	times = malloc((size_t)runs * sizeof(double));
	if (times == NULL) {
		die("out of memory", NULL);
	}
	for (r = 0; r < runs; r++) {
		double t0 = runs_now();
		bytes = 0;
		rows = run_once(db, list, n, &bytes);
		times[r] = runs_now() - t0;
	}
	snprintf(fields, sizeof(fields), "\"impl\":\"floor\",\"statements\":%zu,\"rows\":%llu,\"bytes\":%llu",
		n, (unsigned long long)rows, (unsigned long long)bytes);
	runs_print(fields, times, runs);

	mysql_close(db);
	mysql_library_end();
	for (i = 0; i < n; i++) {
		unsigned int k;
		for (k = 0; k < list[i].nparams; k++) {
			free(list[i].params[k].value);
		}
		free(list[i].params);
		free(list[i].sql);
	}
	free(list);
	free(times);
	return 0;
}
