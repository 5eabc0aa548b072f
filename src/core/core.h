/*
 * magistere core: the model, progress, the four views, the rules R1-R9 and
 * disclosure control, in plain C11.
 *
 * This header (and everything under src/core) includes no Zend, libmariadb
 * or libxml2 header: the core is built and unit-tested with a plain `cc`.
 *
 * Life of a request
 *   1. A store (src/store) fills an mg_rowset with typed rows of Moodle's
 *      tables and of the plugin's tables, through the table descriptors
 *      below (mg_tables). Every row keeps the key it had in its source (the
 *      PHP array key, or the ordinal of the row in a result set), so an error
 *      can name table, row and field.
 *   2. mg_model_build() builds the dense model for given settings (role
 *      shortnames, profile field, "now"); a row Moodle would not use
 *      (duplicate key, dangling reference...) is skipped and a value it
 *      would show differently normalised, each recorded as an anomaly.
 *   3. A view (mg_view_*) checks the rules for the viewer and emits its
 *      result through an mg_emitter (PHP arrays in the extension, JSON in the
 *      unit tests). A view refused by a rule emits nothing.
 *
 * Errors: every function that can fail returns an mg_status (MG_OK = 0,
 * negative on failure) and fills the mg_error it is given. errno is never
 * used.
 *
 * Ownership: the caller owns what it creates with a _new/_build function and
 * releases it with the matching _free, which accepts NULL. Strings handed to
 * the core are copied; strings handed out by the core (mg_str) live as long as
 * the object they come from.
 */
#ifndef MAGISTERE_CORE_CORE_H
#define MAGISTERE_CORE_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The version of magistere (the engine, the extension, the plugin's release,
 * the packages): the one place it is written. scripts/package.sh reads it here;
 * the lint stage fails when moodle_plugin/version.php's release differs. */
#define MG_VERSION "0.1.0"

/* ---------------------------------------------------------------- errors */

typedef enum mg_status {
	MG_OK = 0,
	MG_ENOMEM = -1,      /* allocation failed */
	MG_EDATA = -2,       /* rows a store cannot read (wrong types, missing columns): table/row/field named */
	MG_ENOTFOUND = -3,   /* unknown course, user, circonscription... */
	MG_EACCESS = -4,     /* a rule (R1-R9) refuses the request */
	MG_ESETTINGS = -5,   /* invalid settings (k below 3, unknown role...) */
	MG_EARG = -6,        /* invalid argument (unknown dimension...) */
	MG_EEMIT = -7,       /* the emitter failed (its own message is kept) */
	MG_EIO = -8,         /* I/O failure (a file, a stream) */
	MG_ECONN = -9,       /* the database cannot be reached, or the link broke */
	MG_EXML = -10,       /* an exchange file is not well-formed or not valid */
	MG_EINTERNAL = -11   /* a broken invariant of magistere itself, never the caller's input */
} mg_status;

#define MG_ERROR_MSG_MAX 512

typedef struct mg_error {
	mg_status code;
	char message[MG_ERROR_MSG_MAX];
	/* For MG_EDATA: the table (without prefix), the row key and the field. */
	const char *table;
	int64_t row;
	const char *field;
} mg_error;

/* Sets err (if not NULL) and returns code. printf-style message. */
mg_status mg_error_set(mg_error *err, mg_status code, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;
/* Same, for a data error located at table/row/field; the message is
 * prefixed with "<table> row <row>, field <field>: ". */
mg_status mg_error_data(mg_error *err, const char *table, int64_t row,
	const char *field, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 5, 6)))
#endif
	;
void mg_error_clear(mg_error *err);

/* ---------------------------------------------------------------- memory */

/* Every allocation of the engine (src/core, src/store) goes through these
 * four functions, which count the bytes each thread holds, so that the
 * extension can hold a request to PHP's memory_limit: a limit function, when
 * set, is asked before an allocation grows the count and refuses it by
 * returning non-zero (the allocation then returns NULL and the call fails
 * with MG_ENOMEM, nothing half done). Memory allocated by a thread is freed by
 * the same thread (the engine keeps no global state). mg_free(NULL) does
 * nothing. */
void *mg_malloc(size_t size);
void *mg_calloc(size_t n, size_t size);
void *mg_realloc(void *p, size_t size);
void mg_free(void *p);

/* Bytes held by the calling thread's engine allocations, and the most it
 * held since mg_mem_peak_reset(). */
