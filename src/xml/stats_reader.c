/*
 * Reads a statistics exchange file: guarded input (size cap, no DTD or entity declaration,
 * UTF-8 only), streaming parse with an xmlTextReader validated against the embedded XSD,
 * then the checks the XSD cannot express. Pure C + libxml2 (fuzzed by src/xml/fuzz).
 */
#include <errno.h>
#include <limits.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include "xml/xml_private.h"

/* ------------------------------------------------------------ the guard */

#define GUARD_TAIL 8   /* strlen("<!DOCTYPE") - 1 */

typedef struct guard {
	mg_xml_read_fn read;
	void *arg;
	size_t max;
	size_t total;
	int line;                 /* 1 + newlines seen so far */
	unsigned char tail[GUARD_TAIL];
	size_t ntail;
	int failed;
	mg_xml_errsink *es;
} guard;

static const char *guard_forbidden(const unsigned char *p, size_t n, size_t *at)
{
	static const char *const bad[] = { "<!DOCTYPE", "<!ENTITY" };
	size_t i, b;

	for (i = 0; i < n; i++) {
		if (p[i] != '<') {
			continue;
		}
		for (b = 0; b < sizeof(bad) / sizeof(bad[0]); b++) {
			size_t l = strlen(bad[b]);

			if (n - i >= l && memcmp(p + i, bad[b], l) == 0) {
				*at = i;
				return bad[b];
			}
		}
	}
	return NULL;
}

static int guard_lines(const unsigned char *p, size_t n)
{
	int lines = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		lines += p[i] == '\n';
	}
	return lines;
}

static int guard_read(void *ctx, char *buf, int len)
{
	guard *g = ctx;
	unsigned char joint[2 * GUARD_TAIL + 1];
	const unsigned char *u = (const unsigned char *)buf;
	const char *bad;
	size_t n, at, nj, take;
	long got;

	if (g->failed) {
		return -1;
	}
	if (len <= 0) {
		return 0;
	}
	got = g->read(g->arg, buf, (size_t)len);
	if (got < 0) {
		g->failed = 1;
		mg_xml_errsink_fail(g->es, g->line, "read error");
		return -1;
	}
	n = (size_t)got;
	if (n > (size_t)len) {
		g->failed = 1;
		mg_xml_errsink_fail(g->es, g->line, "read error (source returned too much)");
		return -1;
	}
	if (n > g->max - g->total) {
		g->failed = 1;
		mg_xml_errsink_fail(g->es, 0, "refused: larger than %zu bytes", g->max);
		return -1;
	}
	if (g->total == 0 && n >= 2
			&& ((u[0] == 0xFE && u[1] == 0xFF) || (u[0] == 0xFF && u[1] == 0xFE)
				|| u[0] == 0x00 || u[1] == 0x00)) {
		g->failed = 1;
		mg_xml_errsink_fail(g->es, 1, "refused: the document is not UTF-8 (UTF-16 or UTF-32)");
		return -1;
	}
	/* A declaration split across two reads. */
	take = n < GUARD_TAIL ? n : GUARD_TAIL;
	memcpy(joint, g->tail, g->ntail);
	memcpy(joint + g->ntail, u, take);
	nj = g->ntail + take;
	bad = guard_forbidden(joint, nj, &at);
	if (bad != NULL && at < g->ntail) {
		g->failed = 1;
		mg_xml_errsink_fail(g->es, g->line, "refused: %s declaration (DTDs and entities are not allowed)", bad + 2);
		return -1;
	}
	bad = guard_forbidden(u, n, &at);
	if (bad != NULL) {
		g->failed = 1;
		mg_xml_errsink_fail(g->es, g->line + guard_lines(u, at),
			"refused: %s declaration (DTDs and entities are not allowed)", bad + 2);
		return -1;
	}
	if (n >= GUARD_TAIL) {
		memcpy(g->tail, u + n - GUARD_TAIL, GUARD_TAIL);
		g->ntail = GUARD_TAIL;
	} else {
		size_t keep = g->ntail + n > GUARD_TAIL ? GUARD_TAIL - n : g->ntail;

		memmove(g->tail, g->tail + g->ntail - keep, keep);
		memcpy(g->tail + keep, u, n);
		g->ntail = keep + n;
	}
	g->line += guard_lines(u, n);
	g->total += n;
	return (int)n;
}

