/*
 * An index of cell value tuples (open addressing, FNV-1a), for duplicate detection in a read
 * file and for the national merge. A tuple is encoded as bytes: per dimension, 0x00 for a
 * margin (NULL ptr) or 0x01, a 4-byte length and the value.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xml/xml_private.h"

typedef struct ix_slot {
	unsigned char *key;   /* NULL when empty */
	size_t keylen;
	uint64_t hash;
	size_t value;
} ix_slot;

struct mg_xml_index {
	size_t ndims;
	size_t cap;           /* power of two */
	size_t count;
	ix_slot *slots;
};

static unsigned char *ix_encode(size_t ndims, const mg_str *values, size_t *len)
{
	size_t n = 0, d;
	unsigned char *key, *p;

	for (d = 0; d < ndims; d++) {
		if (values[d].ptr == NULL) {
			n += 1;
		} else {
			if (values[d].len > UINT32_MAX || n > SIZE_MAX - 5 - values[d].len) {
				return NULL;
			}
			n += 5 + values[d].len;
		}
	}
	key = malloc(n > 0 ? n : 1);
	if (key == NULL) {
		return NULL;
	}
	p = key;
	for (d = 0; d < ndims; d++) {
		if (values[d].ptr == NULL) {
			*p++ = 0;
		} else {
			uint32_t l = (uint32_t)values[d].len;

			*p++ = 1;
			memcpy(p, &l, 4);
			p += 4;
			if (l > 0) {
				memcpy(p, values[d].ptr, l);
			}
			p += l;
		}
	}
	*len = n;
	return key;
}

static uint64_t ix_hash(const unsigned char *k, size_t n)
{
	uint64_t h = UINT64_C(1469598103934665603);
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= k[i];
		h *= UINT64_C(1099511628211);
	}
	return h;
}

mg_xml_index *mg_xml_index_new(size_t ndims)
{
	mg_xml_index *ix = calloc(1, sizeof(*ix));

	if (ix == NULL) {
		return NULL;
	}
	ix->ndims = ndims;
	ix->cap = 64;
	ix->slots = calloc(ix->cap, sizeof(ix_slot));
	if (ix->slots == NULL) {
		free(ix);
		return NULL;
	}
	return ix;
}

void mg_xml_index_free(mg_xml_index *ix)
{
	size_t i;

	if (ix == NULL) {
		return;
	}
	for (i = 0; i < ix->cap; i++) {
		free(ix->slots[i].key);
	}
	free(ix->slots);
	free(ix);
}

static size_t ix_probe(const mg_xml_index *ix, const unsigned char *key, size_t len, uint64_t h)
{
	size_t mask = ix->cap - 1, i = (size_t)h & mask;

	while (ix->slots[i].key != NULL) {
		const ix_slot *s = &ix->slots[i];

		if (s->hash == h && s->keylen == len && memcmp(s->key, key, len) == 0) {
			return i;
		}
		i = (i + 1) & mask;
	}
	return i;
}

size_t mg_xml_index_find(const mg_xml_index *ix, const mg_str *values)
{
	size_t len, i;
	unsigned char *key = ix_encode(ix->ndims, values, &len);
	uint64_t h;

	if (key == NULL) {
		return SIZE_MAX;
	}
	h = ix_hash(key, len);
	i = ix_probe(ix, key, len, h);
	free(key);
	return ix->slots[i].key != NULL ? ix->slots[i].value : SIZE_MAX;
}

static int ix_grow(mg_xml_index *ix)
{
	size_t ncap, i;
	ix_slot *old = ix->slots, *nslots;

	if (ix->cap > SIZE_MAX / 2 / sizeof(ix_slot)) {
		return -1;
	}
	ncap = ix->cap * 2;
	nslots = calloc(ncap, sizeof(ix_slot));
	if (nslots == NULL) {
		return -1;
	}
	for (i = 0; i < ix->cap; i++) {
		if (old[i].key != NULL) {
			size_t j = (size_t)old[i].hash & (ncap - 1);

			while (nslots[j].key != NULL) {
				j = (j + 1) & (ncap - 1);
			}
			nslots[j] = old[i];
		}
	}
	free(old);
	ix->slots = nslots;
	ix->cap = ncap;
	return 0;
}

int mg_xml_index_add(mg_xml_index *ix, const mg_str *values, size_t value)
{
	size_t len, i;
	unsigned char *key;
	uint64_t h;

	if ((ix->count + 1) * 4 > ix->cap * 3 && ix_grow(ix) != 0) {
		return -1;
	}
	key = ix_encode(ix->ndims, values, &len);
	if (key == NULL) {
		return -1;
	}
	h = ix_hash(key, len);
	i = ix_probe(ix, key, len, h);
	if (ix->slots[i].key != NULL) {
		free(key);
		ix->slots[i].value = value;
		return 0;
	}
	ix->slots[i].key = key;
	ix->slots[i].keylen = len;
	ix->slots[i].hash = h;
	ix->slots[i].value = value;
	ix->count++;
	return 0;
}
