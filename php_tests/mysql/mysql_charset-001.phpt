--TEST--
mysql: the charset option is set with mysql_set_character_set(); utf8mb4 by default (4-byte characters intact), an unknown one is a ConnectionError
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

$tables = mgt_dataset(34, ['courses' => 1, 'participants' => 3, 'empty' => false, 'names' => 'world']);
$tables['course'][0]['fullname'] = 'Parcours 📚 山田 Ærø';
$db = mgt_fresh_db(__FILE__);
mgt_load($db, 'mdl_', $tables);
$trainer = $tables['role_assignments'][0]['userid'];

$t = new Tracker(Source::mysql(mgt_options($db)), ['now' => MGT_NOW]);
echo 'default: ', $t->trainerView($trainer, 1)['course']['fullname'], "\n";
$t = new Tracker(Source::mysql(mgt_options($db, 'mdl_', ['charset' => 'utf8mb4'])), ['now' => MGT_NOW]);
echo 'utf8mb4: ', $t->trainerView($trainer, 1)['course']['fullname'], "\n";
try {
    Source::mysql(mgt_options($db, 'mdl_', ['charset' => 'nosuchcharset']));
    echo "accepted?\n";
} catch (Magistere\ConnectionError $e) {
    echo preg_replace(["/on (host '[^']*'( port \d+)?|socket '[^']*')/", "/(database '[^']*'): .*\(error (\d+)\)$/"], ['on SERVER', '$1: ... (error $2)'], $e->getMessage()), "\n";
}
?>
--CLEAN--
<?php
require __DIR__ . '/mysql.inc';
mgt_drop_db(__DIR__ . '/mysql_charset-001.phpt');
?>
--EXPECTF--
default: Parcours 📚 山田 Ærø
utf8mb4: Parcours 📚 山田 Ærø
mysql: cannot set the character set on SERVER, database 'mgt_mysql_charset_001': ... (error %d)