static int guard_close(void *ctx)
{
	(void)ctx;
	return 0;
}

/* ----------------------------------------------------------- the reader */

typedef struct rd {
	xmlTextReaderPtr r;
	mg_xml_errsink *es;
	mg_xml_stats_file *f;
	int64_t k;
	int tab;                  /* the table being read, -1 outside */
	int seen_tab[MG_TAB__COUNT];
	int root_seen;
	int any_element;
	int cell_line_first;      /* line of the first cell (for late checks) */
} rd;

/* The line of the current node when known (the parser may have read ahead), else the
 * parser's line. */
static int rd_line(rd *x)
{
	xmlNodePtr node = xmlTextReaderCurrentNode(x->r);
	long line = node != NULL ? xmlGetLineNo(node) : -1;

	return line > 0 && line < INT_MAX ? (int)line : xmlTextReaderGetParserLineNumber(x->r);
}

static char *rd_attr(rd *x, const char *name)
{
	xmlChar *v = xmlTextReaderGetAttribute(x->r, BAD_CAST name);
	char *s;

	if (v == NULL) {
		return NULL;
	}
	s = strdup((const char *)v);
	xmlFree(v);
	return s;
}

/* Parses a non-negative integer attribute. 1 present, 0 absent, -1 invalid. */
static int rd_int(rd *x, const char *name, int64_t *out)
{
	xmlChar *v = xmlTextReaderGetAttribute(x->r, BAD_CAST name);
	const char *s;
	char *end;
	long long n;

	if (v == NULL) {
		return 0;
	}
	s = (const char *)v;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
		s++;
	}
	if (*s == '+') {
		s++;
	}
	errno = 0;
	n = (*s >= '0' && *s <= '9') ? strtoll(s, &end, 10) : -1;
	if (n < 0 || errno != 0 || n > MG_STATS_COUNT_MAX) {
		xmlFree(v);
		mg_xml_errsink_fail(x->es, rd_line(x), "attribute %s: not a count (0 to 2^40)", name);
		return -1;
	}
	while (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r') {
		end++;
	}
	if (*end != '\0') {
		xmlFree(v);
		mg_xml_errsink_fail(x->es, rd_line(x), "attribute %s: not a count", name);
		return -1;
	}
	xmlFree(v);
	*out = (int64_t)n;
	return 1;
}

static int rd_root(rd *x)
{
	const char *ns = (const char *)xmlTextReaderConstNamespaceUri(x->r);
	const char *local = (const char *)xmlTextReaderConstLocalName(x->r);
	const char *enc = (const char *)xmlTextReaderConstEncoding(x->r);
	char *scope;
	int64_t k;
	/* These checks come before any schema message: say what is really wrong. */
	int wrong = (enc != NULL && strcasecmp(enc, "UTF-8") != 0)
		|| ns == NULL || strcmp(ns, MG_XML_STATS_NS) != 0
		|| local == NULL || strcmp(local, "statistics") != 0;

	if (wrong) {
		x->es->nerrors = 0;
	}
	if (enc != NULL && strcasecmp(enc, "UTF-8") != 0) {
		mg_xml_errsink_fail(x->es, rd_line(x), "refused: encoding %s (only UTF-8 is accepted)", enc);
		return -1;
	}
	if (ns == NULL || strncmp(ns, MG_XML_STATS_NS_PREFIX, strlen(MG_XML_STATS_NS_PREFIX)) != 0
			|| local == NULL || strcmp(local, "statistics") != 0) {
		mg_xml_errsink_fail(x->es, rd_line(x), "not a magistere statistics file (root {%s}%s, expected {%s}statistics)",
			ns != NULL ? ns : "", local != NULL ? local : "", MG_XML_STATS_NS);
		return -1;
	}
	if (strcmp(ns, MG_XML_STATS_NS_PREFIX "1") == 0) {
		mg_xml_errsink_fail(x->es, rd_line(x),
			"schema version 1 is refused: its tables were protected one by one and can be undone by "
			"differencing them (docs/statistics.md); ask for a version %d file (namespace %s)",
			MG_XML_VERSION, MG_XML_STATS_NS);
		return -1;
	}
	if (strcmp(ns, MG_XML_STATS_NS) != 0) {
		mg_xml_errsink_fail(x->es, rd_line(x),
			"schema version %s is not supported (this reader knows version %d, namespace %s)",
			ns + strlen(MG_XML_STATS_NS_PREFIX), MG_XML_VERSION, MG_XML_STATS_NS);
		return -1;
	}
	x->root_seen = 1;
	scope = rd_attr(x, "scope");
	x->f->scope = scope != NULL && strcmp(scope, "national") == 0 ? MG_XML_SCOPE_NATIONAL : MG_XML_SCOPE_ACADEMIE;
	free(scope);
	x->f->academie = rd_attr(x, "academie");
	x->f->generated = rd_attr(x, "generated");
	if (rd_int(x, "k", &k) != 1) {
		return -1;
	}
	x->k = k;
	x->f->release = mg_stats_release_new(k, 0);
	if (x->f->release == NULL) {
		mg_xml_errsink_fail(x->es, rd_line(x), "out of memory");
		return -1;
	}
	if (x->f->generated != NULL && mg_xml_parse_time(x->f->generated, &x->f->release->generated) != 0) {
		mg_xml_errsink_fail(x->es, rd_line(x), "attribute generated: not a date and time from the year 1 to 9999 (UTC)");
		return -1;
	}
	return 0;
}