size_t mg_mem_live(void);
size_t mg_mem_peak(void);
void mg_mem_peak_reset(void);

/* `limit(ctx, live, more)`: whether `more` bytes may be added to the `live`
 * bytes held (0: yes). NULL: no limit. Per thread. */
typedef int (*mg_mem_limit_fn)(void *ctx, size_t live, size_t more);
void mg_mem_set_limit(mg_mem_limit_fn limit, void *ctx);
/* Non-zero when the limit refused an allocation since the last call (which
 * clears it). */
int mg_mem_take_refused(void);

/* --------------------------------------------------------------- strings */

/* A length-delimited string (not necessarily NUL-terminated, though every
 * string stored by the core is). */
typedef struct mg_str {
	const char *ptr;
	size_t len;
} mg_str;

#define MG_STR_NULL ((mg_str){ "", 0 })

/* string key -> uint32 value, open addressing; keys are not copied (they
 * must outlive the map). mg_smap_put: 1 inserted, 0 already there (*existing,
 * if not NULL, gets its value; nothing changes), -1 out of memory. */
typedef struct mg_smap {
	mg_str *keys;
	uint32_t *vals;
	uint8_t *used;
	size_t cap, len;
} mg_smap;

mg_status mg_smap_init(mg_smap *m, size_t expected);
int mg_smap_put(mg_smap *m, mg_str key, uint32_t val, uint32_t *existing);
bool mg_smap_get(const mg_smap *m, mg_str key, uint32_t *val);
void mg_smap_free(mg_smap *m);

/* -------------------------------------------------------------- the rows */

/* A nullable integer column holds MG_NULL_INT when the value is NULL. */
#define MG_NULL_INT INT64_MIN

/* context.contextlevel of a course (Moodle's CONTEXT_COURSE): the level of the
 * role assignments that make someone a trainer or a participant of a parcours.
 * A bare integer literal, so that SQL text can be built from it (MG_STRINGIFY). */
#define MG_CONTEXT_COURSE 50

#define MG_STRINGIFY_(x) #x
#define MG_STRINGIFY(x) MG_STRINGIFY_(x)

typedef enum mg_field_type {
	MG_FT_INT,      /* int64_t; NULL refused */
	MG_FT_INT_NULL, /* int64_t; NULL stored as MG_NULL_INT */
	MG_FT_STR,      /* mg_str; NULL refused */
	MG_FT_STR_NULL, /* mg_str; NULL stored as the empty string */
	MG_FT_DEC_NULL  /* double plus a flag; only customfield_data.decvalue */
} mg_field_type;

/* One column of a table as the engine reads it. `required` columns must be
 * present in every row given to the rows source; the others take `def`
 * (integers) or the empty string when absent. The mysql source always reads
 * every column listed. No other column of any table is ever read (R6). */
typedef struct mg_field {
	const char *name;
	mg_field_type type;
	size_t offset;   /* offset of the value in the row struct */
	int required;
	int64_t def;
} mg_field;

typedef enum mg_table_id {
	MG_T_COURSE,
	MG_T_MODULES,
	MG_T_COURSE_SECTIONS,
	MG_T_COURSE_MODULES,
	MG_T_COURSE_MODULES_COMPLETION,
	MG_T_COURSE_COMPLETIONS,
	MG_T_ENROL,
	MG_T_USER_ENROLMENTS,
	MG_T_ROLE,
	MG_T_ROLE_ASSIGNMENTS,
	MG_T_CONTEXT,
	MG_T_USER,
	MG_T_USER_INFO_FIELD,
	MG_T_USER_INFO_DATA,
	MG_T_CUSTOMFIELD_FIELD,
	MG_T_CUSTOMFIELD_DATA,
	MG_T_MARK,        /* local_magistere_mark */
	MG_T_SCHOOL,      /* local_magistere_school */
	MG_T_CIRC,        /* local_magistere_circ */
	MG_T_INSPECTOR,   /* local_magistere_inspector */
	MG_T__COUNT
} mg_table_id;

typedef struct mg_table {
	mg_table_id id;
	const char *name;       /* Moodle table name without prefix */
	size_t row_size;        /* sizeof the row struct */
	const mg_field *fields;
	size_t nfields;
} mg_table;

/* The descriptors of every table the engine reads, indexed by mg_table_id. */
extern const mg_table mg_tables[MG_T__COUNT];

