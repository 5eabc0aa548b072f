/*
 * Magistere\Tracker: settings, the model cache, and the views.
 */
#include "php_private.h"
#include "zend_exceptions.h"

static zend_object_handlers tracker_handlers;

static zend_object *tracker_create(zend_class_entry *ce)
{
	php_mg_tracker *t = zend_object_alloc(sizeof(php_mg_tracker), ce);

	zend_object_std_init(&t->std, ce);
	object_properties_init(&t->std, ce);
	t->std.handlers = &tracker_handlers;
	ZVAL_UNDEF(&t->source);
	return &t->std;
}

static void tracker_free(zend_object *obj)
{
	php_mg_tracker *t = php_mg_tracker_from_obj(obj);

	mg_model_free(t->model);
	t->model = NULL;
	if (t->strings) {
		efree(t->strings);
		t->strings = NULL;
	}
	zval_ptr_dtor(&t->source);
	ZVAL_UNDEF(&t->source);
	zend_object_std_dtor(&t->std);
}

static HashTable *tracker_get_gc(zend_object *obj, zval **table, int *n)
{
	php_mg_tracker *t = php_mg_tracker_from_obj(obj);

	*table = Z_ISUNDEF(t->source) ? NULL : &t->source;
	*n = Z_ISUNDEF(t->source) ? 0 : 1;
	return zend_std_get_properties(obj);
}

void php_mg_tracker_minit(void)
{
	php_magistere_tracker_ce->create_object = tracker_create;
	memcpy(&tracker_handlers, &std_object_handlers, sizeof(zend_object_handlers));
	tracker_handlers.offset = XtOffsetOf(php_mg_tracker, std);
	tracker_handlers.free_obj = tracker_free;
	tracker_handlers.get_gc = tracker_get_gc;
	tracker_handlers.clone_obj = NULL;
	tracker_handlers.compare = zend_objects_not_comparable;
}

static php_mg_tracker *this_tracker(zval *this_zv)
{
	php_mg_tracker *t = php_mg_tracker_from_obj(Z_OBJ_P(this_zv));

	if (Z_ISUNDEF(t->source)) {
		zend_throw_error(NULL, "Magistere\\Tracker was not constructed");
		return NULL;
	}
	return t;
}

/* magistere.check_scopes (a test aid): every anomaly of the model of a
 * scope must be an anomaly of the model of the whole site, the same row
 * (table and id), field and problem: a scope's filtering must never make a
 * row that is fine look dangling. */
static mg_status check_scope(php_mg_source *src, php_mg_tracker *t, const mg_model *m,
	const mg_scope *scope, mg_error *err)
{
	mg_scope all = { MG_SCOPE_ALL, 0, 0, NULL, 0 };
	mg_rowset *rs = NULL;
	mg_model *whole;
	mg_status st;
	size_t i, j, n, nw;

	(void)scope;
	st = src->ops->load(src->store, &all, &t->settings, NULL, &rs, NULL, err);
	if (st != MG_OK) {
		return st;
	}
	whole = mg_model_build(rs, &t->settings, err);
	if (!whole) {
		mg_rowset_free(rs);
		return err->code ? err->code : MG_ENOMEM;
	}
	n = mg_model_anomalies_kept(m);
	nw = mg_model_anomalies_kept(whole);
	for (i = 0; i < n && st == MG_OK; i++) {
		mg_table_id ta, tb;
		int64_t ia, ib;
		const char *fa, *fb;
		mg_problem pa, pb;
		int found = 0;

		mg_model_anomaly_at(m, i, &ta, &ia, &fa, &pa);
		for (j = 0; j < nw && !found; j++) {
			mg_model_anomaly_at(whole, j, &tb, &ib, &fb, &pb);
			found = ta == tb && ia == ib && pa == pb && strcmp(fa, fb) == 0;
		}
		if (!found) {
			st = mg_error_set(err, MG_EINTERNAL,
				"magistere.check_scopes: the scope's model reports %s row %lld, field %s: %s, which the whole site's model does not",
				mg_tables[ta].name, (long long)ia, fa, mg_problem_name(pa));
		}
	}
	mg_model_free(whole);
	mg_rowset_free(rs);
	return st;
}

