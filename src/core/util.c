/*
 * Errors, arena, growable arrays, hash maps and name comparison.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core_private.h"


/* ---------------------------------------------------------------- errors */

static void error_vset(mg_error *err, mg_status code, const char *prefix,
	const char *fmt, va_list ap)
{
	size_t n = 0;

	err->code = code;
	err->message[0] = '\0';
	if (prefix) {
		n = (size_t)snprintf(err->message, sizeof(err->message), "%s", prefix);
		if (n >= sizeof(err->message)) {
			n = sizeof(err->message) - 1;
		}
	}
	vsnprintf(err->message + n, sizeof(err->message) - n, fmt, ap);
}

mg_status mg_error_set(mg_error *err, mg_status code, const char *fmt, ...)
{
	va_list ap;

	if (err) {
		err->table = NULL;
		err->field = NULL;
		err->row = 0;
		va_start(ap, fmt);
		error_vset(err, code, NULL, fmt, ap);
		va_end(ap);
	}
	return code;
}

mg_status mg_error_data(mg_error *err, const char *table, int64_t row,
	const char *field, const char *fmt, ...)
{
	char prefix[160];
	va_list ap;

	if (err) {
		if (field) {
			snprintf(prefix, sizeof(prefix), "%s row %lld, field %s: ", table, (long long)row, field);
		} else {
			snprintf(prefix, sizeof(prefix), "%s row %lld: ", table, (long long)row);
		}
		err->table = table;
		err->row = row;
		err->field = field;
		va_start(ap, fmt);
		error_vset(err, MG_EDATA, prefix, fmt, ap);
		va_end(ap);
	}
	return MG_EDATA;
}

void mg_error_clear(mg_error *err)
{
	if (err) {
		memset(err, 0, sizeof(*err));
	}
}

/* ---------------------------------------------------------------- memory */

/* Each block starts with a header holding its size, so that mg_free knows
 * what it gives back; the header keeps the block aligned for any type. */
typedef union mem_hdr {
	size_t size;
	max_align_t align;
} mem_hdr;

static _Thread_local size_t mem_live, mem_peak;
static _Thread_local mg_mem_limit_fn mem_limit;
static _Thread_local void *mem_limit_ctx;
static _Thread_local int mem_refused;

static int mem_allowed(size_t more)
{
	if (mem_limit && mem_limit(mem_limit_ctx, mem_live, more) != 0) {
		mem_refused = 1;
		return 0;
	}
	return 1;
}

static void mem_count(size_t plus, size_t minus)
{
	mem_live = mem_live - minus + plus;
	if (mem_live > mem_peak) {
		mem_peak = mem_live;
	}
}

void *mg_malloc(size_t size)
{
	mem_hdr *h;

	if (size > SIZE_MAX - sizeof(mem_hdr) || !mem_allowed(size)) {
		return NULL;
	}
	h = malloc(sizeof(mem_hdr) + size);
	if (!h) {
		return NULL;
	}
	h->size = size;
	mem_count(size, 0);
	return h + 1;
}

void *mg_calloc(size_t n, size_t size)
{
	mem_hdr *h;

	if (size && n > SIZE_MAX / size) {
		return NULL;
	}
	if (n * size > SIZE_MAX - sizeof(mem_hdr) || !mem_allowed(n * size)) {
		return NULL;
	}
	/* calloc, not malloc and memset: fresh pages from the system are zero
	 * already, and are not touched until used. */
	h = calloc(1, sizeof(mem_hdr) + n * size);
	if (!h) {
		return NULL;
	}
	h->size = n * size;
	mem_count(n * size, 0);
	return h + 1;
}