/* Finds a table by name (without prefix); NULL when unknown. */
const mg_table *mg_table_find(const char *name, size_t len);

/* Row structs. Every row starts with `key`: where the row came from (the
 * PHP array key when it is an integer, else its position in the array; the
 * row's id for the mysql source), so that an error names a row one can find. */
typedef struct mg_row_course {
	int64_t key, id, category, visible, enablecompletion;
	mg_str fullname, shortname;
} mg_row_course;

typedef struct mg_row_modules {
	int64_t key, id, visible;
	mg_str name;
} mg_row_modules;

typedef struct mg_row_course_sections {
	int64_t key, id, course, section, visible;
	mg_str sequence;          /* comma-separated course module ids */
} mg_row_course_sections;

typedef struct mg_row_course_modules {
	int64_t key, id, course, module, section, completion, visible, deletioninprogress;
} mg_row_course_modules;

typedef struct mg_row_course_modules_completion {
	int64_t key, id, coursemoduleid, userid, completionstate;
} mg_row_course_modules_completion;

typedef struct mg_row_course_completions {
	int64_t key, id, userid, course, timecompleted; /* timecompleted MG_NULL_INT when NULL */
} mg_row_course_completions;

typedef struct mg_row_enrol {
	int64_t key, id, courseid, status;
	mg_str enrol;
} mg_row_enrol;

typedef struct mg_row_user_enrolments {
	int64_t key, id, enrolid, userid, status, timestart, timeend;
} mg_row_user_enrolments;

typedef struct mg_row_role {
	int64_t key, id;
	mg_str shortname;
} mg_row_role;

typedef struct mg_row_role_assignments {
	int64_t key, id, roleid, contextid, userid;
} mg_row_role_assignments;

typedef struct mg_row_context {
	int64_t key, id, contextlevel, instanceid;
} mg_row_context;

typedef struct mg_row_user {
	int64_t key, id, deleted, suspended;
	mg_str firstname, lastname, idnumber;
} mg_row_user;

typedef struct mg_row_user_info_field {
	int64_t key, id;
	mg_str shortname;
} mg_row_user_info_field;

typedef struct mg_row_user_info_data {
	int64_t key, id, userid, fieldid;
	mg_str data;
} mg_row_user_info_data;

typedef struct mg_row_customfield_field {
	int64_t key, id;
	mg_str shortname;
} mg_row_customfield_field;

typedef struct mg_row_customfield_data {
	int64_t key, id, fieldid, instanceid;
	int has_decvalue;
	double decvalue;
	mg_str value;
} mg_row_customfield_data;

typedef struct mg_row_mark {
	int64_t key, id, courseid, userid, finished, creditedminutes, timemodified, modifiedby;
} mg_row_mark;

typedef struct mg_row_school {
	int64_t key, id;
	mg_str uai, name, city, circonscription, departement, academie, degre, secteur;
} mg_row_school;

typedef struct mg_row_circ {
	int64_t key, id;
	mg_str code, name, departement, academie;
} mg_row_circ;

typedef struct mg_row_inspector {
	int64_t key, id, userid;
	mg_str circonscription;
} mg_row_inspector;

/* ------------------------------------------------------------ the rowset */

typedef struct mg_rowset mg_rowset;

mg_rowset *mg_rowset_new(void);
void mg_rowset_free(mg_rowset *rs);

/* Returns a zeroed row of `table`, owned by the rowset, to be filled by the
 * caller (strings through mg_rowset_strdup), or NULL when out of memory.
 * The pointer stays valid until the next mg_rowset_row() on the same table. */
void *mg_rowset_row(mg_rowset *rs, mg_table_id table);
/* Copies a string into the rowset's arena. Returns MG_STR_NULL-like empty
 * string on len 0; ptr NULL when out of memory. */
mg_str mg_rowset_strdup(mg_rowset *rs, const char *s, size_t len);
/* Number of rows of a table, and row i (read-only). */
size_t mg_rowset_count(const mg_rowset *rs, mg_table_id table);
const void *mg_rowset_get(const mg_rowset *rs, mg_table_id table, size_t i);

/* Fills every field of `row` that has a default with it (used by stores for
 * absent optional columns). */
void mg_row_set_defaults(const mg_table *t, void *row);

/* Frees the rows of every table (every count becomes 0) but keeps the
 * strings: a model built from the rowset points into its strings only, never
 * into its rows, so a caller that keeps a model (and the rowset beside it)
 * releases most of the rowset's memory this way once the model is built. */
