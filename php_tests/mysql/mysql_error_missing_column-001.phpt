--TEST--
mysql: a missing column gives a DataError naming the table and the column
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

$tables = mgt_dataset(32, ['courses' => 1, 'participants' => 5, 'empty' => false]);
$db = mgt_fresh_db(__FILE__);
mgt_load($db, 'mdl_', $tables);
mgt_link($db)->query('ALTER TABLE mdl_user DROP COLUMN suspended');

$t = new Tracker(Source::mysql(mgt_options($db)), ['now' => MGT_NOW]);
$participant = $tables['role_assignments'][2]['userid'];
try {
    $t->participantView($participant, 1);
    echo "no error?\n";
} catch (Magistere\DataError $e) {
    // The server names the clause ('field list', or 'SELECT' in newer versions): left out.
    echo preg_replace(["/on (host '[^']*'( port \d+)?|socket '[^']*')/", "/ in '[^']*' \(/"], ['on SERVER', ' ('], $e->getMessage()), "\n";
}
?>
--CLEAN--
<?php
require __DIR__ . '/mysql.inc';
mgt_drop_db(__DIR__ . '/mysql_error_missing_column-001.phpt');
?>
--EXPECT--
mysql: cannot read table mdl_user on SERVER, database 'mgt_mysql_error_missing_column_001': Unknown column 't.suspended' (error 1054)