void *mg_realloc(void *p, size_t size)
{
	mem_hdr *h, *nh;
	size_t old;

	if (!p) {
		return mg_malloc(size);
	}
	h = (mem_hdr *)p - 1;
	old = h->size;
	if (size > SIZE_MAX - sizeof(mem_hdr) || (size > old && !mem_allowed(size - old))) {
		return NULL;
	}
	nh = realloc(h, sizeof(mem_hdr) + size);
	if (!nh) {
		return NULL;
	}
	nh->size = size;
	mem_count(size, old);
	return nh + 1;
}

void mg_free(void *p)
{
	mem_hdr *h;

	if (!p) {
		return;
	}
	h = (mem_hdr *)p - 1;
	mem_count(0, h->size);
	free(h);
}

size_t mg_mem_live(void)
{
	return mem_live;
}

size_t mg_mem_peak(void)
{
	return mem_peak;
}

void mg_mem_peak_reset(void)
{
	mem_peak = mem_live;
}

void mg_mem_set_limit(mg_mem_limit_fn limit, void *ctx)
{
	mem_limit = limit;
	mem_limit_ctx = ctx;
}

int mg_mem_take_refused(void)
{
	int r = mem_refused;

	mem_refused = 0;
	return r;
}

/* ----------------------------------------------------------------- arena */

struct mg_arena_block {
	mg_arena_block *next;
	size_t size, used;
	/* data follows, 16-byte aligned */
};

#define MG_ARENA_HDR ((sizeof(mg_arena_block) + 15u) & ~(size_t)15u)
#define MG_ARENA_BLOCK (64u * 1024u)

void *mg_arena_alloc(mg_arena *a, size_t size)
{
	mg_arena_block *b = a->head;
	size_t need = (size + 15u) & ~(size_t)15u;

	if (need < size) {
		return NULL;
	}
#ifndef MG_ARENA_TRACK
	if (b && b->size - b->used >= need) {
		void *p = (char *)b + MG_ARENA_HDR + b->used;
		b->used += need;
		return p;
	}
#endif
	{
		size_t bsize = need > MG_ARENA_BLOCK ? need : MG_ARENA_BLOCK;
#ifdef MG_ARENA_TRACK
		bsize = need ? need : 16;
#endif
		if (bsize > SIZE_MAX - MG_ARENA_HDR) {
			return NULL;
		}
		b = mg_malloc(MG_ARENA_HDR + bsize);
		if (!b) {
			return NULL;
		}
		b->size = bsize;
		b->used = need;
		if (a->head && need > MG_ARENA_BLOCK / 2) {
			/* keep the current block for small allocations */
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
		return (char *)b + MG_ARENA_HDR;
	}
}

void *mg_arena_calloc(mg_arena *a, size_t n, size_t size)
{
	void *p;

	if (size && n > SIZE_MAX / size) {
		return NULL;
	}
	p = mg_arena_alloc(a, n * size);
	if (p) {
		memset(p, 0, n * size);
	}
	return p;
}

char *mg_arena_strndup(mg_arena *a, const char *s, size_t len)
{
	char *p;

	if (len == SIZE_MAX) {
		return NULL;
	}
	p = mg_arena_alloc(a, len + 1);
	if (p) {
		if (len) {
			memcpy(p, s, len);
		}
		p[len] = '\0';
	}
	return p;
}

void mg_arena_destroy(mg_arena *a)
{
	mg_arena_block *b = a->head;

	while (b) {
		mg_arena_block *next = b->next;
		mg_free(b);
		b = next;
	}
	a->head = NULL;
}

/* ---------------------------------------------------------- growable array */

void mg_vec_init(mg_vec *v, size_t elsize)
{
	v->data = NULL;
	v->len = v->cap = 0;
	v->elsize = elsize;
}

mg_status mg_vec_reserve(mg_vec *v, size_t n)
{
	void *nd;

	if (n <= v->cap) {
		return MG_OK;
	}
	if (n > SIZE_MAX / v->elsize) {
		return MG_ENOMEM;
	}
	nd = mg_realloc(v->data, n * v->elsize);
	if (!nd) {
		return MG_ENOMEM;
	}
	v->data = nd;
	v->cap = n;
	return MG_OK;
}

void *mg_vec_push(mg_vec *v)
{
	char *slot;

	/* grows by half (16 elements at first) */
	if (v->len == v->cap && (v->cap > SIZE_MAX / 2
			|| mg_vec_reserve(v, v->cap < 16 ? 16 : v->cap + v->cap / 2) != MG_OK)) {
		return NULL;
	}
	slot = (char *)v->data + v->len * v->elsize;
	memset(slot, 0, v->elsize);
	v->len++;
	return slot;
}

void mg_vec_shrink(mg_vec *v)
{
	void *nd;

	if (v->len == v->cap || v->len == 0) {
		return;
	}
	nd = mg_realloc(v->data, v->len * v->elsize);
	if (nd) {
		v->data = nd;
		v->cap = v->len;
	}
}

void mg_vec_free(mg_vec *v)
{
	mg_free(v->data);
	v->data = NULL;
	v->len = v->cap = 0;
}

/* ------------------------------------------------------------- hash maps */

static size_t map_capacity(size_t expected)
{
	size_t cap = 16;

	while (cap < expected * 2 + 1) {
		if (cap > SIZE_MAX / 4) {
			return 0;
		}
		cap <<= 1;
	}
	return cap;
}

/* The integer maps' capacity: a power of two holding `expected` keys at a
 * load of at most 3/4 (one slot read per probe keeps longer runs cheap). */
static size_t imap_capacity(size_t expected)
{
	size_t cap = 16;

	if (expected > SIZE_MAX / 4 / sizeof(mg_imap_slot)) {
		return 0;
	}
	while (cap * 3 < expected * 4 + 4) {
		cap <<= 1;
	}
	return cap;
}

static uint64_t hash_int(int64_t k)
{
	uint64_t x = (uint64_t)k;

	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

static uint64_t hash_str(mg_str s)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < s.len; i++) {
		h ^= (unsigned char)s.ptr[i];
		h *= 1099511628211ULL;
	}
	return h;
}