void mg_rowset_release_rows(mg_rowset *rs);

/* Gives back the room each table grew ahead of its rows (a table grows by
 * half its size at a time, so up to a third of it can be unused): a store
 * calls it once a load is complete. */
void mg_rowset_shrink(mg_rowset *rs);

/* Declares that no two rows of a table of the rowset have the same id (a
 * store reading tables whose id is their primary key). The model then looks
 * for duplicate ids only in the tables other rows refer to, which it indexes
 * anyway. A rowset made from PHP rows makes no such promise. */
void mg_rowset_set_unique_ids(mg_rowset *rs, int unique);
int mg_rowset_unique_ids(const mg_rowset *rs);

/* Declares that no two rows of a table share a key Moodle's schema (or the
 * plugin's) declares unique: user_enrolments (enrolid, userid), context
 * (contextlevel, instanceid), course_modules_completion (userid,
 * coursemoduleid), course_completions (userid, course), course_sections
 * (course, section), user_info_data (userid, fieldid), customfield_data
 * (instanceid, fieldid), local_magistere_mark (courseid, userid): a store
 * reading tables that carry those unique indexes. The model then does not
 * look for duplicates of those keys. A rowset made from PHP rows makes no
 * such promise. */
void mg_rowset_set_unique_keys(mg_rowset *rs, int unique);
int mg_rowset_unique_keys(const mg_rowset *rs);

/* Removes the last row of `table` (a store that read a row outside its scope
 * drops it this way; its strings stay in the rowset's arena until it is
 * freed). No effect on an empty table. */
void mg_rowset_pop(mg_rowset *rs, mg_table_id table);
/* Keeps only the rows of `table` for which keep(row, ctx) is non-zero, in
 * their order. Returns the number of rows removed. */
size_t mg_rowset_filter(mg_rowset *rs, mg_table_id table, int (*keep)(const void *row, void *ctx), void *ctx);

/* The key under which the model matches a code (a school's UAI, a
 * circonscription code): with `normalise`, the text normalised first as the
 * model shows text (invalid UTF-8, NUL and U+FFFE/U+FFFF dropped, control
 * characters as spaces); then trimmed of ASCII white space and upper-cased
 * (ASCII). Writes the key into buf, which must hold in.len bytes, and returns
 * its length. Stores compute a scope's sets with it, exactly as the model
 * will match the rows they read. */
size_t mg_code_key(mg_str in, int normalise, char *buf);

/* ------------------------------------------------------------- settings */

#define MG_MAX_ROLES 16
#define MG_MAX_MODULES 256

typedef struct mg_settings {
	mg_str trainer_roles[MG_MAX_ROLES];
	size_t ntrainer_roles;
	mg_str participant_roles[MG_MAX_ROLES];
	size_t nparticipant_roles;
	mg_str school_field;     /* user_info_field.shortname holding the UAI */
	mg_str duration_field;   /* customfield_field.shortname of the forecast duration */
	int64_t k;               /* disclosure control threshold, >= 3 */
	int64_t now;             /* Unix time used for enrolment windows */
	int enablecompletion;    /* the site's $CFG->enablecompletion: 0 turns progress off everywhere */
	/* The activity modules whose code is present on the site (Moodle's
	 * core_component::get_plugin_list('mod')): Moodle's modinfo leaves out
	 * the course modules of any other module. Ignored unless
	 * installed_modules_given (then every row of `modules` counts). */
	int installed_modules_given;
	mg_str installed_modules[MG_MAX_MODULES];
	size_t ninstalled_modules;
} mg_settings;

/* The disclosure control threshold: below MG_K_MIN a statistics cell could
 * single out people (docs/statistics.md). These two constants are the only
 * source of the minimum and default k: the extension exposes them to PHP
 * (Magistere\Tracker::K_MIN, Tracker::defaults()), and the plugin, the tests
 * and the docs take them from there. */
#define MG_K_MIN 3
#define MG_K_DEFAULT 5

/* Fills the default settings (strings are static): the trainer roles
 * formateur, tuteur, editingteacher, teacher; the participant roles
 * participant, student; the school profile field rne; the duration course
 * field magistere_duration; k = MG_K_DEFAULT; `now`. The only copy of these
 * defaults in C: Magistere\Tracker::defaults() returns them to PHP. */
