/*
 * What the XML fuzz targets share: libxml2 kept quiet (its errors reach the targets through
 * their own error sinks) and the embedded schemas parsed once, in LLVMFuzzerInitialize.
 */
#ifndef MAGISTERE_XML_FUZZ_XML_H
#define MAGISTERE_XML_FUZZ_XML_H

#include <stdio.h>
#include <stdlib.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "xml/xml.h"

static void fuzz_xml_quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void fuzz_xml_quiet_structured(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	xmlInitParser();
	xmlSetGenericErrorFunc(NULL, fuzz_xml_quiet);
	xmlSetStructuredErrorFunc(NULL, fuzz_xml_quiet_structured);
	if (mg_xml_schemas_init(NULL) != MG_OK) {
		fprintf(stderr, "the embedded schemas do not parse\n");
		abort();
	}
	return 0;
}

#endif /* MAGISTERE_XML_FUZZ_XML_H */
