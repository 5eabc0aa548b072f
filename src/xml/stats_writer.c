/*
 * Writes a statistics exchange file, schema version 2 (docs/xml-statistics.md), from a release.
 */
#include <string.h>

#include "xml/xml_private.h"

#define W(call, what) do { if ((call) < 0) { st = mg_xml_out_failure(&o, what); goto done; } } while (0)

static const char *const count_attr[MG_M__COUNT] = {
	"participants", "enrolments", "finished", "credited-minutes"
};

static mg_status check_meta(const mg_stats_release *r, const mg_xml_stats_meta *meta, mg_error *err)
{
	size_t t;

	if (mg_settings_check_k(r->k, err) != MG_OK) {
		return MG_ESETTINGS;
	}
	for (t = 0; t < MG_TAB__COUNT; t++) {
		if (r->tabs[t].nnodes == 0) {
			return mg_error_set(err, MG_EARG, "the release lacks the %s table", mg_stats_tab_name((mg_stats_tab)t));
		}
	}
	if (meta->scope == MG_XML_SCOPE_ACADEMIE && (meta->academie == NULL || meta->academie[0] == '\0')) {
		return mg_error_set(err, MG_EARG, "an académie statistics file needs the académie code");
	}
	return MG_OK;
}

static int write_cell(xmlTextWriterPtr w, mg_stats_tab t, const mg_stats_node *n)
{
	const mg_dim *levels;
	size_t nl = mg_stats_tab_levels(t, &levels), d, m;

	if (xmlTextWriterStartElement(w, BAD_CAST "cell") < 0) {
		return -1;
	}
	for (d = 0; d < nl && d < n->depth; d++) {
		if (mg_xml_attr_str(w, mg_dim_name(levels[d]), n->values[d]) < 0) {
			return -1;
		}
	}
	for (m = 0; m < MG_M__COUNT; m++) {
		if (mg_stats_node_has(t, n, (mg_measure)m) && !n->hidden[m]
				&& mg_xml_attr_int(w, count_attr[m], n->v[m]) < 0) {
			return -1;
		}
	}
	return xmlTextWriterEndElement(w);
}

mg_status mg_xml_stats_write(const mg_stats_release *r, const mg_xml_stats_meta *meta,
	const mg_xml_sink *sink, size_t *ncells, mg_error *err)
{
	mg_xml_out o;
	mg_status st;
	char when[32];
	size_t i, t, count = 0;
	int ok = 0;

	if (ncells != NULL) {
		*ncells = 0;
	}
	st = check_meta(r, meta, err);
	if (st != MG_OK) {
		return st;
	}
	st = mg_xml_out_open(&o, MG_XML_STATISTICS, sink, err);
	if (st != MG_OK) {
		if (o.w != NULL || o.v != NULL) {
			mg_xml_out_close(&o, 0);
		}
		return st;
	}
	mg_xml_format_time(meta->generated, when, sizeof(when));
	W(xmlTextWriterStartElementNS(o.w, NULL, BAD_CAST "statistics", BAD_CAST MG_XML_STATS_NS), "the root");
	W(xmlTextWriterWriteAttribute(o.w, BAD_CAST "version", BAD_CAST "2"), "the version");
	W(xmlTextWriterWriteAttribute(o.w, BAD_CAST "scope",
		BAD_CAST(meta->scope == MG_XML_SCOPE_NATIONAL ? "national" : "academie")), "the scope");
	if (meta->scope == MG_XML_SCOPE_ACADEMIE) {
		W(xmlTextWriterWriteAttribute(o.w, BAD_CAST "academie", BAD_CAST meta->academie), "the académie");
	}
	W(xmlTextWriterWriteAttribute(o.w, BAD_CAST "generated", BAD_CAST when), "the date");
	W(xmlTextWriterWriteAttribute(o.w, BAD_CAST "generator", BAD_CAST "magistere " MG_VERSION), "the generator");
	W(mg_xml_attr_int(o.w, "k", r->k), "k");

	if (meta->scope == MG_XML_SCOPE_NATIONAL && meta->nsources > 0) {
		W(xmlTextWriterStartElement(o.w, BAD_CAST "sources"), "the sources");
		for (i = 0; i < meta->nsources; i++) {
			const mg_xml_source *s = &meta->sources[i];

			W(xmlTextWriterStartElement(o.w, BAD_CAST "source"), "a source");
			W(xmlTextWriterWriteAttribute(o.w, BAD_CAST "academie", BAD_CAST s->academie), "a source");
			W(xmlTextWriterWriteAttribute(o.w, BAD_CAST "generated", BAD_CAST s->generated), "a source");
			W(mg_xml_attr_int(o.w, "k", s->k), "a source");
			W(xmlTextWriterEndElement(o.w), "a source");
		}
		W(xmlTextWriterEndElement(o.w), "the sources");
	}
	for (t = 0; t < MG_TAB__COUNT; t++) {
		const mg_stats_tree *tr = &r->tabs[t];

		W(xmlTextWriterStartElement(o.w, BAD_CAST mg_stats_tab_name((mg_stats_tab)t)), "a table");
		for (i = 0; i < tr->nnodes; i++) {
			W(write_cell(o.w, (mg_stats_tab)t, &tr->nodes[i]), "a cell");
			count++;
		}
		W(xmlTextWriterEndElement(o.w), "a table");
	}
	W(xmlTextWriterEndElement(o.w), "the root");
	ok = 1;
done:
	{
		mg_status cst = mg_xml_out_close(&o, ok);

		if (ok) {
			st = cst;
		}
	}
	if (st == MG_OK && ncells != NULL) {
		*ncells = count;
	}
	return st;
}