mg_status mg_imap_init(mg_imap *m, size_t expected)
{
	memset(m, 0, sizeof(*m));
	m->cap = imap_capacity(expected);
	if (!m->cap) {
		return MG_ENOMEM;
	}
	m->slots = mg_calloc(m->cap, sizeof(*m->slots));
	if (!m->slots) {
		mg_imap_free(m);
		return MG_ENOMEM;
	}
	return MG_OK;
}

mg_status mg_imap_init_dense(mg_imap *m, int64_t lo, int64_t hi)
{
	uint64_t span;

	memset(m, 0, sizeof(*m));
	if (hi < lo) {
		return MG_ENOMEM;
	}
	span = (uint64_t)hi - (uint64_t)lo + 1;
	if (span == 0 || span > SIZE_MAX / sizeof(uint32_t) || span >= MG_IMAP_EMPTY) {
		return MG_ENOMEM;
	}
	m->dense = mg_malloc((size_t)span * sizeof(uint32_t));
	if (!m->dense) {
		return MG_ENOMEM;
	}
	memset(m->dense, 0xFF, (size_t)span * sizeof(uint32_t)); /* MG_IMAP_EMPTY everywhere */
	m->base = lo;
	m->span = (size_t)span;
	return MG_OK;
}

/* The index of key in a dense map's array, or span when outside it. */
static size_t imap_dense_at(const mg_imap *m, int64_t key)
{
	uint64_t off = (uint64_t)key - (uint64_t)m->base;

	return key >= m->base && off < m->span ? (size_t)off : m->span;
}

/* A dense map becomes a hash map holding the same keys (for a key outside
 * its span). */
