/*
 * Writes a statistics exchange file (docs/xml-statistics.md) from an mg_stats_table.
 */
#include <string.h>

#include "xml/xml_private.h"

#define W(call, what) do { if ((call) < 0) { st = mg_xml_out_failure(&o, what); goto done; } } while (0)

static const char *supp_name(mg_supp s)
{
	return s == MG_SUPP_SECONDARY ? "secondary" : "primary";
}

static mg_status check_meta(const mg_stats_table *t, const mg_xml_stats_meta *meta, mg_error *err)
{
	if (t->ndims < 1 || t->ndims > MG_STATS_MAX_DIMS) {
		return mg_error_set(err, MG_EARG, "a statistics table needs 1 to %d dimensions", MG_STATS_MAX_DIMS);
	}
	if (mg_settings_check_k(t->k, err) != MG_OK) {
		return MG_ESETTINGS;
	}
	if (meta->scope == MG_XML_SCOPE_ACADEMIE && (meta->academie == NULL || meta->academie[0] == '\0')) {
		return mg_error_set(err, MG_EARG, "an académie statistics file needs the académie code");
	}
	return MG_OK;
}

static int write_cell(xmlTextWriterPtr w, const mg_stats_table *t, const mg_stats_cell *c)
{
	size_t d;

	if (xmlTextWriterStartElement(w, BAD_CAST "cell") < 0) {
		return -1;
	}
	for (d = 0; d < t->ndims; d++) {
		if (c->values[d].ptr != NULL && mg_xml_attr_str(w, mg_dim_name(t->dims[d]), c->values[d]) < 0) {
			return -1;
		}
	}
	if (c->suppressed != MG_SUPP_NONE) {
		if (xmlTextWriterWriteAttribute(w, BAD_CAST "suppressed", BAD_CAST supp_name(c->suppressed)) < 0) {
			return -1;
		}
	} else {
		if (mg_xml_attr_int(w, "participants", c->participants) < 0
				|| mg_xml_attr_int(w, "enrolments", c->enrolments) < 0) {
			return -1;
		}
		if (c->finished_suppressed != MG_SUPP_NONE) {
			if (xmlTextWriterWriteAttribute(w, BAD_CAST "finished-suppressed",
					BAD_CAST supp_name(c->finished_suppressed)) < 0) {
				return -1;
			}
		} else if (mg_xml_attr_int(w, "finished", c->finished) < 0
				|| mg_xml_attr_int(w, "credited-minutes", c->credited_minutes) < 0) {
			return -1;
		}
	}
	return xmlTextWriterEndElement(w);
}

mg_status mg_xml_stats_write(const mg_stats_table *t, const mg_xml_stats_meta *meta,
	const mg_xml_sink *sink, size_t *ncells, mg_error *err)
{
	mg_xml_out o;
	mg_status st;
	char when[32];
	size_t i;
	int ok = 0;

	if (ncells != NULL) {
		*ncells = 0;
	}
	st = check_meta(t, meta, err);
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
	W(xmlTextWriterWriteAttribute(o.w, BAD_CAST "version", BAD_CAST "1"), "the version");
	W(xmlTextWriterWriteAttribute(o.w, BAD_CAST "scope",
		BAD_CAST(meta->scope == MG_XML_SCOPE_NATIONAL ? "national" : "academie")), "the scope");
	if (meta->scope == MG_XML_SCOPE_ACADEMIE) {
		W(xmlTextWriterWriteAttribute(o.w, BAD_CAST "academie", BAD_CAST meta->academie), "the académie");
	}
	W(xmlTextWriterWriteAttribute(o.w, BAD_CAST "generated", BAD_CAST when), "the date");
	W(xmlTextWriterWriteAttribute(o.w, BAD_CAST "generator", BAD_CAST "magistere " MG_VERSION), "the generator");
	W(mg_xml_attr_int(o.w, "k", t->k), "k");

	W(xmlTextWriterStartElement(o.w, BAD_CAST "dimensions"), "the dimensions");
	for (i = 0; i < t->ndims; i++) {
		W(xmlTextWriterStartElement(o.w, BAD_CAST "dimension"), "a dimension");
		W(xmlTextWriterWriteAttribute(o.w, BAD_CAST "name", BAD_CAST mg_dim_name(t->dims[i])), "a dimension");
		W(xmlTextWriterEndElement(o.w), "a dimension");
	}
	W(xmlTextWriterEndElement(o.w), "the dimensions");

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

	W(xmlTextWriterStartElement(o.w, BAD_CAST "cells"), "the cells");
	for (i = 0; i < t->ncells; i++) {
		W(write_cell(o.w, t, &t->cells[i]), "a cell");
	}
	W(xmlTextWriterEndElement(o.w), "the cells");
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
		*ncells = t->ncells;
	}
	return st;
}
