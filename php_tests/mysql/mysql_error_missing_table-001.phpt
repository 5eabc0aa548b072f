--TEST--
mysql: a missing table gives a DataError naming it, no half-filled result; the source works again once the table is back
--EXTENSIONS--
magistere
mysqlnd
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/mysql.inc';

use Magistere\Source;
use Magistere\Tracker;

$tables = mgt_dataset(31, ['courses' => 1, 'participants' => 5, 'empty' => false]);
$db = mgt_fresh_db(__FILE__);
mgt_load($db, 'mdl_', $tables);
$link = mgt_link($db);
$link->query('RENAME TABLE mdl_local_magistere_mark TO mdl_local_magistere_mark_away');
// (Every statement reads one table, the scope's sets being computed in C from the rows already read:
// the statement that fails names the missing table.)

$t = new Tracker(Source::mysql(mgt_options($db)), ['now' => MGT_NOW]);
$trainer = $tables['role_assignments'][0]['userid'];
foreach (['trainerView' => fn() => $t->trainerView($trainer, 1), 'statistics' => fn() => $t->statistics()] as $name => $fn) {
    try {
        $fn();
        echo "$name: no error?\n";
    } catch (Magistere\DataError $e) {
        echo "$name: ", preg_replace("/on (host '[^']*'( port \d+)?|socket '[^']*')/", 'on SERVER', $e->getMessage()), "\n";
    }
}
$link->query('RENAME TABLE mdl_local_magistere_mark_away TO mdl_local_magistere_mark');
$rows = new Tracker(Source::rows(mgt_engine_tables($tables)), ['now' => MGT_NOW]);
echo 'back, same trainer view as the rows source: ',
    $t->trainerView($trainer, 1) === $rows->trainerView($trainer, 1) ? 'yes' : 'no', "\n";
?>
--CLEAN--
<?php
require __DIR__ . '/mysql.inc';
mgt_drop_db(__DIR__ . '/mysql_error_missing_table-001.phpt');
?>
--EXPECT--
trainerView: mysql: cannot read table mdl_local_magistere_mark on SERVER, database 'mgt_mysql_error_missing_table_001': Table 'mgt_mysql_error_missing_table_001.mdl_local_magistere_mark' doesn't exist (error 1146)
statistics: mysql: cannot read table mdl_local_magistere_mark on SERVER, database 'mgt_mysql_error_missing_table_001': Table 'mgt_mysql_error_missing_table_001.mdl_local_magistere_mark' doesn't exist (error 1146)
back, same trainer view as the rows source: yes