static int rd_source(rd *x)
{
	mg_xml_source *s;
	int64_t k = 0;
	size_t i;

	if (x->f->nsources >= 1000) {
		mg_xml_errsink_fail(x->es, rd_line(x), "too many sources");
		return -1;
	}
	s = realloc(x->f->sources, (x->f->nsources + 1) * sizeof(*s));
	if (s == NULL) {
		mg_xml_errsink_fail(x->es, rd_line(x), "out of memory");
		return -1;
	}
	x->f->sources = s;
	s = &x->f->sources[x->f->nsources++];
	s->academie = rd_attr(x, "academie");
	s->generated = rd_attr(x, "generated");
	if (rd_int(x, "k", &k) != 1 || s->academie == NULL || s->generated == NULL) {
		mg_xml_errsink_fail(x->es, rd_line(x), "incomplete source");
		return -1;
	}
	s->k = k;
	for (i = 0; i + 1 < x->f->nsources; i++) {
		if (strcmp(x->f->sources[i].academie, s->academie) == 0) {
			mg_xml_errsink_fail(x->es, rd_line(x), "source %s is listed twice", s->academie);
			return -1;
		}
	}
	return 0;
}

static const char *const count_attr[MG_M__COUNT] = {
	"participants", "enrolments", "finished", "credited-minutes"
};