mg_status php_mg_tracker_with_model(php_mg_tracker *t, const mg_scope *scope,
	php_mg_model_fn fn, void *arg, mg_error *err)
{
	php_mg_source *src = php_mg_source_from_obj(Z_OBJ(t->source));
	mg_rowset *rs = NULL;
	mg_model *m;
	mg_status st;

	if (!src->ops) {
		return mg_error_set(err, MG_EINTERNAL, "the source of this tracker is not usable");
	}
	if (src->ops->shared && t->model) {
		return fn(t->model, arg, err);
	}
	if (!src->ops->shared && php_mg_resident_wanted(src, scope) && !MAGISTERE_G(check_scopes)) {
		return php_mg_resident_with_model(src, t, scope, fn, arg, err);
	}
	{
		/* not resident: a heavy scope may still read a replica */
		mg_load_opts opts;
		memset(&opts, 0, sizeof(opts));
		opts.replica = 1;
		st = src->ops->load(src->store, scope, &t->settings, &opts, &rs, NULL, err);
	}
	if (st != MG_OK) {
		return st;
	}
	m = mg_model_build(rs, &t->settings, err);
	if (!m) {
		if (!src->ops->shared) {
			mg_rowset_free(rs);
		}
		return err->code ? err->code : MG_ENOMEM;
	}
	if (src->ops->shared) {
		t->model = m;
		return fn(m, arg, err);
	}
	/* the model points into the rowset's strings, never into its rows */
	mg_rowset_release_rows(rs);
	st = MG_OK;
	if (MAGISTERE_G(check_scopes) && scope->kind != MG_SCOPE_ALL) {
		st = check_scope(src, t, m, scope, err);
	}
	if (st == MG_OK) {
		st = fn(m, arg, err);
	}
	mg_model_free(m);
	mg_rowset_free(rs);
	return st;
}

/* ------------------------------------------------------------ settings */

static const char *const setting_names[] = {
	"trainer_roles", "participant_roles", "school_field", "duration_field", "k", "now",
	"enablecompletion", "installed_modules", NULL
};

/* Copies a string into the tracker's string buffer (sized beforehand). */
static mg_str keep(php_mg_tracker *t, size_t *used, zend_string *s)
{
	char *p = t->strings + *used;

	memcpy(p, ZSTR_VAL(s), ZSTR_LEN(s));
	p[ZSTR_LEN(s)] = '\0';
	*used += ZSTR_LEN(s) + 1;
	return (mg_str){ p, ZSTR_LEN(s) };
}

static size_t settings_string_bytes(HashTable *ht)
{
	zval *v, *e;
	size_t n = 0;

	ZEND_HASH_FOREACH_VAL(ht, v) {
		ZVAL_DEREF(v);
		if (Z_TYPE_P(v) == IS_STRING) {
			n += Z_STRLEN_P(v) + 1;
		} else if (Z_TYPE_P(v) == IS_ARRAY) {
			ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(v), e) {
				ZVAL_DEREF(e);
				if (Z_TYPE_P(e) == IS_STRING) {
					n += Z_STRLEN_P(e) + 1;
				}
			} ZEND_HASH_FOREACH_END();
		}
	} ZEND_HASH_FOREACH_END();
	return n;
}

static zend_result parse_roles(php_mg_tracker *t, size_t *used, const char *name, zval *v,
	mg_str *out, size_t *n, size_t max)
{
	zval *e;

	if (Z_TYPE_P(v) != IS_ARRAY) {
		zend_argument_type_error(2, "setting \"%s\" must be of type array, %s given", name, zend_zval_type_name(v));
		return FAILURE;
	}
	if (zend_hash_num_elements(Z_ARRVAL_P(v)) > max) {
		zend_argument_value_error(2, "setting \"%s\" names more than %zu %s", name, max,
			max == MG_MAX_ROLES ? "roles" : "modules");
		return FAILURE;
	}
	*n = 0;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(v), e) {
		ZVAL_DEREF(e);
		if (Z_TYPE_P(e) != IS_STRING) {
			zend_argument_type_error(2, "setting \"%s\" must hold strings, %s given", name, zend_zval_type_name(e));
			return FAILURE;
		}
		out[(*n)++] = keep(t, used, Z_STR_P(e));
	} ZEND_HASH_FOREACH_END();
	return SUCCESS;
}

