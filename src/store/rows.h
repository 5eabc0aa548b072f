/*
 * The rows store: rows of Moodle's tables given by PHP (Source::rows()).
 * Converting the PHP arrays needs Zend; the store itself does not.
 */
#ifndef MAGISTERE_STORE_ROWS_H
#define MAGISTERE_STORE_ROWS_H

#include "php.h"
#include "store/store.h"

/* Converts `tables` (table name => rows) into a new rowset (*out, owned by
 * the caller). On a structural error (unknown table name, a table that is
 * not an array) a ValueError/TypeError is thrown for argument `arg` and
 * MG_EARG returned with err->message empty; on a row error MG_EDATA with
 * err filled. *out is NULL on failure. */
mg_status mg_rows_from_php(HashTable *tables, uint32_t arg, mg_rowset **out, mg_error *err);

#endif /* MAGISTERE_STORE_ROWS_H */