static int rd_cell(rd *x)
{
	const mg_dim *levels;
	size_t nl, i, m;
	xmlChar *raw[MG_STATS_DEPTH_MAX] = { NULL };
	mg_str values[MG_STATS_DEPTH_MAX];
	int64_t n[MG_M__COUNT] = { 0, 0, 0, 0 };
	int has[MG_M__COUNT] = { 0, 0, 0, 0 };
	uint32_t depth = 0;
	mg_stats_node *c;
	mg_stats_tab t;
	int rc = -1;

	if (x->tab < 0 || x->f->release == NULL) {
		mg_xml_errsink_fail(x->es, rd_line(x), "a cell outside a table");
		return -1;
	}
	t = (mg_stats_tab)x->tab;
	nl = mg_stats_tab_levels(t, &levels);
	for (i = 0; i < nl; i++) {
		raw[i] = xmlTextReaderGetAttribute(x->r, BAD_CAST mg_dim_name(levels[i]));
		values[i].ptr = raw[i] != NULL ? (const char *)raw[i] : NULL;
		values[i].len = raw[i] != NULL ? strlen((const char *)raw[i]) : 0;
		if (raw[i] != NULL) {
			if (depth != i) {
				mg_xml_errsink_fail(x->es, rd_line(x), "the cell names its %s but not every level above it",
					mg_dim_name(levels[i]));
				goto done;
			}
			depth++;
		}
	}
	for (m = 0; m < MG_M__COUNT; m++) {
		if (!mg_stats_tab_has(t, (mg_measure)m)) {
			continue;
		}
		has[m] = rd_int(x, count_attr[m], &n[m]);
		if (has[m] < 0) {
			goto done;
		}
	}
	/* what may be protected: the whole group, its finished count (and minutes), the minutes */
	if (t == MG_TAB_ETAB) {
		if (has[MG_M_PARTICIPANTS] != has[MG_M_ENROLMENTS] || (has[MG_M_FINISHED] && !has[MG_M_ENROLMENTS])) {
			mg_xml_errsink_fail(x->es, rd_line(x), "the cell's counts are neither all given nor protected as the format says");
			goto done;
		}
		if (has[MG_M_PARTICIPANTS] && n[MG_M_PARTICIPANTS] > n[MG_M_ENROLMENTS]) {
			mg_xml_errsink_fail(x->es, rd_line(x), "inconsistent counts (more participants than enrolments)");
			goto done;
		}
	} else if (depth == 0 && has[MG_M_MINUTES]) {
		mg_xml_errsink_fail(x->es, rd_line(x), "the parcours total carries no credited minutes");
		goto done;
	} else if ((has[MG_M_FINISHED] && !has[MG_M_ENROLMENTS]) || (has[MG_M_MINUTES] && !has[MG_M_FINISHED])) {
		mg_xml_errsink_fail(x->es, rd_line(x), "the cell's counts are neither all given nor protected as the format says");
		goto done;
	}
	if (has[MG_M_FINISHED] && n[MG_M_FINISHED] > n[MG_M_ENROLMENTS]) {
		mg_xml_errsink_fail(x->es, rd_line(x), "inconsistent counts (more finished than enrolments)");
		goto done;
	}
	c = mg_stats_release_add(x->f->release, t, values, depth);
	if (c == NULL) {
		mg_xml_errsink_fail(x->es, rd_line(x), "out of memory");
		goto done;
	}
	for (m = 0; m < MG_M__COUNT; m++) {
		if (mg_stats_tab_has(t, (mg_measure)m)) {
			c->v[m] = has[m] ? n[m] : 0;
			c->hidden[m] = !has[m];
		}
	}
	if (x->cell_line_first == 0) {
		x->cell_line_first = rd_line(x);
	}
	rc = 0;
done:
	for (i = 0; i < nl; i++) {
		if (raw[i] != NULL) {
			xmlFree(raw[i]);
		}
	}
	return rc;
}

static int rd_element(rd *x)
{
	const char *local = (const char *)xmlTextReaderConstLocalName(x->r);
	int depth = xmlTextReaderDepth(x->r);
	mg_stats_tab t;
	mg_error e;

	if (depth == 0) {
		return rd_root(x);
	}
	if (!x->root_seen || local == NULL) {
		return -1;
	}
	if (depth == 1) {
		x->tab = -1;
		mg_error_clear(&e);
		if (mg_stats_tab_parse(local, strlen(local), &t, &e) == MG_OK) {
			if (x->seen_tab[t]++) {
				mg_xml_errsink_fail(x->es, rd_line(x), "the %s table is given twice", local);
				return -1;
			}
			x->tab = (int)t;
		}
		return 0;
	}
	if (depth == 2 && strcmp(local, "source") == 0) {
		return rd_source(x);
	}
	if (depth == 2 && strcmp(local, "cell") == 0) {
		return rd_cell(x);
	}
	return 0;
}

/* Published figures add up: a published group whose parts are all published is their sum,
 * and the two totals agree. */
static int rd_sums(rd *x)
{
	const mg_stats_release *r = x->f->release;
	size_t t, i, m;
	const mg_stats_node *a = &r->tabs[MG_TAB_ETAB].nodes[0], *b = &r->tabs[MG_TAB_PARCOURS].nodes[0];

	for (m = MG_M_ENROLMENTS; m <= MG_M_FINISHED; m++) {
		if (a->hidden[m] != b->hidden[m] || (!a->hidden[m] && a->v[m] != b->v[m])) {
			mg_xml_errsink_fail(x->es, 0, "the totals of the two tables disagree (%s)", count_attr[m]);
			return -1;
		}
	}
	for (t = 0; t < MG_TAB__COUNT; t++) {
		const mg_stats_tree *tr = &r->tabs[t];
		for (i = 0; i < tr->nnodes; i++) {
			const mg_stats_node *n = &tr->nodes[i];
			for (m = 0; m < MG_M__COUNT; m++) {
				int64_t sum = 0;
				int all = n->child != MG_STATS_NONE;
				uint32_t c;
				if (!mg_stats_node_has((mg_stats_tab)t, n, (mg_measure)m) || n->hidden[m]) {
					continue;
				}
				int over = 0;
				for (c = n->child; c != MG_STATS_NONE && all; c = tr->nodes[c].next) {
					int64_t v = tr->nodes[c].v[m];
					all = !tr->nodes[c].hidden[m];
					/* Counts are read as non-negative; parts whose sum exceeds INT64_MAX
					 * cannot add up to their group (found by fuzzing: that sum overflowed). */
					if (v < 0 || sum > INT64_MAX - v) {
						over = 1;
						break;
					}
					sum += v;
				}
				if (all && (over || sum != n->v[m])) {
					mg_xml_errsink_fail(x->es, 0,
						"table %s: a group's %s is not the sum of its parts'", mg_stats_tab_name((mg_stats_tab)t), count_attr[m]);
					return -1;
				}
			}
		}
	}
	return 0;
}