static zend_result parse_settings(php_mg_tracker *t, HashTable *ht)
{
	zend_string *key;
	zend_ulong idx;
	zval *v;
	size_t used = 0;

	mg_settings_defaults(&t->settings, (int64_t)time(NULL));
	t->strings = emalloc(settings_string_bytes(ht) + 1);
	ZEND_HASH_FOREACH_KEY_VAL(ht, idx, key, v) {
		int i;
		(void)idx;
		if (!key) {
			zend_argument_value_error(2, "must be keyed by setting name");
			return FAILURE;
		}
		for (i = 0; setting_names[i]; i++) {
			if (zend_string_equals_cstr(key, setting_names[i], strlen(setting_names[i]))) {
				break;
			}
		}
		ZVAL_DEREF(v);
		switch (i) {
		case 0:
			if (parse_roles(t, &used, "trainer_roles", v, t->settings.trainer_roles, &t->settings.ntrainer_roles,
					MG_MAX_ROLES) == FAILURE) {
				return FAILURE;
			}
			break;
		case 1:
			if (parse_roles(t, &used, "participant_roles", v, t->settings.participant_roles,
					&t->settings.nparticipant_roles, MG_MAX_ROLES) == FAILURE) {
				return FAILURE;
			}
			break;
		case 2:
		case 3:
			if (Z_TYPE_P(v) != IS_STRING) {
				zend_argument_type_error(2, "setting \"%s\" must be of type string, %s given",
					setting_names[i], zend_zval_type_name(v));
				return FAILURE;
			}
			if (i == 2) {
				t->settings.school_field = keep(t, &used, Z_STR_P(v));
			} else {
				t->settings.duration_field = keep(t, &used, Z_STR_P(v));
			}
			break;
		case 4:
		case 5:
			if (Z_TYPE_P(v) != IS_LONG) {
				zend_argument_type_error(2, "setting \"%s\" must be of type int, %s given",
					setting_names[i], zend_zval_type_name(v));
				return FAILURE;
			}
			if (i == 4) {
				t->settings.k = (int64_t)Z_LVAL_P(v);
			} else {
				t->settings.now = (int64_t)Z_LVAL_P(v);
			}
			break;
		case 6:
			if (Z_TYPE_P(v) != IS_TRUE && Z_TYPE_P(v) != IS_FALSE) {
				zend_argument_type_error(2, "setting \"enablecompletion\" must be of type bool, %s given",
					zend_zval_type_name(v));
				return FAILURE;
			}
			t->settings.enablecompletion = Z_TYPE_P(v) == IS_TRUE;
			break;
		case 7:
			if (Z_TYPE_P(v) == IS_NULL) {
				t->settings.installed_modules_given = 0;
				t->settings.ninstalled_modules = 0;
				break;
			}
			if (parse_roles(t, &used, "installed_modules", v, t->settings.installed_modules,
					&t->settings.ninstalled_modules, MG_MAX_MODULES) == FAILURE) {
				return FAILURE;
			}
			t->settings.installed_modules_given = 1;
			break;
		default:
			zend_argument_value_error(2, "contains the unknown setting \"%s\" (known: trainer_roles, participant_roles, school_field, duration_field, k, now, enablecompletion, installed_modules)",
				ZSTR_VAL(key));
			return FAILURE;
		}
	} ZEND_HASH_FOREACH_END();
	return SUCCESS;
}

static mg_status noop(const mg_model *m, void *arg, mg_error *err)
{
	(void)m;
	(void)arg;
	(void)err;
	return MG_OK;
}

ZEND_METHOD(Magistere_Tracker, __construct)
{
	zval *source;
	HashTable *settings = NULL;
	php_mg_tracker *t = php_mg_tracker_from_obj(Z_OBJ_P(ZEND_THIS));
	php_mg_source *src;
	mg_error err;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_OBJECT_OF_CLASS(source, php_magistere_source_ce)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(settings)
	ZEND_PARSE_PARAMETERS_END();

	if (!Z_ISUNDEF(t->source)) {
		zend_throw_error(NULL, "Magistere\\Tracker is already constructed");
		RETURN_THROWS();
	}
	src = php_mg_source_from_obj(Z_OBJ_P(source));
	if (!src->ops) {
		zend_argument_value_error(1, "is not a usable source (create it with Magistere\\Source::rows() or ::mysql())");
		RETURN_THROWS();
	}
	if (settings) {
		if (parse_settings(t, settings) == FAILURE) {
			goto error;
		}
	} else {
		mg_settings_defaults(&t->settings, (int64_t)time(NULL));
	}
	mg_error_clear(&err);
	if (mg_settings_check(&t->settings, &err) != MG_OK) {
		php_mg_throw(&err);
		goto error;
	}
	ZVAL_COPY(&t->source, source);
	/* a shared source (rows) is checked and modelled once, now */
	if (src->ops->shared) {
		mg_scope scope = { MG_SCOPE_ALL, 0, 0, NULL, 0 };
		if (php_mg_tracker_with_model(t, &scope, noop, NULL, &err) != MG_OK) {
			php_mg_throw(&err);
			zval_ptr_dtor(&t->source);
			ZVAL_UNDEF(&t->source);
			goto error;
		}
	}
	return;
error:
	if (t->strings) {
		efree(t->strings);
		t->strings = NULL;
	}
	RETURN_THROWS();
}