static int imap_undense(mg_imap *m)
{
	mg_imap h;
	size_t k;

	if (mg_imap_init(&h, m->len ? m->len : 1) != MG_OK) {
		return -1;
	}
	for (k = 0; k < m->span; k++) {
		if (m->dense[k] != MG_IMAP_EMPTY && mg_imap_put(&h, (int64_t)((uint64_t)m->base + k), m->dense[k], NULL) < 0) {
			mg_imap_free(&h);
			return -1;
		}
	}
	mg_imap_free(m);
	*m = h;
	return 0;
}

/* Doubles the table and reinserts every key. */
static int imap_grow(mg_imap *m)
{
	mg_imap n;
	size_t i;

	if (m->cap > SIZE_MAX / 2 / sizeof(mg_imap_slot)) {
		return -1;
	}
	memset(&n, 0, sizeof(n));
	n.cap = m->cap * 2;
	n.slots = mg_calloc(n.cap, sizeof(*n.slots));
	if (!n.slots) {
		return -1;
	}
	for (i = 0; i < m->cap; i++) {
		if (m->slots[i].used) {
			mg_imap_put(&n, m->slots[i].key, m->slots[i].val, NULL);
		}
	}
	mg_imap_free(m);
	*m = n;
	return 0;
}

int mg_imap_put(mg_imap *m, int64_t key, uint32_t val, uint32_t *existing)
{
	size_t i, mask;
	mg_imap_slot *sl;

	if (m->dense) {
		size_t at = imap_dense_at(m, key);
		if (at < m->span) {
			if (m->dense[at] != MG_IMAP_EMPTY) {
				if (existing) {
					*existing = m->dense[at];
				}
				return 0;
			}
			m->dense[at] = val;
			m->len++;
			return 1;
		}
		if (imap_undense(m) != 0) {
			return -1;
		}
	}

	if (!m->cap || (m->len + 1) * 4 > m->cap * 3) {
		if (!m->cap) {
			if (mg_imap_init(m, 1) != MG_OK) {
				return -1;
			}
		} else if (imap_grow(m) != 0) {
			return -1;
		}
	}
	mask = m->cap - 1;
	i = (size_t)hash_int(key) & mask;
	for (;;) {
		sl = &m->slots[i];
		if (!sl->used) {
			break;
		}
		if (sl->key == key) {
			if (existing) {
				*existing = sl->val;
			}
			return 0;
		}
		i = (i + 1) & mask;
	}
	sl->used = 1;
	sl->key = key;
	sl->val = val;
	m->len++;
	return 1;
}

int mg_imap_set(mg_imap *m, int64_t key, uint32_t val)
{
	size_t i, mask;

	if (m->dense) {
		size_t at = imap_dense_at(m, key);
		if (at < m->span) {
			int inserted = m->dense[at] == MG_IMAP_EMPTY;
			m->dense[at] = val;
			m->len += (size_t)inserted;
			return inserted;
		}
		if (imap_undense(m) != 0) {
			return -1;
		}
	}

	if (m->cap) {
		mask = m->cap - 1;
		i = (size_t)hash_int(key) & mask;
		while (m->slots[i].used) {
			if (m->slots[i].key == key) {
				m->slots[i].val = val;
				return 0;
			}
			i = (i + 1) & mask;
		}
	}
	return mg_imap_put(m, key, val, NULL) < 0 ? -1 : 1;
}

bool mg_imap_get(const mg_imap *m, int64_t key, uint32_t *val)
{
	size_t i, mask;

	if (m->dense) {
		size_t at = imap_dense_at(m, key);
		if (at < m->span && m->dense[at] != MG_IMAP_EMPTY) {
			*val = m->dense[at];
			return true;
		}
		return false;
	}
	if (!m->cap) {
		return false;
	}
	mask = m->cap - 1;
	i = (size_t)hash_int(key) & mask;
	while (m->slots[i].used) {
		if (m->slots[i].key == key) {
			*val = m->slots[i].val;
			return true;
		}
		i = (i + 1) & mask;
	}
	return false;
}

void mg_imap_free(mg_imap *m)
{
	mg_free(m->slots);
	mg_free(m->dense);
	memset(m, 0, sizeof(*m));
}