/* The checks between the header and the content. */
static int rd_finish(rd *x)
{
	mg_xml_stats_file *f = x->f;
	mg_error e;

	if (f->release == NULL || !x->seen_tab[MG_TAB_ETAB] || !x->seen_tab[MG_TAB_PARCOURS]) {
		mg_xml_errsink_fail(x->es, rd_line(x), "no cells");
		return -1;
	}
	if (f->scope == MG_XML_SCOPE_ACADEMIE && (f->academie == NULL || f->academie[0] == '\0')) {
		mg_xml_errsink_fail(x->es, 2, "an académie file must name its académie");
		return -1;
	}
	if (f->scope == MG_XML_SCOPE_ACADEMIE && f->nsources > 0) {
		mg_xml_errsink_fail(x->es, 2, "an académie file cannot list sources");
		return -1;
	}
	if (f->scope == MG_XML_SCOPE_NATIONAL && f->academie != NULL) {
		mg_xml_errsink_fail(x->es, 2, "a national file cannot name an académie");
		return -1;
	}
	mg_error_clear(&e);
	if (mg_stats_release_link(f->release, &e) != MG_OK) {
		mg_xml_errsink_fail(x->es, 0, "%s", e.message);
		return -1;
	}
	return rd_sums(x);
}

void mg_xml_stats_file_free(mg_xml_stats_file *f)
{
	size_t i;

	if (f == NULL) {
		return;
	}
	free(f->academie);
	free(f->generated);
	for (i = 0; i < f->nsources; i++) {
		free(f->sources[i].academie);
		free(f->sources[i].generated);
	}
	free(f->sources);
	mg_stats_release_free(f->release);
	free(f);
}

