/*
 * What the bench's C tools (bench/floor.c, bench/validate.c) share: their [RUNS] [WARMUP]
 * arguments, the clock, and the JSON line they print, which bench/report.php reads:
 * {<fields of the tool>,"runs":N,"times":[...],"median":S,"peak_rss_kb":K}.
 * The including file defines die(what, detail), declared here, which reports and exits 1.
 */
#ifndef MAGISTERE_BENCH_RUNS_H
#define MAGISTERE_BENCH_RUNS_H

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

static void die(const char *what, const char *detail);

/* argv[2] and argv[3], when given: the timed runs (default 5) and the warm-up runs (default 1). */
static void runs_args(int argc, char **argv, const char *usage, int *runs, int *warmup)
{
	if (argc < 2 || argc > 4) {
		fprintf(stderr, "usage: %s\n", usage);
		exit(2);
	}
	*runs = argc > 2 ? atoi(argv[2]) : 5;
	*warmup = argc > 3 ? atoi(argv[3]) : 1;
	if (*runs < 1 || *runs > 1000 || *warmup < 0 || *warmup > 100) {
		die("bad RUNS or WARMUP", NULL);
	}
}

static double runs_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int runs_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : (x > y ? 1 : 0);
}

/* Prints the JSON line: `fields` (already JSON, without braces), then the times in the order they
 * were taken, their median and the process's peak resident set size. Sorts `times`. */
static void runs_print(const char *fields, double *times, int runs)
{
	struct rusage ru;
	double median;
	int r;

	getrusage(RUSAGE_SELF, &ru);
	printf("{%s,\"runs\":%d,\"times\":[", fields, runs);
	for (r = 0; r < runs; r++) {
		printf("%s%.9f", r ? "," : "", times[r]);
	}
	qsort(times, (size_t)runs, sizeof(double), runs_cmp);
	median = runs % 2 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
	printf("],\"median\":%.9f,\"peak_rss_kb\":%ld}\n", median, ru.ru_maxrss);
}

#endif /* MAGISTERE_BENCH_RUNS_H */