mg_status mg_smap_init(mg_smap *m, size_t expected)
{
	memset(m, 0, sizeof(*m));
	m->cap = map_capacity(expected);
	if (!m->cap) {
		return MG_ENOMEM;
	}
	m->keys = mg_malloc(m->cap * sizeof(*m->keys));
	m->vals = mg_malloc(m->cap * sizeof(*m->vals));
	m->used = mg_calloc(m->cap, 1);
	if (!m->keys || !m->vals || !m->used) {
		mg_smap_free(m);
		return MG_ENOMEM;
	}
	return MG_OK;
}

static int smap_grow(mg_smap *m)
{
	mg_smap n;
	size_t i;

	if (mg_smap_init(&n, m->cap) != MG_OK) {
		return -1;
	}
	for (i = 0; i < m->cap; i++) {
		if (m->used[i]) {
			mg_smap_put(&n, m->keys[i], m->vals[i], NULL);
		}
	}
	mg_smap_free(m);
	*m = n;
	return 0;
}

int mg_smap_put(mg_smap *m, mg_str key, uint32_t val, uint32_t *existing)
{
	size_t i;

	if ((m->len + 1) * 2 > m->cap && smap_grow(m) != 0) {
		return -1;
	}
	i = (size_t)hash_str(key) & (m->cap - 1);
	while (m->used[i]) {
		if (mg_str_eq(m->keys[i], key)) {
			if (existing) {
				*existing = m->vals[i];
			}
			return 0;
		}
		i = (i + 1) & (m->cap - 1);
	}
	m->used[i] = 1;
	m->keys[i] = key;
	m->vals[i] = val;
	m->len++;
	return 1;
}

bool mg_smap_get(const mg_smap *m, mg_str key, uint32_t *val)
{
	size_t i;

	if (!m->cap) {
		return false;
	}
	i = (size_t)hash_str(key) & (m->cap - 1);
	while (m->used[i]) {
		if (mg_str_eq(m->keys[i], key)) {
			*val = m->vals[i];
			return true;
		}
		i = (i + 1) & (m->cap - 1);
	}
	return false;
}

void mg_smap_free(mg_smap *m)
{
	mg_free(m->keys);
	mg_free(m->vals);
	mg_free(m->used);
	memset(m, 0, sizeof(*m));
}

/* ----------------------------------------------------------------- strings */

bool mg_str_eq(mg_str a, mg_str b)
{
	return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

bool mg_str_eq_c(mg_str a, const char *c)
{
	size_t n = strlen(c);

	return a.len == n && (n == 0 || memcmp(a.ptr, c, n) == 0);
}

int mg_str_cmp(mg_str a, mg_str b)
{
	size_t n = a.len < b.len ? a.len : b.len;
	int r = n ? memcmp(a.ptr, b.ptr, n) : 0;

	if (r) {
		return r;
	}
	return a.len < b.len ? -1 : (a.len > b.len ? 1 : 0);
}

mg_str mg_str_trim(mg_str s)
{
	while (s.len && (s.ptr[0] == ' ' || s.ptr[0] == '\t' || s.ptr[0] == '\n' || s.ptr[0] == '\r')) {
		s.ptr++;
		s.len--;
	}
	while (s.len && (s.ptr[s.len - 1] == ' ' || s.ptr[s.len - 1] == '\t'
			|| s.ptr[s.len - 1] == '\n' || s.ptr[s.len - 1] == '\r')) {
		s.len--;
	}
	return s;
}

bool mg_uai_fits(mg_str uai)
{
	size_t i;

	if (uai.len == 0 || uai.len > MG_UAI_MAX) {
		return false;
	}
	for (i = 0; i < uai.len; i++) {
		char c = uai.ptr[i];

		if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
				|| c == '-' || c == '_' || c == '.')) {
			return false;
		}
	}
	return true;
}

