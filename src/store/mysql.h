/*
 * The mysql store: reads Moodle's tables (and the plugin's) from a MariaDB
 * or MySQL server with MariaDB Connector/C or libmysqlclient.
 *
 * For every scope the store issues a fixed number of prepared, parameterised
 * and streamed (unbuffered) statements: one set-based SELECT per table the
 * scope needs, inside one read-only transaction with a consistent snapshot,
 * so that the rows read by the different statements agree with each other.
 * Only the columns listed in mg_tables are ever named (R6). The table prefix
 * is the only identifier put into the SQL text, after mg_mysql_prefix_check.
 *
 * This file includes no Zend header; the glue (src/php/source_mysql.c) parses
 * the PHP options, keeps persistent links and holds the module hooks
 * (declared in src/php/php_private.h).
 */
#ifndef MAGISTERE_STORE_MYSQL_H
#define MAGISTERE_STORE_MYSQL_H

#include <sys/types.h>

#include "store/store.h"

/* Longest accepted table prefix: Moodle's own limit, xmldb_table::PREFIX_MAX_LENGTH
 * (docs/mysql.md, "The table prefix": [a-z][a-z0-9_]{0,9}). */
#define MG_MYSQL_PREFIX_MAX 10

/* Connection options. Strings are NUL-terminated; NULL means "not given".
 * Every string is copied by mg_mysql_store_new. */
typedef struct mg_mysql_options {
	const char *host;            /* NULL or "": "localhost" */
	unsigned int port;           /* 0: the library's default (3306) */
	const char *socket;          /* used only when it holds a path separator (Moodle's rule) */
	const char *user;
	const char *password;        /* never copied into an error message */
	const char *database;
	const char *prefix;          /* NULL: "mdl_" */
	const char *charset;         /* NULL: "utf8mb4" */
	unsigned int connect_timeout; /* seconds; 0: library default */
	unsigned int read_timeout;
	unsigned int write_timeout;
	const char *ssl_ca, *ssl_cert, *ssl_key;
	int ssl_verify;              /* non-zero: verify the server's certificate */
} mg_mysql_options;

/* A link to the server: the client handle (a MYSQL *, kept opaque here so
 * that this header does not include the client library's) and the process
 * that opened it. A link opened in another process (php-fpm master, before
 * pcntl_fork()) is never used: it is dropped without touching the socket the
 * parent still uses, and a new one is opened. */
typedef struct mg_mysql_link {
	void *conn;                  /* MYSQL *, NULL when closed */
	pid_t pid;
} mg_mysql_link;

/* MG_OK when `prefix` matches [a-z][a-z0-9_]{0,9}; MG_EARG otherwise. */
mg_status mg_mysql_prefix_check(const char *prefix, size_t len, mg_error *err);
/* MG_OK when `charset` matches [a-z0-9_]{1,32}; MG_EARG otherwise. */
mg_status mg_mysql_charset_check(const char *charset, size_t len, mg_error *err);

/* Opens link->conn with the options (connect, character set, strict SQL
 * mode, REPEATABLE READ). MG_ECONN on failure, with a message naming the
 * host (or socket) and the database, never the password. */
mg_status mg_mysql_link_open(mg_mysql_link *link, const mg_mysql_options *o, mg_error *err);
/* Makes a link reused from a persistent list ready: drops it when it was
 * opened by another process, else resets the session
 * (mysql_reset_connection) and sets it up again. When the link is dead or
 * dropped it is reopened. */
mg_status mg_mysql_link_reuse(mg_mysql_link *link, const mg_mysql_options *o, mg_error *err);
/* Closes the link (NULL conn accepted). In a process other than the one
 * that opened it, the socket is not shut down: the parent keeps its session. */
void mg_mysql_link_close(mg_mysql_link *link);

/* The store. */
typedef struct mg_mysql_store mg_mysql_store;

/* Creates a store over a copy of `o`. When `shared` is not NULL the store
 * uses that link (a persistent one, owned by the caller, which must outlive
 * the store) instead of its own. The connection is opened now (errors are
 * reported here, not at the first view). On failure *out is NULL. */
mg_status mg_mysql_store_new(const mg_mysql_options *o, mg_mysql_link *shared,
	mg_mysql_store **out, mg_error *err);

/* Adds a read replica (a copy of `o`; the database, prefix and charset are
 * the primary's): the heavy scopes (inspector, statistics, files, data
 * quality) read from the first replica that connects, and from the primary
 * when none does, when a replica fails, or when a replica is behind the
 * stamp the caller knows the primary has. */
mg_status mg_mysql_store_add_replica(mg_mysql_store *s, const mg_mysql_options *o, mg_error *err);
/* Number of replicas, and of loads read from a replica so far. */
size_t mg_mysql_store_replicas(const mg_mysql_store *s);
uint64_t mg_mysql_store_replica_loads(const mg_mysql_store *s);

/* Number of statements the store sent to the server since it was created
 * (prepared statements executed plus plain queries), for the docs' figures
 * and the tests. */
uint64_t mg_mysql_store_statements(const mg_mysql_store *s);

/* Operations of the store ("mysql"; not shared: a new rowset per load). */
extern const mg_store_ops mg_store_mysql_ops;

/* The client library, at run time and at build time. */
const char *mg_mysql_client_runtime(void);
const char *mg_mysql_client_buildtime(void);
int mg_mysql_library_init(void);   /* 0 on success */
void mg_mysql_library_end(void);

#endif /* MAGISTERE_STORE_MYSQL_H */
