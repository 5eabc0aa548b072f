/*
 * A JSON writer behind the mg_emitter interface: used by the C unit tests,
 * the fuzz targets and for debugging. Pure C.
 */
#ifndef MAGISTERE_CORE_JSON_H
#define MAGISTERE_CORE_JSON_H

#include "core.h"

typedef struct mg_json mg_json;

/* A new writer; *out is set up to write into it. Free with mg_json_free. */
mg_json *mg_json_new(mg_emitter *out);
/* The text written so far (NUL-terminated, owned by the writer), or NULL
 * after an allocation failure. */
const char *mg_json_text(const mg_json *j);
void mg_json_free(mg_json *j);

#endif /* MAGISTERE_CORE_JSON_H */
