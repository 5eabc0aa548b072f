/*
 * The ministry-side merge of académie statistics files into national tables
 * (docs/xml-statistics.md, "Merging"). Pure C over the core's table API.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "xml/xml_private.h"

static int add_checked(int64_t *acc, int64_t v)
{
	if (v < 0 || *acc > INT64_MAX - v) {
		return -1;
	}
	*acc += v;
	return 0;
}

static void dims_text(const mg_stats_table *t, char *buf, size_t size)
{
	size_t d, used = 0;

	buf[0] = '\0';
	for (d = 0; d < t->ndims && used < size; d++) {
		int n = snprintf(buf + used, size - used, "%s%s", d ? ", " : "", mg_dim_name(t->dims[d]));

		if (n < 0) {
			break;
		}
		used += (size_t)n;
	}
}

static mg_status check_files(mg_xml_stats_file *const *files, const char *const *names,
	size_t nfiles, mg_error *err)
{
	const mg_stats_table *first;
	size_t i, j;

	if (nfiles == 0) {
		return mg_error_set(err, MG_EARG, "no statistics file to merge");
	}
	first = files[0]->table;
	for (i = 0; i < nfiles; i++) {
		const mg_xml_stats_file *f = files[i];

		if (f->scope != MG_XML_SCOPE_ACADEMIE || f->academie == NULL) {
			return mg_error_set(err, MG_EXML, "%s: a national file cannot be merged again (only académie files)", names[i]);
		}
		if (f->table->ndims != first->ndims
				|| memcmp(f->table->dims, first->dims, first->ndims * sizeof(mg_dim)) != 0) {
			char a[128], b[128];

			dims_text(f->table, a, sizeof(a));
			dims_text(first, b, sizeof(b));
			return mg_error_set(err, MG_EXML, "%s: dimensions (%s) differ from those of %s (%s)",
				names[i], a, names[0], b);
		}
		for (j = 0; j < i; j++) {
			if (strcmp(files[j]->academie, f->academie) == 0) {
				return mg_error_set(err, MG_EXML, "%s: académie %s is already given by %s",
					names[i], f->academie, names[j]);
			}
		}
	}
	return MG_OK;
}

mg_status mg_xml_stats_merge(mg_xml_stats_file *const *files, const char *const *names,
	size_t nfiles, int64_t k, mg_stats_table **out, mg_error *err)
{
	mg_stats_table *nat = NULL;
	mg_xml_index *ix = NULL;
	int64_t kn = k;
	size_t i, c;
	mg_status st;

	*out = NULL;
	st = check_files(files, names, nfiles, err);
	if (st != MG_OK) {
		return st;
	}
	if (k != 0 && mg_settings_check_k(k, err) != MG_OK) {
		return MG_ESETTINGS;
	}
	for (i = 0; i < nfiles; i++) {
		if (files[i]->table->k > kn) {
			kn = files[i]->table->k;
		}
	}
	nat = mg_stats_new(files[0]->table->dims, files[0]->table->ndims, kn);
	ix = mg_xml_index_new(files[0]->table->ndims);
	if (nat == NULL || ix == NULL) {
		st = mg_error_set(err, MG_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < nfiles; i++) {
		const mg_stats_table *t = files[i]->table;

		for (c = 0; c < t->ncells; c++) {
			const mg_stats_cell *src = &t->cells[c];
			size_t at = mg_xml_index_find(ix, src->values);
			int existed = at != SIZE_MAX;
			mg_stats_cell *dst;

			if (!existed) {
				at = nat->ncells;
				if (mg_stats_add_cell(nat, src->values) == NULL
						|| mg_xml_index_add(ix, src->values, at) != 0) {
					st = mg_error_set(err, MG_ENOMEM, "out of memory");
					goto done;
				}
			}
			dst = &nat->cells[at];
			/* A national cell one of whose contributions is hidden is hidden: publishing it
			 * would give the hidden value as the national total minus the other académies'
			 * published values. With one contribution it keeps that contribution's reason;
			 * with several it hides other values (secondary). Counts of hidden cells are kept
			 * as partial sums, internally only (never written). */
			if (src->suppressed != MG_SUPP_NONE || (existed && dst->suppressed != MG_SUPP_NONE)) {
				dst->suppressed = existed ? MG_SUPP_SECONDARY : src->suppressed;
			}
			if (src->finished_suppressed != MG_SUPP_NONE || src->suppressed != MG_SUPP_NONE
					|| (existed && dst->finished_suppressed != MG_SUPP_NONE)) {
				dst->finished_suppressed = existed ? MG_SUPP_SECONDARY
					: (src->finished_suppressed != MG_SUPP_NONE ? src->finished_suppressed : src->suppressed);
			}
			if (src->suppressed == MG_SUPP_NONE
					&& (add_checked(&dst->participants, src->participants) != 0
						|| add_checked(&dst->enrolments, src->enrolments) != 0)) {
				st = mg_error_set(err, MG_EXML, "%s: counts too large to be summed", names[i]);
				goto done;
			}
			if (src->suppressed == MG_SUPP_NONE && src->finished_suppressed == MG_SUPP_NONE
					&& (add_checked(&dst->finished, src->finished) != 0
						|| add_checked(&dst->credited_minutes, src->credited_minutes) != 0)) {
				st = mg_error_set(err, MG_EXML, "%s: counts too large to be summed", names[i]);
				goto done;
			}
		}
	}
	/* Primary suppression with the national k (people counts only: the files do not carry
	 * the distinct finished/unfinished people, whose contributions were each checked against
	 * their file's k), then secondary suppression over the national lines. */
	st = mg_stats_primary(nat, err);
	if (st == MG_OK) {
		st = mg_stats_secondary(nat, err);
	}
done:
	mg_xml_index_free(ix);
	if (st != MG_OK) {
		mg_stats_free(nat);
		return st;
	}
	*out = nat;
	return MG_OK;
}
