--TEST--
mysql: tables of different collations (a site half converted) change nothing: no statement compares the strings of two tables, every view equals the rows source
--EXTENSIONS--
magistere
mysqlnd
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--INI--
magistere.check_scopes=1
--FILE--
<?php
require __DIR__ . '/mysql.inc';

use Magistere\Source;
use Magistere\Tracker;

$tables = mgt_dataset(33, ['courses' => 1, 'participants' => 5, 'empty' => false]);
$db = mgt_fresh_db(__FILE__);
mgt_load($db, 'mdl_', $tables);
mgt_link($db)->query('ALTER TABLE mdl_local_magistere_school CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci');

// Every statement reads one table; the scope's sets (users, courses, UAIs) are computed in C and bound as
// parameters, compared by the server under the collation of the table they filter.
$rows = new Tracker(Source::rows(mgt_engine_tables($tables)), ['now' => MGT_NOW]);
$mysql = new Tracker(Source::mysql(mgt_options($db)), ['now' => MGT_NOW]);
[$n, $diff, $ok] = mgt_compare($rows, $mysql, mgt_calls($tables));
echo $diff === 0 ? "every view identical ($n calls)" : "$diff of $n calls differ", "\n";
ksort($ok);
echo 'successful: ', implode(', ', array_keys($ok)), "\n";
?>
--CLEAN--
<?php
require __DIR__ . '/mysql.inc';
mgt_drop_db(__DIR__ . '/mysql_error_collation-001.phpt');
?>
--EXPECTF--
every view identical (%d calls)
successful: dataQuality, inspectorView, myTrainings, participantView, statistics, trainerView, transparency, writeAttestations
