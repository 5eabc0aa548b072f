/*
 * Unit tests of the core's building blocks: arena, arrays, maps, names.
 */
#include <string.h>

#include "harness.h"
#include "../core_private.h"

static mg_str S(const char *s)
{
	return (mg_str){ s, strlen(s) };
}

static int keep_even(const void *row, void *ctx)
{
	(void)ctx;
	return ((const mg_row_user *)row)->id % 2 == 0;
}

int main(void)
{
	mg_arena a = { NULL };
	mg_vec v;
	mg_imap im;
	mg_smap sm;
	uint32_t val = 0, i;
	char *p;
	int ok;

	/* arena */
	p = mg_arena_strndup(&a, "abc", 3);
	MG_TEST("arena copies a string with its NUL", p && strcmp(p, "abc") == 0);
	MG_TEST("arena allocations are 16-byte aligned", ((uintptr_t)mg_arena_alloc(&a, 3) & 15u) == 0);
	MG_TEST("arena serves an allocation larger than a block", mg_arena_alloc(&a, 1u << 20) != NULL);
	MG_TEST("arena calloc refuses an overflowing size", mg_arena_calloc(&a, SIZE_MAX / 2, 4) == NULL);
	mg_arena_destroy(&a);
	MG_TEST("arena is empty after destroy", a.head == NULL);

	/* growable array */
	mg_vec_init(&v, sizeof(int));
	ok = 1;
	for (i = 0; i < 1000; i++) {
		int *slot = mg_vec_push(&v);
		if (!slot) {
			ok = 0;
			break;
		}
		*slot = (int)i;
	}
	MG_TEST("vec holds 1000 pushed elements", ok && v.len == 1000 && MG_VEC_AT(&v, int, 999) == 999);
	MG_TEST("vec reserve makes room without changing the elements", mg_vec_reserve(&v, 4000) == MG_OK
		&& v.cap == 4000 && v.len == 1000 && MG_VEC_AT(&v, int, 999) == 999);
	mg_vec_shrink(&v);
	{
		mg_vec w;
		mg_vec_init(&w, sizeof(int));
		MG_TEST("a vec reserved for one element grows past it", mg_vec_reserve(&w, 1) == MG_OK
			&& mg_vec_push(&w) && mg_vec_push(&w) && mg_vec_push(&w) && w.len == 3 && w.cap >= 3);
		mg_vec_free(&w);
	}
	MG_TEST("a shrunk vec keeps its elements in exactly their room",
		v.len == 1000 && v.cap == 1000 && MG_VEC_AT(&v, int, 0) == 0 && MG_VEC_AT(&v, int, 999) == 999);
	MG_TEST("and still grows", mg_vec_push(&v) != NULL && v.len == 1001);
	mg_vec_free(&v);

	/* int map */
	MG_TEST("imap init", mg_imap_init(&im, 4) == MG_OK);
	ok = 1;
	for (i = 0; i < 5000; i++) {
		ok = ok && mg_imap_put(&im, (int64_t)i * 7919 - 100000, i, NULL) == 1;
	}
	MG_TEST("imap inserts 5000 keys (growing)", ok && im.len == 5000);
	MG_TEST("imap finds a key", mg_imap_get(&im, 4999LL * 7919 - 100000, &val) && val == 4999);
	MG_TEST("imap misses an absent key", !mg_imap_get(&im, 1, &val));
	MG_TEST("imap refuses a duplicate and reports the first value",
		mg_imap_put(&im, -100000, 42, &val) == 0 && val == 0);
	ok = 1;
	for (i = 0; i < 5000; i++) {
		ok = ok && mg_imap_get(&im, (int64_t)i * 7919 - 100000, &val) && val == i;
	}
	MG_TEST("imap finds every key after growing, at a load of at most 3/4",
		ok && im.len * 4 <= im.cap * 3);
	MG_TEST("imap set replaces a value", mg_imap_set(&im, 7919 - 100000, 9) == 0
		&& mg_imap_get(&im, 7919 - 100000, &val) && val == 9);
	mg_imap_free(&im);
	memset(&im, 0, sizeof(im));
	MG_TEST("an imap never initialised takes a first key", mg_imap_put(&im, INT64_MIN, 3, NULL) == 1
		&& mg_imap_get(&im, INT64_MIN, &val) && val == 3 && !mg_imap_get(&im, 0, &val));
	mg_imap_free(&im);

	/* int map, dense mode */
	MG_TEST("a dense imap over [100, 199]", mg_imap_init_dense(&im, 100, 199) == MG_OK && im.dense && im.span == 100);
	ok = 1;
	for (i = 0; i < 100; i += 2) {
		ok = ok && mg_imap_put(&im, 100 + (int64_t)i, i, NULL) == 1;
	}
	MG_TEST("a dense imap takes the keys of its span", ok && im.len == 50 && im.dense);
	MG_TEST("a dense imap finds a key and its value", mg_imap_get(&im, 198, &val) && val == 98);
	MG_TEST("a dense imap misses a key of its span it was not given", !mg_imap_get(&im, 101, &val));
	MG_TEST("a dense imap misses keys outside its span (below, above, far)",
		!mg_imap_get(&im, 99, &val) && !mg_imap_get(&im, 200, &val) && !mg_imap_get(&im, INT64_MIN, &val)
		&& !mg_imap_get(&im, INT64_MAX, &val));
	MG_TEST("a dense imap refuses a duplicate and reports the first value",
		mg_imap_put(&im, 100, 42, &val) == 0 && val == 0 && im.len == 50);
	MG_TEST("a dense imap's set replaces, then inserts",
		mg_imap_set(&im, 102, 7) == 0 && mg_imap_get(&im, 102, &val) && val == 7
		&& mg_imap_set(&im, 103, 8) == 1 && mg_imap_get(&im, 103, &val) && val == 8 && im.len == 51);
	MG_TEST("a key outside the span turns it into a hash map with the same keys",
		mg_imap_put(&im, -5, 1000, NULL) == 1 && !im.dense && im.len == 52
		&& mg_imap_get(&im, -5, &val) && val == 1000 && mg_imap_get(&im, 102, &val) && val == 7
		&& mg_imap_get(&im, 198, &val) && val == 98 && !mg_imap_get(&im, 101, &val));
	mg_imap_free(&im);
	MG_TEST("a dense imap's set outside its span also turns it into a hash map",
		mg_imap_init_dense(&im, -3, 3) == MG_OK && mg_imap_put(&im, -3, 1, NULL) == 1
		&& mg_imap_set(&im, 4, 2) == 1 && !im.dense && mg_imap_get(&im, -3, &val) && val == 1
		&& mg_imap_get(&im, 4, &val) && val == 2);
	mg_imap_free(&im);
	MG_TEST("a dense imap refuses an empty or unaddressable span",
		mg_imap_init_dense(&im, 5, 4) == MG_ENOMEM && !im.dense
		&& mg_imap_init_dense(&im, INT64_MIN, INT64_MAX) == MG_ENOMEM && !im.dense);
	mg_imap_free(&im);

	/* string map */
	MG_TEST("smap init", mg_smap_init(&sm, 1) == MG_OK);
	MG_TEST("smap insert", mg_smap_put(&sm, S("0691234A"), 7, NULL) == 1);
	MG_TEST("smap insert empty key", mg_smap_put(&sm, S(""), 8, NULL) == 1);
	MG_TEST("smap get", mg_smap_get(&sm, S("0691234A"), &val) && val == 7);
	MG_TEST("smap get empty key", mg_smap_get(&sm, S(""), &val) && val == 8);
	MG_TEST("smap is case sensitive", !mg_smap_get(&sm, S("0691234a"), &val));
	mg_smap_free(&sm);

	/* names as people sort them */
	MG_TEST("accents fold: Élan before Fabre", mg_name_cmp(S("Élan"), S("Fabre")) < 0);
	MG_TEST("case folds: dupont before Durand", mg_name_cmp(S("dupont"), S("Durand")) < 0);
	MG_TEST("œ folds to oe: Œuvre after Odile", mg_name_cmp(S("Œuvre"), S("Odile")) > 0);
	{
		/* The model sorts people by folded names computed once
		 * (mg_name_fold): the order must be mg_name_cmp's, pair by pair. */
		static const char *const names[] = { "Élan", "elan", "Elan", "ÉLAN", "Fabre", "dupont", "Durand",
			"Œuvre", "Oeuvre", "Odile", "Straße", "Strasse", "Ærø", "aero", "", "Zoé", "Zoe", "\xff\xfe",
			"Łukasz", "Lukasz", "Ñuñez", "Nunez", "O'Neil", "o neil" };
		size_t x, y, n = sizeof(names) / sizeof(names[0]);
		char fa[64], fb[64];
		ok = 1;
		for (x = 0; x < n; x++) {
			for (y = 0; y < n; y++) {
				mg_str a = S(names[x]), b = S(names[y]);
				int want = mg_name_cmp(a, b), got = mg_str_cmp(mg_name_fold(a, fa), mg_name_fold(b, fb));
				if (!got) {
					got = mg_str_cmp(a, b);
				}
				if ((want < 0) != (got < 0) || (want > 0) != (got > 0)) {
					printf("  %s / %s: mg_name_cmp %d, folded %d\n", names[x], names[y], want, got);
					ok = 0;
				}
			}
		}
		MG_TEST("comparing folded names then the names themselves is mg_name_cmp", ok);
		MG_TEST("folding never lengthens a name", mg_name_fold(S("ÆŒßþ"), fa).len <= strlen("ÆŒßþ"));
	}
	MG_TEST("folded ties break bytewise, deterministically",
		mg_name_cmp(S("Eve"), S("Ève")) != 0 && mg_name_cmp(S("Eve"), S("Ève")) == -mg_name_cmp(S("Ève"), S("Eve")));
	MG_TEST("a prefix sorts first", mg_name_cmp(S("Martin"), S("Martinez")) < 0);
	MG_TEST("equal names compare equal", mg_name_cmp(S("N'Diaye"), S("N'Diaye")) == 0);
	MG_TEST("non-Latin scripts compare without crashing", mg_name_cmp(S("Ивана"), S("李")) != 0);
	MG_TEST("a truncated UTF-8 sequence is compared safely", mg_name_cmp(S("\xC3"), S("\xC3\xA9")) != 0);

	/* trimming */
	MG_TEST("trim", mg_str_eq_c(mg_str_trim(S("  x y\t\n")), "x y"));
	MG_TEST("trim of blanks is empty", mg_str_trim(S("   ")).len == 0);
	MG_TEST("a UAI fits the attestation file", mg_uai_fits(S("0691234A")) && mg_uai_fits(S("a-B_c.9")));
	MG_TEST("20 characters fit, 21 do not",
		mg_uai_fits(S("12345678901234567890")) && !mg_uai_fits(S("123456789012345678901")));
	MG_TEST("empty, a space, an accent, a sign do not fit",
		!mg_uai_fits(S("")) && !mg_uai_fits(S("069 1234A")) && !mg_uai_fits(S("0691234\xc3\x89"))
		&& !mg_uai_fits(S("0691234+")) && !mg_uai_fits(S("069/1234")));

	/* code keys, as the model matches UAIs and circonscription codes */
	{
		char buf[64];
		size_t n;
		n = mg_code_key(S(" 0690001a\t"), 0, buf);
		MG_TEST("a code key is trimmed and upper-cased", n == 8 && memcmp(buf, "0690001A", 8) == 0);
		n = mg_code_key(S("069\x01" "0001a\x01"), 1, buf);
		MG_TEST("normalised, a control character becomes a space (then trimmed)",
			n == 9 && memcmp(buf, "069 0001A", 9) == 0);
		n = mg_code_key(S("069\x01" "0001a\x01"), 0, buf);
		MG_TEST("not normalised, a control character stays", n == 10 && memcmp(buf, "069\x01" "0001A\x01", 10) == 0);
		n = mg_code_key(S("\xC3\xA9" "ab\xFF" "c"), 1, buf);
		MG_TEST("normalised, invalid UTF-8 is dropped and non-ASCII kept",
			n == 5 && memcmp(buf, "\xC3\xA9" "ABC", 5) == 0);
		MG_TEST("the key of blanks is empty", mg_code_key(S(" \t "), 1, buf) == 0);
	}

	/* rowset: rows dropped by a store */
	{
		mg_rowset *rs = mg_rowset_new();
		size_t k;
		int64_t ids[6] = { 1, 2, 3, 4, 5, 6 };
		for (k = 0; k < 6; k++) {
			mg_row_user *u = mg_rowset_row(rs, MG_T_USER);
			u->key = u->id = ids[k];
		}
		mg_rowset_pop(rs, MG_T_USER);
		MG_TEST("pop drops the last row", mg_rowset_count(rs, MG_T_USER) == 5);
		mg_rowset_pop(rs, MG_T_COURSE);
		MG_TEST("pop of an empty table does nothing", mg_rowset_count(rs, MG_T_COURSE) == 0);
		MG_TEST("filter removes the rows not kept",
			mg_rowset_filter(rs, MG_T_USER, keep_even, NULL) == 3 && mg_rowset_count(rs, MG_T_USER) == 2);
		MG_TEST("filter keeps the order",
			((const mg_row_user *)mg_rowset_get(rs, MG_T_USER, 0))->id == 2
			&& ((const mg_row_user *)mg_rowset_get(rs, MG_T_USER, 1))->id == 4);
		mg_rowset_free(rs);
	}

	/* errors */
	{
		mg_error err;
		mg_error_clear(&err);
		mg_error_data(&err, "course", 3, "id", "duplicate id %d", 4);
		MG_TEST("data errors name table, row and field",
			err.code == MG_EDATA && strcmp(err.message, "course row 3, field id: duplicate id 4") == 0
			&& strcmp(err.table, "course") == 0 && err.row == 3 && strcmp(err.field, "id") == 0);
	}
	MG_TEST_REPORT();
}