void mg_settings_defaults(mg_settings *s, int64_t now);
/* MG_ESETTINGS when k < 3, a role list is empty, or a name is empty. */
mg_status mg_settings_check(const mg_settings *s, mg_error *err);
/* MG_ESETTINGS, with the reason, when k < MG_K_MIN: the one check of the
 * threshold, wherever a k comes from (settings, an argument, a file). */
mg_status mg_settings_check_k(int64_t k, mg_error *err);

/* ------------------------------------------------------------- the model */

typedef struct mg_model mg_model;

/* Builds the model from the rowset. The rowset must outlive the model (the
 * model points into its strings). The build never fails on data values: a
 * row Moodle would ignore (a dangling reference, a duplicate key...) is
 * skipped, a value Moodle would show differently (invalid UTF-8, control
 * characters, a code in another case...) is normalised, and each is recorded
 * as an anomaly (mg_view_data_quality); every other row is used exactly.
 * On failure (MG_ESETTINGS, MG_ENOMEM only) returns NULL and fills err. */
mg_model *mg_model_build(const mg_rowset *rs, const mg_settings *settings, mg_error *err);
void mg_model_free(mg_model *m);
/* Copies the strings of the model's settings (role names, field names...)
 * into the model, for a model kept longer than the settings it was built
 * with (a resident model). MG_ENOMEM only. */
mg_status mg_model_own_settings(mg_model *m, mg_error *err);
/* The settings the model was built with (its "now" among them). */
const mg_settings *mg_model_settings(const mg_model *m);

/* Problems an anomaly reports (see docs/api.md, dataQuality()). */
typedef enum mg_problem {
	MG_P_MISSING_REFERENCE,  /* names a row that does not exist: skipped */
	MG_P_DUPLICATE_ID,       /* a second row with the same id: skipped */
	MG_P_DUPLICATE_KEY,      /* a unique key of Moodle's schema given twice: the later row skipped */
	MG_P_INVALID_VALUE,      /* a value outside what Moodle stores: read as documented */
	MG_P_INVALID_DURATION,   /* a forecast duration that is not a whole number of minutes */
	MG_P_INVALID_TEXT,       /* invalid UTF-8 or control characters: normalised */
	MG_P_CASE_MISMATCH,      /* a code matched only once case and spaces are ignored */
	MG_P_EMPTY_VALUE,        /* an empty code: skipped */
	MG_P_AMBIGUOUS_FIELD,    /* two fields with the configured shortname: the lowest id used */
	MG_P_SECTION_MISMATCH,   /* a course module and its course's sections disagree */
	MG_P__COUNT
} mg_problem;

/* The code of a problem ("missing_reference"...), as PHP sees it. */
const char *mg_problem_name(mg_problem p);

/* Number of anomalies recorded while building the model. */
size_t mg_model_anomaly_count(const mg_model *m);
/* Number of anomalies kept in detail (the first 10,000), and anomaly i of
 * them (i below that number): its table, row id, field and problem. */
size_t mg_model_anomalies_kept(const mg_model *m);
void mg_model_anomaly_at(const mg_model *m, size_t i, mg_table_id *table, int64_t *id,
	const char **field, mg_problem *problem);

/* --------------------------------------------------------- the emitter */

/* Atoms: every key and every symbolic value a view emits. The glue maps
 * them to interned strings once; mg_atom_name() gives the text. */
typedef enum mg_atom {
#define MG_ATOM(name) MG_A_##name,
#include "atoms.h"
#undef MG_ATOM
	MG_A__COUNT
} mg_atom;

const char *mg_atom_name(mg_atom a);

/* A push-style tree writer. Each callback returns 0 on success, non-zero on
 * failure (the view then stops and returns MG_EEMIT). A view emits exactly
 * one value at the top (a map). Inside a map, every value is preceded by
 * key(). */
typedef struct mg_emitter {
	void *ctx;
	int (*map_begin)(void *ctx, size_t size_hint);
	int (*map_end)(void *ctx);
	int (*list_begin)(void *ctx, size_t size_hint);
	int (*list_end)(void *ctx);
	int (*key)(void *ctx, mg_atom key);
	int (*v_int)(void *ctx, int64_t v);
	int (*v_bool)(void *ctx, int v);
	int (*v_null)(void *ctx);
	int (*v_str)(void *ctx, const char *s, size_t len);
	int (*v_atom)(void *ctx, mg_atom v);
} mg_emitter;