/* Folding of U+00C0..U+00FF to lower-case base letters ("" for the signs). */
static const char *const latin1_fold[64] = {
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", NULL, "o", "u", "u", "u", "u", "y", "th", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", NULL, "o", "u", "u", "u", "u", "y", "th", "y",
};

/* Reads the next folded unit of s at *i into buf; returns its length (0 at
 * the end). Unfolded code points are copied as their UTF-8 bytes. */
static size_t fold_next(mg_str s, size_t *i, char buf[4])
{
	unsigned char c;

	if (*i >= s.len) {
		return 0;
	}
	c = (unsigned char)s.ptr[*i];
	if (c < 0x80) {
		buf[0] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		(*i)++;
		return 1;
	}
	if (c == 0xC3 && *i + 1 < s.len) {
		unsigned char d = (unsigned char)s.ptr[*i + 1];
		if (d >= 0x80 && d <= 0xBF && latin1_fold[d - 0x80]) {
			const char *f = latin1_fold[d - 0x80];
			size_t n = strlen(f);
			memcpy(buf, f, n);
			*i += 2;
			return n;
		}
	}
	if (c == 0xC5 && *i + 1 < s.len) {
		unsigned char d = (unsigned char)s.ptr[*i + 1];
		if (d == 0x92 || d == 0x93) { /* Œ œ */
			buf[0] = 'o';
			buf[1] = 'e';
			*i += 2;
			return 2;
		}
	}
	/* copy one UTF-8 sequence (or one stray byte) as it is */
	{
		size_t n = 1;
		if (c >= 0xF0) {
			n = 4;
		} else if (c >= 0xE0) {
			n = 3;
		} else if (c >= 0xC0) {
			n = 2;
		}
		if (*i + n > s.len) {
			n = s.len - *i;
		}
		memcpy(buf, s.ptr + *i, n);
		*i += n;
		return n;
	}
}

mg_str mg_name_fold(mg_str s, char *out)
{
	size_t i = 0, n = 0, k;
	char buf[4];

	while ((k = fold_next(s, &i, buf)) > 0) {
		memcpy(out + n, buf, k);
		n += k;
	}
	return n ? (mg_str){ out, n } : MG_STR_NULL;
}

int mg_name_cmp(mg_str a, mg_str b)
{
	size_t i = 0, j = 0;
	char ba[4], bb[4];
	size_t na = 0, nb = 0, pa = 0, pb = 0;

	for (;;) {
		if (pa == na) {
			na = fold_next(a, &i, ba);
			pa = 0;
		}
		if (pb == nb) {
			nb = fold_next(b, &j, bb);
			pb = 0;
		}
		if (na == 0 || nb == 0) {
			if (na == 0 && nb == 0) {
				break;
			}
			return na == 0 ? -1 : 1;
		}
		if (ba[pa] != bb[pb]) {
			return (unsigned char)ba[pa] < (unsigned char)bb[pb] ? -1 : 1;
		}
		pa++;
		pb++;
	}
	return mg_str_cmp(a, b);
}

/* ----------------------------------------------------------- normalising */

/* Length of the valid UTF-8 sequence at s[i] (1 to 4), 0 when invalid
 * (overlong, surrogate, above U+10FFFF, truncated or stray byte). */
static size_t utf8_seq(const unsigned char *s, size_t len, size_t i)
{
	unsigned char c = s[i];
	size_t n, k;
	unsigned char lo = 0x80, hi = 0xBF;

	if (c < 0x80) {
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		if (c == 0xE0) {
			lo = 0xA0;
		} else if (c == 0xED) {
			hi = 0x9F;
		}
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		if (c == 0xF0) {
			lo = 0x90;
		} else if (c == 0xF4) {
			hi = 0x8F;
		}
	} else {
		return 0;
	}
	if (i + n > len) {
		return 0;
	}
	if (s[i + 1] < lo || s[i + 1] > hi) {
		return 0;
	}
	for (k = 2; k < n; k++) {
		if (s[i + k] < 0x80 || s[i + k] > 0xBF) {
			return 0;
		}
	}
	return n;
}

