--TEST--
mysql: R6 proven by the database: the engine runs as an account granted SELECT only on the columns it reads, and every view works
--EXTENSIONS--
magistere
mysqlnd
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--ENV--
TEST_TIMEOUT=600
--FILE--
<?php
require __DIR__ . '/mysql.inc';

use Magistere\Source;
use Magistere\Tracker;

const R6_USER = 'mgt_r6_reader';
const R6_PASSWORD = 'mgt-r6-Xw83';

// The columns the engine reads: its one list (src/core/tables.c), as Source::columns() gives it.
// Printed below, so that any change to it shows in this test. Nothing of user.firstaccess,
// lastaccess, lastlogin, currentlogin, lastip; no user_lastaccess, logstore_standard_log or
// course_modules_viewed at all.
$grants = array_map(fn(array $columns) => implode(', ', $columns), Source::columns());
foreach ($grants as $table => $columns) {
    echo "$table: $columns\n";
}
$forbidden = ['user' => ['firstaccess', 'lastaccess', 'lastlogin', 'currentlogin', 'lastip'],
    'course_modules_completion' => ['timemodified'], 'course_completions' => ['timeenrolled', 'timestarted']];
foreach ($forbidden as $table => $columns) {
    foreach ($columns as $column) {
        if (in_array($column, Source::columns()[$table], true)) {
            echo "READ: $table.$column\n";
        }
    }
}
foreach (['user_lastaccess', 'logstore_standard_log', 'course_modules_viewed', 'log', 'sessions'] as $table) {
    if (isset(Source::columns()[$table])) {
        echo "READ: $table\n";
    }
}

$tables = mgt_dataset(21, ['names' => 'world']);
$db = mgt_fresh_db(__FILE__);
mgt_load($db, 'mdl_', $tables);
$admin = mgt_admin();
foreach (['127.0.0.1', 'localhost'] as $h) {
    $admin->query("DROP USER IF EXISTS '" . R6_USER . "'@'$h'");
    $admin->query("CREATE USER '" . R6_USER . "'@'$h' IDENTIFIED BY '" . R6_PASSWORD . "'");
    foreach ($grants as $table => $columns) {
        $admin->query("GRANT SELECT ($columns) ON `$db`.`mdl_$table` TO '" . R6_USER . "'@'$h'");
    }
}

// The grants really forbid the rest.
$e = mgt_env();
$reader = new mysqli($e['host'], R6_USER, R6_PASSWORD, $db, $e['port'], $e['socket']);
foreach (['SELECT lastaccess FROM mdl_user', 'SELECT lastip FROM mdl_user', 'SELECT firstaccess FROM mdl_user',
        'SELECT * FROM mdl_user', 'SELECT timeaccess FROM mdl_user_lastaccess', 'SELECT id FROM mdl_logstore_standard_log',
        'SELECT timecreated FROM mdl_course_modules_viewed', 'SELECT timemodified FROM mdl_course_modules_completion',
        'SELECT timestarted FROM mdl_course_completions'] as $sql) {
    try {
        $reader->query($sql);
        echo "ALLOWED: $sql\n";
    } catch (mysqli_sql_exception $ex) {
        echo "refused ({$ex->getCode()}): $sql\n";
    }
}
$reader->close();

// Every view, through the restricted account, equals the rows source.
$settings = ['now' => MGT_NOW];
$rows = new Tracker(Source::rows(mgt_engine_tables($tables)), $settings);
$mysql = new Tracker(Source::mysql(mgt_options($db, 'mdl_', ['user' => R6_USER, 'password' => R6_PASSWORD])), $settings);
[$n, $diff, $ok] = mgt_compare($rows, $mysql, mgt_calls($tables));
echo "differences: $diff\n";
foreach (['participantView', 'trainerView', 'inspectorView', 'statistics', 'transparency', 'writeAttestations',
        'myTrainings', 'dataQuality'] as $k) {
    echo "$k works: ", empty($ok[$k]) ? 'no' : 'yes', "\n";
}
?>
--CLEAN--
<?php
require __DIR__ . '/mysql.inc';
mgt_drop_db(__DIR__ . '/mysql_r6_column_grants-001.phpt');
$admin = mgt_admin();
$admin->query("DROP USER IF EXISTS 'mgt_r6_reader'@'127.0.0.1'");
$admin->query("DROP USER IF EXISTS 'mgt_r6_reader'@'localhost'");
?>
--EXPECT--
course: id, category, fullname, shortname, visible, enablecompletion
modules: id, name, visible
course_sections: id, course, section, visible, sequence
course_modules: id, course, module, section, completion, visible, deletioninprogress
course_modules_completion: id, coursemoduleid, userid, completionstate
course_completions: id, userid, course, timecompleted
enrol: id, courseid, status, enrol
user_enrolments: id, enrolid, userid, status, timestart, timeend
role: id, shortname
role_assignments: id, roleid, contextid, userid
context: id, contextlevel, instanceid
user: id, firstname, lastname, idnumber, deleted, suspended
user_info_field: id, shortname
user_info_data: id, userid, fieldid, data
customfield_field: id, shortname
customfield_data: id, fieldid, instanceid, decvalue, value
local_magistere_mark: id, courseid, userid, finished, creditedminutes, timemodified, modifiedby
local_magistere_school: id, uai, name, city, circonscription, departement, academie, degre, secteur
local_magistere_circ: id, code, name, departement, academie
local_magistere_inspector: id, userid, circonscription
refused (1143): SELECT lastaccess FROM mdl_user
refused (1143): SELECT lastip FROM mdl_user
refused (1143): SELECT firstaccess FROM mdl_user
refused (1142): SELECT * FROM mdl_user
refused (1142): SELECT timeaccess FROM mdl_user_lastaccess
refused (1142): SELECT id FROM mdl_logstore_standard_log
refused (1142): SELECT timecreated FROM mdl_course_modules_viewed
refused (1143): SELECT timemodified FROM mdl_course_modules_completion
refused (1143): SELECT timestarted FROM mdl_course_completions
differences: 0
participantView works: yes
trainerView works: yes
inspectorView works: yes
statistics works: yes
transparency works: yes
writeAttestations works: yes
myTrainings works: yes
dataQuality works: yes