static void add_roles(zval *arr, const char *key, const mg_str *roles, size_t n)
{
	zval list;
	size_t i;

	array_init_size(&list, (uint32_t)n);
	for (i = 0; i < n; i++) {
		add_next_index_stringl(&list, roles[i].ptr, roles[i].len);
	}
	add_assoc_zval(arr, key, &list);
}

/* The settings as the array settings() returns; defaults() gives only the configurable ones (not "now", nor
 * what the plugin reads from Moodle's configuration). */
static void settings_array(zval *rv, const mg_settings *s, int full)
{
	array_init(rv);
	add_roles(rv, "trainer_roles", s->trainer_roles, s->ntrainer_roles);
	add_roles(rv, "participant_roles", s->participant_roles, s->nparticipant_roles);
	add_assoc_stringl(rv, "school_field", s->school_field.ptr, s->school_field.len);
	add_assoc_stringl(rv, "duration_field", s->duration_field.ptr, s->duration_field.len);
	add_assoc_long(rv, "k", (zend_long)s->k);
	if (!full) {
		return;
	}
	/* What a tracker is given beyond the site's configurable settings: the instant, and what the plugin reads
	 * from Moodle's own configuration (completion tracking, installed modules). */
	add_assoc_long(rv, "now", (zend_long)s->now);
	add_assoc_bool(rv, "enablecompletion", s->enablecompletion != 0);
	if (s->installed_modules_given) {
		add_roles(rv, "installed_modules", s->installed_modules, s->ninstalled_modules);
	} else {
		add_assoc_null(rv, "installed_modules");
	}
}

ZEND_METHOD(Magistere_Tracker, settings)
{
	php_mg_tracker *t;

	ZEND_PARSE_PARAMETERS_NONE();
	if (!(t = this_tracker(ZEND_THIS))) {
		RETURN_THROWS();
	}
	settings_array(return_value, &t->settings, 1);
}

/* The core's defaults (mg_settings_defaults), the one source the plugin and
 * the docs are checked against. */
ZEND_METHOD(Magistere_Tracker, defaults)
{
	mg_settings s;

	ZEND_PARSE_PARAMETERS_NONE();
	mg_settings_defaults(&s, 0);
	settings_array(return_value, &s, 0);
}

/* --------------------------------------------------------------- views */

typedef enum view_kind {
	V_PARTICIPANT, V_TRAINER, V_INSPECTOR, V_TRANSPARENCY, V_STATISTICS, V_MY_TRAININGS, V_DATA_QUALITY
} view_kind;

typedef struct view_call {
	view_kind kind;
	int64_t a, b;
	mg_str circ;
	unsigned tabs;
	const mg_stats_release *const *earlier;
	size_t nearlier;
	int64_t k, now;
	zval *rv;
} view_call;

static mg_status run_view(const mg_model *m, void *arg, mg_error *err)
{
	view_call *vc = arg;
	mg_emitter out;
	php_mg_zemit *z = php_mg_zemit_new(vc->rv, &out);
	mg_status st = MG_OK;

	switch (vc->kind) {
	case V_PARTICIPANT:
		st = mg_view_participant(m, vc->a, vc->b, &out, err);
		break;
	case V_TRAINER:
		st = mg_view_trainer(m, vc->a, vc->b, &out, err);
		break;
	case V_INSPECTOR:
		st = mg_view_inspector(m, vc->a, vc->circ, &out, err);
		break;
	case V_TRANSPARENCY:
		st = mg_view_transparency(m, vc->a, vc->b, &out, err);
		break;
	case V_MY_TRAININGS:
		st = mg_view_my_trainings(m, vc->a, &out, err);
		break;
	case V_DATA_QUALITY:
		st = mg_view_data_quality(m, (size_t)vc->a, &out, err);
		break;
	case V_STATISTICS: {
		mg_stats_release *r;
		st = mg_stats_release_compute(m, vc->k, vc->now, vc->earlier, vc->nearlier, &r, err);
		if (st == MG_OK) {
			st = mg_stats_release_emit(r, vc->tabs, &out, err);
			mg_stats_release_free(r);
		}
		break;
	}
	}
	php_mg_zemit_free(z, st == MG_OK);
	return st;
}

