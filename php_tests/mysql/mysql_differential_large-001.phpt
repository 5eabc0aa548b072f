--TEST--
mysql: a parcours with thousands of participants and 40 activities reads the same through both sources
--EXTENSIONS--
magistere
mysqlnd
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
if (getenv('USE_ZEND_ALLOC') === '0') {
    // mysql_differential-001 and mysql_query_count-001 (1,000 participants) run under valgrind.
    die('skip 3,000 participants x 50 views: too slow under valgrind');
}
?>
--INI--
magistere.check_scopes=1
memory_limit=1G
--ENV--
TEST_TIMEOUT=600
--FILE--
<?php
require __DIR__ . '/mysql.inc';

$tables = mgt_dataset(7, ['courses' => 2, 'participants' => [3000, 40], 'activities' => 40, 'circs' => 6]);
printf("participants enrolled: %d, completion rows: %d\n", count($tables['user_enrolments']),
    count($tables['course_modules_completion']));
mgt_differential(__FILE__, 'thousands of participants', $tables, 'mdl_', ['k' => 3]);
?>
--CLEAN--
<?php
require __DIR__ . '/mysql.inc';
mgt_drop_db(__DIR__ . '/mysql_differential_large-001.phpt');
?>
--EXPECTF--
participants enrolled: %d, completion rows: %d
thousands of participants: identical