/* ------------------------------------------------------------- the views */

/* R2: a participant's view of parcours `courseid`. MG_EACCESS unless the
 * viewer is a current participant of that parcours (R1). */
mg_status mg_view_participant(const mg_model *m, int64_t viewerid, int64_t courseid,
	const mg_emitter *out, mg_error *err);

/* R3: a trainer's view. MG_EACCESS unless the viewer is an active trainer of
 * that parcours. */
mg_status mg_view_trainer(const mg_model *m, int64_t viewerid, int64_t courseid,
	const mg_emitter *out, mg_error *err);

/* R4: an inspector's view of the teachers of his circonscription(s): their
 * participations (current participants and training records).
 * `circ` (may be NULL/empty) restricts to one of them; MG_EACCESS when the
 * viewer is not an inspector, or not of `circ`. */
mg_status mg_view_inspector(const mg_model *m, int64_t viewerid, mg_str circ,
	const mg_emitter *out, mg_error *err);

/* "My trainings": every participation of `userid` (current participant, or a
 * training record), with his own progress where he is a current
 * participant, and the parcours he trains. MG_ENOTFOUND for an unknown user. */
mg_status mg_view_my_trainings(const mg_model *m, int64_t userid, const mg_emitter *out, mg_error *err);

/* The anomalies of the model (for the site administrator only): their
 * total, their count per table, field and problem, and the first `limit`
 * of them (table, id, field, problem, message), in table then id order. */
mg_status mg_view_data_quality(const mg_model *m, size_t limit, const mg_emitter *out, mg_error *err);

/* R9: what each role sees about participant `userid` of parcours `courseid`,
 * built by the functions that build the rows of the views above.
 * MG_EACCESS unless userid is a current participant of courseid. */
mg_status mg_view_transparency(const mg_model *m, int64_t userid, int64_t courseid,
	const mg_emitter *out, mg_error *err);

/* ---------------------------------------------------- statistics (R5) */

/* The dimensions a person's participation is classified by (the values come
 * from the school directory and the course shortname). */
typedef enum mg_dim {
	MG_DIM_ACADEMIE,
	MG_DIM_DEPARTEMENT,
	MG_DIM_CIRCONSCRIPTION,
	MG_DIM_DEGRE,
	MG_DIM_SECTEUR,
	MG_DIM_PARCOURS,
	MG_DIM__COUNT
} mg_dim;

const char *mg_dim_name(mg_dim d);
/* MG_EARG when unknown. */
mg_status mg_dim_parse(const char *s, size_t len, mg_dim *out, mg_error *err);

/*
 * The publication plan (docs/statistics.md). The ministry gets one release at
 * a time: two tables, each a tree of nested groups of people, published
 * together and protected together with every earlier release.
 *
 *   etablissements  total > academie > degre > secteur > departement > circonscription
 *                   measures: participants (people), enrolments, finished
 *   parcours        total > parcours (course shortname)
 *                   measures: enrolments, finished, credited minutes
 *
 * The two totals are the same figures (every participation once). Nothing
 * else is ever computed: a table by any other dimensions is not part of the
 * plan (its cells would be differences of the plan's cells).
 */
typedef enum mg_stats_tab {
	MG_TAB_ETAB,
	MG_TAB_PARCOURS,
	MG_TAB__COUNT
} mg_stats_tab;

#define MG_STATS_DEPTH_MAX 5
/* The largest figure a release read from outside (an exchange file, an earlier release given as
 * an array) may hold: 2^40, a million times any real académie's minutes. With it, no sum the
 * protection or the merge makes can overflow an int64_t. */
#define MG_STATS_COUNT_MAX ((int64_t)1 << 40)

const char *mg_stats_tab_name(mg_stats_tab t);
/* MG_EARG when it names no table of the plan. */
mg_status mg_stats_tab_parse(const char *s, size_t len, mg_stats_tab *out, mg_error *err);
/* The levels of a table below its total, in order; returns their number. */
size_t mg_stats_tab_levels(mg_stats_tab t, const mg_dim **levels);

typedef enum mg_measure {
	MG_M_PARTICIPANTS,   /* distinct people (etablissements only) */
	MG_M_ENROLMENTS,     /* participations */
	MG_M_FINISHED,       /* participations with a training record */
	MG_M_MINUTES,        /* credited minutes of those (parcours only) */
	MG_M__COUNT
} mg_measure;