static void view(INTERNAL_FUNCTION_PARAMETERS, view_call *vc, const mg_scope *scope)
{
	php_mg_tracker *t = this_tracker(ZEND_THIS);
	mg_error err;

	if (!t) {
		RETURN_THROWS();
	}
	mg_error_clear(&err);
	vc->rv = return_value;
	if (php_mg_tracker_with_model(t, scope, run_view, vc, &err) != MG_OK) {
		php_mg_throw(&err);
		RETURN_THROWS();
	}
}

ZEND_METHOD(Magistere_Tracker, participantView)
{
	zend_long viewer, course;
	view_call vc = { V_PARTICIPANT, 0, 0, { NULL, 0 }, 0, NULL, 0, 0, 0, NULL };
	mg_scope scope = { MG_SCOPE_COURSE, 0, 0, NULL, 0 };

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_LONG(viewer)
		Z_PARAM_LONG(course)
	ZEND_PARSE_PARAMETERS_END();
	vc.a = viewer;
	vc.b = scope.courseid = course;
	scope.userid = viewer;
	view(INTERNAL_FUNCTION_PARAM_PASSTHRU, &vc, &scope);
}

ZEND_METHOD(Magistere_Tracker, trainerView)
{
	zend_long viewer, course;
	view_call vc = { V_TRAINER, 0, 0, { NULL, 0 }, 0, NULL, 0, 0, 0, NULL };
	mg_scope scope = { MG_SCOPE_COURSE, 0, 0, NULL, 0 };

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_LONG(viewer)
		Z_PARAM_LONG(course)
	ZEND_PARSE_PARAMETERS_END();
	vc.a = viewer;
	vc.b = scope.courseid = course;
	scope.userid = viewer;
	view(INTERNAL_FUNCTION_PARAM_PASSTHRU, &vc, &scope);
}

ZEND_METHOD(Magistere_Tracker, inspectorView)
{
	zend_long viewer;
	zend_string *circ = NULL;
	view_call vc = { V_INSPECTOR, 0, 0, { NULL, 0 }, 0, NULL, 0, 0, 0, NULL };
	mg_scope scope = { MG_SCOPE_INSPECTOR, 0, 0, NULL, 0 };

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_LONG(viewer)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR_OR_NULL(circ)
	ZEND_PARSE_PARAMETERS_END();
	if (circ && ZSTR_LEN(circ) == 0) {
		zend_argument_value_error(2, "must be a circonscription code or null, not an empty string");
		RETURN_THROWS();
	}
	vc.a = scope.userid = viewer;
	if (circ) {
		vc.circ = (mg_str){ ZSTR_VAL(circ), ZSTR_LEN(circ) };
	}
	view(INTERNAL_FUNCTION_PARAM_PASSTHRU, &vc, &scope);
}

ZEND_METHOD(Magistere_Tracker, transparency)
{
	zend_long user, course;
	view_call vc = { V_TRANSPARENCY, 0, 0, { NULL, 0 }, 0, NULL, 0, 0, 0, NULL };
	mg_scope scope = { MG_SCOPE_TRANSPARENCY, 0, 0, NULL, 0 };

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_LONG(user)
		Z_PARAM_LONG(course)
	ZEND_PARSE_PARAMETERS_END();
	vc.a = scope.userid = user;
	vc.b = scope.courseid = course;
	view(INTERNAL_FUNCTION_PARAM_PASSTHRU, &vc, &scope);
}

