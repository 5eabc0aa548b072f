/*
 * magistere core unit tests: a two-macro harness, after redis' testhelp.h.
 *
 *   #include "harness.h"
 *
 *   int main(void)
 *   {
 *       MG_TEST("an empty rowset builds an empty model", status == MG_OK);
 *       ...
 *       MG_TEST_REPORT();
 *   }
 *
 * MG_TEST(descr, cond) evaluates cond once, counts it, and prints
 * "file:line: FAILED: descr" when it is false (every test when the
 * environment variable MG_TEST_VERBOSE is set).
 *
 * MG_TEST_REPORT() prints "N passed, N failed" as the program's last line and
 * returns from the calling function (main) with 0 when every test passed, or
 * 1 when one failed or none ran. It is a statement: write `MG_TEST_REPORT();`,
 * not `return MG_TEST_REPORT();`.
 *
 * Each test_*.c file is its own program; src/core/tests/Makefile builds it
 * with every .c file of src/core under ASan and UBSan and aggregates the
 * summaries.
 */
#ifndef MAGISTERE_CORE_TESTS_HARNESS_H
#define MAGISTERE_CORE_TESTS_HARNESS_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#if defined(__GNUC__)
#define MG_TEST_UNUSED_ __attribute__((unused))
#else
#define MG_TEST_UNUSED_
#endif

static int mg_test_passed_ MG_TEST_UNUSED_ = 0;
static int mg_test_failed_ MG_TEST_UNUSED_ = 0;

#define MG_TEST(descr, cond) do { \
	if (cond) { \
		mg_test_passed_++; \
		if (getenv("MG_TEST_VERBOSE") != NULL) { \
			printf("%s:%d: ok: %s\n", __FILE__, __LINE__, (descr)); \
		} \
	} else { \
		mg_test_failed_++; \
		printf("%s:%d: FAILED: %s\n", __FILE__, __LINE__, (descr)); \
	} \
	fflush(stdout); \
} while (0)

#define MG_TEST_REPORT() do { \
	if (mg_test_passed_ + mg_test_failed_ == 0) { \
		printf("%s: no test ran\n", __FILE__); \
	} \
	printf("%d passed, %d failed\n", mg_test_passed_, mg_test_failed_); \
	fflush(stdout); \
	return (mg_test_failed_ > 0 || mg_test_passed_ == 0) ? 1 : 0; \
} while (0)

/* A deterministic pseudo-random number below n (xorshift64) from *state,
 * for generated test data. */
static inline uint32_t mg_test_rand(uint64_t *state, uint32_t n)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return (uint32_t)(*state % n);
}

#endif /* MAGISTERE_CORE_TESTS_HARNESS_H */
