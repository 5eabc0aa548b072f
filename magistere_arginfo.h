/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: e0882ef02551df2e595424ce8c2dc914094ee0aa */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Magistere_Source___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Magistere_Source_rows, 0, 1, Magistere\\Source, 0)
	ZEND_ARG_TYPE_INFO(0, tables, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Magistere_Source_mysql, 0, 1, Magistere\\Source, 0)
	ZEND_ARG_TYPE_INFO(0, options, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Magistere_Source_fromMoodleConfig, 0, 1, Magistere\\Source, 0)
	ZEND_ARG_TYPE_INFO(0, cfg, IS_OBJECT, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Magistere_Source_kind, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Magistere_Source_columns, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Magistere_Tracker___construct, 0, 0, 1)
	ZEND_ARG_OBJ_INFO(0, source, Magistere\\Source, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, settings, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

#define arginfo_class_Magistere_Tracker_settings arginfo_class_Magistere_Source_columns

#define arginfo_class_Magistere_Tracker_defaults arginfo_class_Magistere_Source_columns

#define arginfo_class_Magistere_Tracker_memoryUsage arginfo_class_Magistere_Source_columns

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Magistere_Tracker_residentClear, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Magistere_Tracker_participantView, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, viewerId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, courseId, IS_LONG, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Magistere_Tracker_trainerView arginfo_class_Magistere_Tracker_participantView

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Magistere_Tracker_inspectorView, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, viewerId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, circonscription, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Magistere_Tracker_statistics, 0, 0, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, tables, IS_ARRAY, 0, "[\"etablissements\", \"parcours\"]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, earlierReleases, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, k, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Magistere_Tracker_transparency, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, userId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, courseId, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Magistere_Tracker_myTrainings, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, userId, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Magistere_Tracker_dataQuality, 0, 0, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, limit, IS_LONG, 0, "1000")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Magistere_Tracker_writeAttestations, 0, 1, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, target, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, courseIds, IS_ARRAY, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Magistere_Tracker_writeStatistics, 0, 2, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, target, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, academie, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, earlierReleases, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, k, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

#define arginfo_class_Magistere_Statistics___construct arginfo_class_Magistere_Source___construct

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Magistere_Statistics_read, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, path, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Magistere_Statistics_merge, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, paths, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, k, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Magistere_Statistics_writeMerged, 0, 2, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, table, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, target, IS_MIXED, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(Magistere_Source, __construct);
ZEND_METHOD(Magistere_Source, rows);
ZEND_METHOD(Magistere_Source, mysql);
ZEND_METHOD(Magistere_Source, fromMoodleConfig);
ZEND_METHOD(Magistere_Source, kind);
ZEND_METHOD(Magistere_Source, columns);
ZEND_METHOD(Magistere_Tracker, __construct);
ZEND_METHOD(Magistere_Tracker, settings);
ZEND_METHOD(Magistere_Tracker, defaults);
ZEND_METHOD(Magistere_Tracker, memoryUsage);
ZEND_METHOD(Magistere_Tracker, residentClear);
ZEND_METHOD(Magistere_Tracker, participantView);
ZEND_METHOD(Magistere_Tracker, trainerView);
ZEND_METHOD(Magistere_Tracker, inspectorView);
ZEND_METHOD(Magistere_Tracker, statistics);
ZEND_METHOD(Magistere_Tracker, transparency);
ZEND_METHOD(Magistere_Tracker, myTrainings);
ZEND_METHOD(Magistere_Tracker, dataQuality);
ZEND_METHOD(Magistere_Tracker, writeAttestations);
ZEND_METHOD(Magistere_Tracker, writeStatistics);
ZEND_METHOD(Magistere_Statistics, __construct);
ZEND_METHOD(Magistere_Statistics, read);
ZEND_METHOD(Magistere_Statistics, merge);
ZEND_METHOD(Magistere_Statistics, writeMerged);


static const zend_function_entry class_Magistere_Source_methods[] = {
	ZEND_ME(Magistere_Source, __construct, arginfo_class_Magistere_Source___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Magistere_Source, rows, arginfo_class_Magistere_Source_rows, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Magistere_Source, mysql, arginfo_class_Magistere_Source_mysql, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Magistere_Source, fromMoodleConfig, arginfo_class_Magistere_Source_fromMoodleConfig, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Magistere_Source, kind, arginfo_class_Magistere_Source_kind, ZEND_ACC_PUBLIC)
	ZEND_ME(Magistere_Source, columns, arginfo_class_Magistere_Source_columns, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};


static const zend_function_entry class_Magistere_Tracker_methods[] = {
	ZEND_ME(Magistere_Tracker, __construct, arginfo_class_Magistere_Tracker___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Magistere_Tracker, settings, arginfo_class_Magistere_Tracker_settings, ZEND_ACC_PUBLIC)
	ZEND_ME(Magistere_Tracker, defaults, arginfo_class_Magistere_Tracker_defaults, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Magistere_Tracker, memoryUsage, arginfo_class_Magistere_Tracker_memoryUsage, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Magistere_Tracker, residentClear, arginfo_class_Magistere_Tracker_residentClear, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Magistere_Tracker, participantView, arginfo_class_Magistere_Tracker_participantView, ZEND_ACC_PUBLIC)
	ZEND_ME(Magistere_Tracker, trainerView, arginfo_class_Magistere_Tracker_trainerView, ZEND_ACC_PUBLIC)
	ZEND_ME(Magistere_Tracker, inspectorView, arginfo_class_Magistere_Tracker_inspectorView, ZEND_ACC_PUBLIC)
	ZEND_ME(Magistere_Tracker, statistics, arginfo_class_Magistere_Tracker_statistics, ZEND_ACC_PUBLIC)
	ZEND_ME(Magistere_Tracker, transparency, arginfo_class_Magistere_Tracker_transparency, ZEND_ACC_PUBLIC)
	ZEND_ME(Magistere_Tracker, myTrainings, arginfo_class_Magistere_Tracker_myTrainings, ZEND_ACC_PUBLIC)
	ZEND_ME(Magistere_Tracker, dataQuality, arginfo_class_Magistere_Tracker_dataQuality, ZEND_ACC_PUBLIC)
	ZEND_ME(Magistere_Tracker, writeAttestations, arginfo_class_Magistere_Tracker_writeAttestations, ZEND_ACC_PUBLIC)
	ZEND_ME(Magistere_Tracker, writeStatistics, arginfo_class_Magistere_Tracker_writeStatistics, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Magistere_Statistics_methods[] = {
	ZEND_ME(Magistere_Statistics, __construct, arginfo_class_Magistere_Statistics___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Magistere_Statistics, read, arginfo_class_Magistere_Statistics_read, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Magistere_Statistics, merge, arginfo_class_Magistere_Statistics_merge, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Magistere_Statistics, writeMerged, arginfo_class_Magistere_Statistics_writeMerged, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};


static const zend_function_entry class_Magistere_Exception_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Magistere_AccessDenied_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Magistere_NotFound_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Magistere_DataError_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Magistere_SettingsError_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Magistere_ConnectionError_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Magistere_XmlError_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Magistere_InternalError_methods[] = {
	ZEND_FE_END
};

static zend_class_entry *register_class_Magistere_Source(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Magistere", "Source", class_Magistere_Source_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "mysql", sizeof("mysql") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "frommoodleconfig", sizeof("frommoodleconfig") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}

static zend_class_entry *register_class_Magistere_Tracker(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Magistere", "Tracker", class_Magistere_Tracker_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	zval const_K_MIN_value;
	ZVAL_LONG(&const_K_MIN_value, MG_K_MIN);
	zend_string *const_K_MIN_name = zend_string_init_interned("K_MIN", sizeof("K_MIN") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_K_MIN_name, &const_K_MIN_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_K_MIN_name);

	return class_entry;
}

static zend_class_entry *register_class_Magistere_Statistics(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Magistere", "Statistics", class_Magistere_Statistics_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

static zend_class_entry *register_class_Magistere_Exception(zend_class_entry *class_entry_RuntimeException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Magistere", "Exception", class_Magistere_Exception_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_RuntimeException);

	return class_entry;
}

static zend_class_entry *register_class_Magistere_AccessDenied(zend_class_entry *class_entry_Magistere_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Magistere", "AccessDenied", class_Magistere_AccessDenied_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Magistere_Exception);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	return class_entry;
}

static zend_class_entry *register_class_Magistere_NotFound(zend_class_entry *class_entry_Magistere_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Magistere", "NotFound", class_Magistere_NotFound_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Magistere_Exception);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	return class_entry;
}

static zend_class_entry *register_class_Magistere_DataError(zend_class_entry *class_entry_Magistere_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Magistere", "DataError", class_Magistere_DataError_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Magistere_Exception);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	return class_entry;
}

static zend_class_entry *register_class_Magistere_SettingsError(zend_class_entry *class_entry_Magistere_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Magistere", "SettingsError", class_Magistere_SettingsError_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Magistere_Exception);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	return class_entry;
}

static zend_class_entry *register_class_Magistere_ConnectionError(zend_class_entry *class_entry_Magistere_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Magistere", "ConnectionError", class_Magistere_ConnectionError_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Magistere_Exception);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	return class_entry;
}

static zend_class_entry *register_class_Magistere_XmlError(zend_class_entry *class_entry_Magistere_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Magistere", "XmlError", class_Magistere_XmlError_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Magistere_Exception);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	return class_entry;
}

static zend_class_entry *register_class_Magistere_InternalError(zend_class_entry *class_entry_Magistere_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Magistere", "InternalError", class_Magistere_InternalError_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Magistere_Exception);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	return class_entry;
}