ZEND_METHOD(Magistere_Tracker, myTrainings)
{
	zend_long user;
	view_call vc = { V_MY_TRAININGS, 0, 0, { NULL, 0 }, 0, NULL, 0, 0, 0, NULL };
	mg_scope scope = { MG_SCOPE_USER, 0, 0, NULL, 0 };

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_LONG(user)
	ZEND_PARSE_PARAMETERS_END();
	vc.a = scope.userid = user;
	view(INTERNAL_FUNCTION_PARAM_PASSTHRU, &vc, &scope);
}

ZEND_METHOD(Magistere_Tracker, dataQuality)
{
	zend_long limit = 1000;
	view_call vc = { V_DATA_QUALITY, 0, 0, { NULL, 0 }, 0, NULL, 0, 0, 0, NULL };
	mg_scope scope = { MG_SCOPE_ALL, 0, 0, NULL, 0 };

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(limit)
	ZEND_PARSE_PARAMETERS_END();
	if (limit < 0) {
		zend_argument_value_error(1, "must be greater than or equal to 0");
		RETURN_THROWS();
	}
	vc.a = limit;
	view(INTERNAL_FUNCTION_PARAM_PASSTHRU, &vc, &scope);
}

/* ---------------------------------------------------------- statistics */

zend_result php_mg_parse_tables(HashTable *ht, uint32_t arg, unsigned *mask)
{
	zval *v;
	mg_error err;

	*mask = 0;
	if (zend_hash_num_elements(ht) == 0) {
		zend_argument_value_error(arg, "must name at least one table (etablissements, parcours)");
		return FAILURE;
	}
	ZEND_HASH_FOREACH_VAL(ht, v) {
		mg_stats_tab t;
		ZVAL_DEREF(v);
		if (Z_TYPE_P(v) != IS_STRING) {
			zend_argument_type_error(arg, "must contain only table names (strings), %s given", zend_zval_type_name(v));
			return FAILURE;
		}
		mg_error_clear(&err);
		if (mg_stats_tab_parse(Z_STRVAL_P(v), Z_STRLEN_P(v), &t, &err) != MG_OK) {
			/* R5: any other table would be a difference of the plan's figures */
			mg_error_set(&err, MG_EACCESS,
				"R5: the ministry's statistics are a fixed plan of two tables, etablissements (academie > degre > "
				"secteur > departement > circonscription) and parcours, protected together; \"%.*s\" is not one "
				"of them, and a table by other dimensions would undo their protection (docs/statistics.md)",
				(int)(Z_STRLEN_P(v) > 60 ? 60 : Z_STRLEN_P(v)), Z_STRVAL_P(v));
			php_mg_throw(&err);
			return FAILURE;
		}
		if (*mask & (1u << t)) {
			zend_argument_value_error(arg, "names the table \"%s\" twice", mg_stats_tab_name(t));
			return FAILURE;
		}
		*mask |= 1u << t;
	} ZEND_HASH_FOREACH_END();
	return SUCCESS;
}

static zval *arr_get(HashTable *ht, const char *key)
{
	zval *v = zend_hash_str_find(ht, key, strlen(key));

	if (v != NULL) {
		ZVAL_DEREF(v);
	}
	return v;
}

static const char *const measure_keys[MG_M__COUNT] = {
	"participants", "enrolments", "finished", "credited_minutes"
};