mg_status mg_xml_stats_read(const mg_xml_source_io *in, mg_xml_stats_file **out, mg_error *err)
{
	mg_xml_errsink es;
	guard g;
	rd x;
	xmlSchemaPtr schema = NULL;
	int schema_owned = 0;
	xmlSchemaValidCtxtPtr vctxt = NULL;
	int ret = 0;
	mg_status st = MG_OK;

	*out = NULL;
	memset(&es, 0, sizeof(es));
	memset(&g, 0, sizeof(g));
	memset(&x, 0, sizeof(x));
	es.name = in->name != NULL ? in->name : "input";
	es.diag = in->diag;
	es.diag_arg = in->diag_arg;
	es.err = err;
	g.read = in->read;
	g.arg = in->arg;
	g.max = in->max_bytes > 0 ? in->max_bytes : MG_XML_MAX_BYTES_DEFAULT;
	g.line = 1;
	g.es = &es;
	x.es = &es;
	x.tab = -1;

	x.f = calloc(1, sizeof(*x.f));
	if (x.f == NULL) {
		return mg_error_set(err, MG_ENOMEM, "out of memory");
	}
	schema = mg_xml_schema_get(MG_XML_STATISTICS, &schema_owned, err);
	if (schema == NULL) {
		st = err != NULL && err->code != MG_OK ? err->code : MG_EXML;
		goto done;
	}
	vctxt = xmlSchemaNewValidCtxt(schema);
	if (vctxt == NULL) {
		st = mg_error_set(err, MG_ENOMEM, "cannot create the schema validator");
		goto done;
	}
	x.r = xmlReaderForIO(guard_read, guard_close, &g, es.name, NULL, XML_PARSE_NONET);
	if (x.r == NULL) {
		st = es.nerrors > 0 ? MG_EXML : mg_error_set(err, MG_ENOMEM, "cannot create the XML reader");
		goto done;
	}
	es.line_reader = x.r;
	xmlTextReaderSetStructuredErrorHandler(x.r, mg_xml_structured_error, &es);
	xmlSchemaSetValidStructuredErrors(vctxt, mg_xml_structured_error, &es);
	if (xmlTextReaderSchemaValidateCtxt(x.r, vctxt, 0) != 0) {
		st = mg_error_set(err, MG_EXML, "%s: cannot start schema validation", es.name);
		goto done;
	}
	xmlResetLastError();
	while (es.nerrors == 0 && (ret = xmlTextReaderRead(x.r)) == 1) {
		if (xmlTextReaderNodeType(x.r) == XML_READER_TYPE_ELEMENT) {
			x.any_element = 1;
			if (rd_element(&x) != 0 && es.nerrors == 0) {
				mg_xml_errsink_fail(&es, rd_line(&x), "unexpected content");
			}
		} else if (xmlTextReaderNodeType(x.r) == XML_READER_TYPE_DOCUMENT_TYPE
				|| xmlTextReaderNodeType(x.r) == XML_READER_TYPE_ENTITY_REFERENCE) {
			mg_xml_errsink_fail(&es, rd_line(&x), "refused: DTDs and entities are not allowed");
		}
	}
	if (es.nerrors == 0 && ret != 0) {
		/* The reader's schema plug keeps parser errors from our handler: take the last one. */
		xmlErrorPtr last = xmlGetLastError();

		if (last != NULL && last->message != NULL && last->level != XML_ERR_WARNING) {
			mg_xml_structured_error(&es, last);
		} else {
			mg_xml_errsink_fail(&es, rd_line(&x), "the document is not well-formed");
		}
	}
	if (!x.any_element && !g.failed && (g.total == 0 || (xmlGetLastError() != NULL
			&& (xmlGetLastError()->code == XML_ERR_DOCUMENT_EMPTY || xmlGetLastError()->code == XML_ERR_DOCUMENT_END)))) {
		/* libxml2 says "Extra content at the end of the document" here: say what it is. */
		es.nerrors = 0;
		mg_xml_errsink_fail(&es, g.line, g.total == 0 ? "the file is empty"
			: "no <statistics> element: the file is truncated or not a statistics file");
	}
	if (es.nerrors == 0 && xmlTextReaderIsValid(x.r) != 1) {
		mg_xml_errsink_fail(&es, rd_line(&x), "the document does not validate against %s", MG_XML_STATS_NS);
	}
	if (es.nerrors == 0 && !x.root_seen) {
		mg_xml_errsink_fail(&es, rd_line(&x), "empty document");
	}
	if (es.nerrors == 0) {
		rd_finish(&x);
	}
	if (es.nerrors > 0) {
		st = MG_EXML;
	}
done:
	if (x.r != NULL) {
		xmlFreeTextReader(x.r);
	}
	if (vctxt != NULL) {
		xmlSchemaFreeValidCtxt(vctxt);
	}
	if (schema != NULL && schema_owned) {
		xmlSchemaFree(schema);
	}
	if (st != MG_OK) {
		mg_xml_stats_file_free(x.f);
		return st;
	}
	*out = x.f;
	return MG_OK;
}

typedef struct mem_src {
	const char *buf;
	size_t len, pos;
} mem_src;

static long mem_read(void *arg, char *buf, size_t len)
{
	mem_src *m = arg;
	size_t n = m->len - m->pos;

	if (n > len) {
		n = len;
	}
	if (n > 0) {
		memcpy(buf, m->buf + m->pos, n);
	}
	m->pos += n;
	return (long)n;
}

mg_status mg_xml_stats_read_memory(const char *buf, size_t len, const char *name,
	mg_xml_diag_fn diag, void *diag_arg, mg_xml_stats_file **out, mg_error *err)
{
	mem_src m = { buf, len, 0 };
	mg_xml_source_io in;

	memset(&in, 0, sizeof(in));
	in.read = mem_read;
	in.arg = &m;
	in.name = name;
	in.max_bytes = 0;
	in.diag = diag;
	in.diag_arg = diag_arg;
	return mg_xml_stats_read(&in, out, err);
}