/* Whether table t publishes measure m; whether node n of it has it (the
 * parcours total has no credited minutes: docs/statistics.md). */
int mg_stats_tab_has(mg_stats_tab t, mg_measure m);
struct mg_stats_node;
int mg_stats_node_has(mg_stats_tab t, const struct mg_stats_node *n, mg_measure m);

#define MG_STATS_NONE UINT32_MAX

/* A node of a table: a group of people, named by its path from the total
 * (values[0..depth-1], one per level; "" means not recorded). */
typedef struct mg_stats_node {
	mg_str values[MG_STATS_DEPTH_MAX];
	uint32_t depth;                    /* 0: the table's total */
	uint32_t parent, child, next;      /* indices; children in value order */
	int64_t v[MG_M__COUNT];            /* the counts; 0 for a measure the table lacks */
	unsigned char hidden[MG_M__COUNT]; /* protected: never written anywhere */
	/* Used while computing a release; 0 in a release read from a file. */
	int64_t finished_people;           /* people with a training record in the group */
	int64_t unfinished_people;         /* people with a participation without one */
	int64_t schools;                   /* directory schools in the group (etablissements) */
	int64_t duration;                  /* forecast minutes of the parcours (0 when unset) */
	unsigned char sensitive;           /* MG_STATS_SENSITIVE_* (primary protection) */
} mg_stats_node;

#define MG_STATS_SENSITIVE_GROUP 1u    /* fewer than k people (or a possibly small empty group) */
#define MG_STATS_SENSITIVE_FINISHED 2u /* fewer than k people with, or without, a training record */

typedef struct mg_stats_tree {
	mg_stats_node *nodes;   /* nodes[0] is the total; pre-order after mg_stats_release_link */
	size_t nnodes;
} mg_stats_tree;

typedef struct mg_stats_release {
	int64_t k;
	int64_t generated;       /* the release's date (Unix time) */
	mg_stats_tree tabs[MG_TAB__COUNT];
	struct mg_stats_rpriv *priv;
} mg_stats_release;

/* Computes a release from the model at date `generated` with threshold k
 * (at least 3), protected together with the `nearlier` releases this site
 * published before (docs/statistics.md: every figure any combination of
 * them and this one determines moves by 0 or at least k people; none dated
 * after `generated`). *out is owned by the caller (mg_stats_release_free);
 * the model and the earlier releases need not outlive it. MG_ESETTINGS for
 * k below 3, MG_EARG for an earlier release that cannot be one of this
 * site's (dated later, other tables). */
mg_status mg_stats_release_compute(const mg_model *m, int64_t k, int64_t generated,
	const mg_stats_release *const *earlier, size_t nearlier,
	mg_stats_release **out, mg_error *err);

/* An empty release, to be filled by a reader: nodes are added with
 * mg_stats_release_add (strings copied), then mg_stats_release_link checks
 * the trees (a total, every node's parent present, no node twice) and links
 * them. NULL when out of memory. */
mg_stats_release *mg_stats_release_new(int64_t k, int64_t generated);
/* The node's counts and flags start at 0. The pointer lives until the next
 * add or link. NULL when out of memory or depth is too large. */
mg_stats_node *mg_stats_release_add(mg_stats_release *r, mg_stats_tab t,
	const mg_str *values, uint32_t depth);
mg_status mg_stats_release_link(mg_stats_release *r, mg_error *err);
/* Finds a node by path; MG_STATS_NONE when absent (linked releases only). */
uint32_t mg_stats_release_find(const mg_stats_release *r, mg_stats_tab t,
	const mg_str *values, uint32_t depth);

/* The national release (docs/xml-statistics.md): the sum of the académie
 * releases, node by node (same path); a figure one of whose parts is
 * protected is protected. With k above every file's k, figures below k are
 * protected too (for readers of the national tables alone). `generated` is
 * the merge's date. */
mg_status mg_stats_release_merge(const mg_stats_release *const *files, size_t n,
	int64_t k, int64_t generated, mg_stats_release **out, mg_error *err);

/* Emits the release (docs/api.md): version, k, generated and the tables of
 * `tabs` (a bit mask of 1 << mg_stats_tab), protected values as null. */
mg_status mg_stats_release_emit(const mg_stats_release *r, unsigned tabs,
	const mg_emitter *out, mg_error *err);
void mg_stats_release_free(mg_stats_release *r);

#endif /* MAGISTERE_CORE_CORE_H */