zend_result php_mg_release_from_array(HashTable *ht, uint32_t arg, const char *what, mg_stats_release **out)
{
	zval *ver = arr_get(ht, "version"), *k = arr_get(ht, "k"), *gen = arr_get(ht, "generated");
	zval *tables = arr_get(ht, "tables");
	mg_stats_release *r;
	mg_error err;
	size_t t;

	*out = NULL;
	if (ver == NULL || Z_TYPE_P(ver) != IS_LONG || Z_LVAL_P(ver) != 2 || k == NULL || Z_TYPE_P(k) != IS_LONG
			|| gen == NULL || Z_TYPE_P(gen) != IS_LONG || tables == NULL || Z_TYPE_P(tables) != IS_ARRAY) {
		zend_argument_value_error(arg, "%s must be a statistics release as statistics() or Statistics::read() "
			"return it (version 2, k, generated, tables)", what);
		return FAILURE;
	}
	if (Z_LVAL_P(k) < MG_K_MIN) {
		/* a release is never made below MG_K_MIN (mg_settings_check_k) */
		zend_argument_value_error(arg, "%s: k must be at least %d", what, MG_K_MIN);
		return FAILURE;
	}
	r = mg_stats_release_new((int64_t)Z_LVAL_P(k), (int64_t)Z_LVAL_P(gen));
	if (r == NULL) {
		php_mg_throw_internal("out of memory");
		return FAILURE;
	}
	for (t = 0; t < MG_TAB__COUNT; t++) {
		const char *tname = mg_stats_tab_name((mg_stats_tab)t);
		zval *tab = arr_get(Z_ARRVAL_P(tables), tname), *cells, *cz;
		const mg_dim *levels;
		size_t nl = mg_stats_tab_levels((mg_stats_tab)t, &levels), ci = 0;

		if (tab == NULL || Z_TYPE_P(tab) != IS_ARRAY || (cells = arr_get(Z_ARRVAL_P(tab), "cells")) == NULL
				|| Z_TYPE_P(cells) != IS_ARRAY) {
			zend_argument_value_error(arg, "%s lacks the %s table (whole releases are needed)", what, tname);
			goto error;
		}
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(cells), cz) {
			mg_str values[MG_STATS_DEPTH_MAX];
			zval *vals;
			uint32_t depth = 0;
			size_t d, m;
			mg_stats_node *n;

			ZVAL_DEREF(cz);
			if (Z_TYPE_P(cz) != IS_ARRAY || (vals = arr_get(Z_ARRVAL_P(cz), "values")) == NULL
					|| Z_TYPE_P(vals) != IS_ARRAY) {
				zend_argument_value_error(arg, "%s: %s cell %zu must hold 'values'", what, tname, ci);
				goto error;
			}
			for (d = 0; d < nl; d++) {
				zval *v = arr_get(Z_ARRVAL_P(vals), mg_dim_name(levels[d]));
				if (v != NULL && Z_TYPE_P(v) == IS_STRING) {
					if (depth != d) {
						zend_argument_value_error(arg, "%s: %s cell %zu names its %s but not every level above it",
							what, tname, ci, mg_dim_name(levels[d]));
						goto error;
					}
					values[d].ptr = Z_STRVAL_P(v);
					values[d].len = Z_STRLEN_P(v);
					depth++;
				} else if (v != NULL && Z_TYPE_P(v) != IS_NULL) {
					zend_argument_value_error(arg, "%s: %s cell %zu: the value of %s must be a string or null",
						what, tname, ci, mg_dim_name(levels[d]));
					goto error;
				}
			}
			n = mg_stats_release_add(r, (mg_stats_tab)t, values, depth);
			if (n == NULL) {
				php_mg_throw_internal("out of memory");
				goto error;
			}
			for (m = 0; m < MG_M__COUNT; m++) {
				zval *c;
				if (!mg_stats_tab_has((mg_stats_tab)t, (mg_measure)m)) {
					continue;
				}
				c = arr_get(Z_ARRVAL_P(cz), measure_keys[m]);
				if (c == NULL || Z_TYPE_P(c) == IS_NULL) {
					n->hidden[m] = 1;
				} else if (Z_TYPE_P(c) == IS_LONG && Z_LVAL_P(c) >= 0 && Z_LVAL_P(c) <= MG_STATS_COUNT_MAX) {
					n->v[m] = (int64_t)Z_LVAL_P(c);
				} else {
					zend_argument_value_error(arg, "%s: %s cell %zu: %s must be null or a count (0 to 2^40)",
						what, tname, ci, measure_keys[m]);
					goto error;
				}
			}
			ci++;
		} ZEND_HASH_FOREACH_END();
	}
	mg_error_clear(&err);
	if (mg_stats_release_link(r, &err) != MG_OK) {
		zend_argument_value_error(arg, "%s: %s", what, err.message);
		goto error;
	}
	*out = r;
	return SUCCESS;
error:
	mg_stats_release_free(r);
	return FAILURE;
}

