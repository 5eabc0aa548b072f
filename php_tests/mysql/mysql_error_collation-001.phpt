--TEST--
mysql: tables of different collations (a site half converted) give a DataError naming the table, not a crash or a wrong join
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

$tables = mgt_dataset(33, ['courses' => 1, 'participants' => 5, 'empty' => false]);
$db = mgt_fresh_db(__FILE__);
mgt_load($db, 'mdl_', $tables);
mgt_link($db)->query('ALTER TABLE mdl_local_magistere_school CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci');

$t = new Tracker(Source::mysql(mgt_options($db)), ['now' => MGT_NOW]);
try {
    $t->trainerView($tables['role_assignments'][0]['userid'], 1);
    echo "no error?\n";
} catch (Magistere\DataError $e) {
    echo preg_replace("/on (host '[^']*'( port \d+)?|socket '[^']*')/", 'on SERVER', $e->getMessage()), "\n";
}
?>
--CLEAN--
<?php
require __DIR__ . '/mysql.inc';
mgt_drop_db(__DIR__ . '/mysql_error_collation-001.phpt');
?>
--EXPECTF--
mysql: cannot read table mdl_local_magistere_school on SERVER, database 'mgt_mysql_error_collation_001': Illegal mix of collations (%s) and (%s) for operation '=' (error 1267)