unsigned mg_text_normalise(mg_arena *a, mg_str in, mg_str *out)
{
	const unsigned char *s = (const unsigned char *)in.ptr;
	unsigned what = 0;
	size_t i, o = 0;
	char *p;

	*out = in;
	for (i = 0; i < in.len;) {
		size_t n = utf8_seq(s, in.len, i);
		if (n == 0) {
			what |= MG_TEXT_INVALID_UTF8;
			i++;
		} else if (n == 1 && s[i] == 0) {
			what |= MG_TEXT_NUL;
			i++;
		} else if (n == 1 && (s[i] < 0x20 || s[i] == 0x7F)) {
			what |= MG_TEXT_CONTROL;
			i++;
		} else if (n == 3 && s[i] == 0xEF && s[i + 1] == 0xBF && (s[i + 2] == 0xBE || s[i + 2] == 0xBF)) {
			what |= MG_TEXT_NONCHARACTER;
			i += 3;
		} else {
			i += n;
		}
	}
	if (!what) {
		return 0;
	}
	p = mg_arena_alloc(a, in.len + 1);
	if (!p) {
		out->ptr = NULL;
		out->len = 0;
		return what | MG_TEXT_NOMEM;
	}
	for (i = 0; i < in.len;) {
		size_t n = utf8_seq(s, in.len, i);
		if (n == 0) {
			i++;                         /* dropped, as iconv //IGNORE does */
		} else if (n == 1 && s[i] == 0) {
			i++;                         /* dropped, as Moodle's fix_utf8() does */
		} else if (n == 1 && (s[i] < 0x20 || s[i] == 0x7F)) {
			p[o++] = ' ';                /* shown as a space in a page */
			i++;
		} else if (n == 3 && s[i] == 0xEF && s[i + 1] == 0xBF && (s[i + 2] == 0xBE || s[i + 2] == 0xBF)) {
			i += 3;                      /* dropped, as fix_utf8() does */
		} else {
			memcpy(p + o, s + i, n);
			o += n;
			i += n;
		}
	}
	p[o] = '\0';
	out->ptr = p;
	out->len = o;
	return what;
}

size_t mg_code_key(mg_str in, int normalise, char *buf)
{
	const unsigned char *s = (const unsigned char *)in.ptr;
	size_t i, o = 0, start = 0;

	if (normalise) {
		for (i = 0; i < in.len;) {
			size_t n = utf8_seq(s, in.len, i);
			if (n == 0 || (n == 1 && s[i] == 0)) {
				i++;
			} else if (n == 1 && (s[i] < 0x20 || s[i] == 0x7F)) {
				buf[o++] = ' ';
				i++;
			} else if (n == 3 && s[i] == 0xEF && s[i + 1] == 0xBF && (s[i + 2] == 0xBE || s[i + 2] == 0xBF)) {
				i += 3;
			} else {
				memcpy(buf + o, s + i, n);
				o += n;
				i += n;
			}
		}
	} else {
		if (in.len) {
			memcpy(buf, in.ptr, in.len);
		}
		o = in.len;
	}
	{
		mg_str t = mg_str_trim((mg_str){ buf, o });
		start = (size_t)(t.ptr - buf);
		o = t.len;
	}
	for (i = 0; i < o; i++) {
		char c = buf[start + i];
		buf[i] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
	}
	return o;
}

static const char *const problem_names[MG_P__COUNT] = {
	"missing_reference", "duplicate_id", "duplicate_key", "invalid_value", "invalid_duration",
	"invalid_text", "case_mismatch", "empty_value", "ambiguous_field", "section_mismatch",
};

const char *mg_problem_name(mg_problem p)
{
	return (unsigned)p < MG_P__COUNT ? problem_names[p] : "";
}