zend_result php_mg_parse_earlier(HashTable *ht, uint32_t arg, mg_stats_release ***out, size_t *n)
{
	zval *v;
	size_t i = 0;

	*out = NULL;
	*n = 0;
	if (zend_hash_num_elements(ht) == 0) {
		return SUCCESS;
	}
	*out = ecalloc(zend_hash_num_elements(ht), sizeof(mg_stats_release *));
	ZEND_HASH_FOREACH_VAL(ht, v) {
		char what[48];
		zval *scope;
		ZVAL_DEREF(v);
		snprintf(what, sizeof(what), "earlier release %zu", i);
		if (Z_TYPE_P(v) != IS_ARRAY) {
			zend_argument_type_error(arg, "must contain only releases (arrays), %s given", zend_zval_type_name(v));
			goto error;
		}
		scope = arr_get(Z_ARRVAL_P(v), "scope");
		if (scope != NULL && Z_TYPE_P(scope) == IS_STRING && zend_string_equals_literal(Z_STR_P(scope), "national")) {
			zend_argument_value_error(arg, "%s is a national release, not one of this site's", what);
			goto error;
		}
		if (php_mg_release_from_array(Z_ARRVAL_P(v), arg, what, &(*out)[i]) == FAILURE) {
			goto error;
		}
		i++;
		*n = i;
	} ZEND_HASH_FOREACH_END();
	return SUCCESS;
error:
	php_mg_free_earlier(*out, *n);
	*out = NULL;
	*n = 0;
	return FAILURE;
}

void php_mg_free_earlier(mg_stats_release **r, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		mg_stats_release_free(r[i]);
	}
	if (r != NULL) {
		efree(r);
	}
}

ZEND_METHOD(Magistere_Tracker, statistics)
{
	HashTable *tabs_ht = NULL, *earlier_ht = NULL;
	zend_long k = 0;
	bool k_null = true;
	view_call vc = { V_STATISTICS, 0, 0, { NULL, 0 }, 0, NULL, 0, 0, 0, NULL };
	mg_scope scope = { MG_SCOPE_STATISTICS, 0, 0, NULL, 0 };
	mg_stats_release **earlier = NULL;
	size_t nearlier = 0;
	php_mg_tracker *t;

	ZEND_PARSE_PARAMETERS_START(0, 3)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(tabs_ht)
		Z_PARAM_ARRAY_HT(earlier_ht)
		Z_PARAM_LONG_OR_NULL(k, k_null)
	ZEND_PARSE_PARAMETERS_END();

	if (!(t = this_tracker(ZEND_THIS))) {
		RETURN_THROWS();
	}
	vc.tabs = (1u << MG_TAB__COUNT) - 1;
	if (tabs_ht != NULL && php_mg_parse_tables(tabs_ht, 1, &vc.tabs) == FAILURE) {
		RETURN_THROWS();
	}
	vc.k = k_null ? t->settings.k : (int64_t)k;
	{
		mg_error err;

		if (mg_settings_check_k(vc.k, &err) != MG_OK) {
			php_mg_throw(&err);
			RETURN_THROWS();
		}
	}
	if (earlier_ht != NULL && php_mg_parse_earlier(earlier_ht, 2, &earlier, &nearlier) == FAILURE) {
		RETURN_THROWS();
	}
	vc.earlier = (const mg_stats_release *const *)earlier;
	vc.nearlier = nearlier;
	vc.now = t->settings.now;
	view(INTERNAL_FUNCTION_PARAM_PASSTHRU, &vc, &scope);
	php_mg_free_earlier(earlier, nearlier);
}

/* The engine's memory in this process and its resident models. */
ZEND_METHOD(Magistere_Tracker, memoryUsage)
{
	size_t live = mg_mem_live();

	ZEND_PARSE_PARAMETERS_NONE();
	array_init_size(return_value, 10);
	add_assoc_long(return_value, "engine_bytes", (zend_long)live);
	add_assoc_long(return_value, "engine_peak_bytes", (zend_long)mg_mem_peak());
	add_assoc_long(return_value, "resident_bytes", (zend_long)MAGISTERE_G(resident_bytes));
	add_assoc_long(return_value, "resident_models", (zend_long)MAGISTERE_G(resident_models));
	add_assoc_long(return_value, "resident_memory", MAGISTERE_G(resident_memory));
	add_assoc_long(return_value, "resident_ttl", MAGISTERE_G(resident_ttl));
	add_assoc_long(return_value, "resident_hits", (zend_long)MAGISTERE_G(resident_hits));
	add_assoc_long(return_value, "resident_misses", (zend_long)MAGISTERE_G(resident_misses));
	add_assoc_long(return_value, "resident_evictions", (zend_long)MAGISTERE_G(resident_evictions));
}

ZEND_METHOD(Magistere_Tracker, residentClear)
{
	size_t n = MAGISTERE_G(resident_models);

	ZEND_PARSE_PARAMETERS_NONE();
	php_mg_resident_clear();
	RETURN_LONG((zend_long)n);
}
