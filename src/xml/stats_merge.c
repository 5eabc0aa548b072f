/*
 * The ministry-side merge of académie statistics files into the national release
 * (docs/xml-statistics.md, "Merging"): file-level checks, then the core's sum with carried
 * protection (mg_stats_release_merge).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xml/xml_private.h"

mg_status mg_xml_stats_merge(mg_xml_stats_file *const *files, const char *const *names,
	size_t nfiles, int64_t k, int64_t generated, mg_stats_release **out, mg_error *err)
{
	const mg_stats_release **rels;
	size_t i, j;
	mg_status st;

	*out = NULL;
	if (nfiles == 0) {
		return mg_error_set(err, MG_EARG, "no statistics file to merge");
	}
	for (i = 0; i < nfiles; i++) {
		const mg_xml_stats_file *f = files[i];

		if (f->scope != MG_XML_SCOPE_ACADEMIE || f->academie == NULL) {
			return mg_error_set(err, MG_EXML, "%s: a national file cannot be merged again (only académie files)", names[i]);
		}
		for (j = 0; j < i; j++) {
			if (strcmp(files[j]->academie, f->academie) == 0) {
				return mg_error_set(err, MG_EXML, "%s: académie %s is already given by %s",
					names[i], f->academie, names[j]);
			}
		}
	}
	if (k != 0 && mg_settings_check_k(k, err) != MG_OK) {
		return MG_ESETTINGS;
	}
	rels = malloc(nfiles * sizeof(*rels));
	if (rels == NULL) {
		return mg_error_set(err, MG_ENOMEM, "out of memory");
	}
	for (i = 0; i < nfiles; i++) {
		rels[i] = files[i]->release;
	}
	st = mg_stats_release_merge(rels, nfiles, k, generated, out, err);
	free(rels);
	return st;
}
