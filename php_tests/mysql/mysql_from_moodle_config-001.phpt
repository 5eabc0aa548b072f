--TEST--
mysql: Source::fromMoodleConfig() reads Moodle's $CFG (dbtype, dbhost, dbname, dbuser, dbpass, prefix, dboptions) and refuses other database types clearly
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

$tables = mgt_dataset(61, ['courses' => 2, 'participants' => 8, 'names' => 'world']);
$db = mgt_fresh_db(__FILE__);
mgt_load($db, 'm2', $tables);
$e = mgt_env();

// As config.php writes it: the port as a string, dbsocket false, the collation, an empty timeout.
$CFG = new stdClass();
$CFG->dbtype = 'mariadb';
$CFG->dblibrary = 'native';
$CFG->dbhost = $e['host'];
$CFG->dbname = $db;
$CFG->dbuser = $e['user'];
$CFG->dbpass = $e['password'];
$CFG->prefix = 'm2';
$CFG->dboptions = ['dbpersist' => 0, 'dbport' => (string) $e['port'], 'dbsocket' => $e['socket'] ?? false,
    'dbcollation' => 'utf8mb4_unicode_ci', 'connecttimeout' => ''];
$CFG->wwwroot = 'https://magistere.example';

foreach (['mysqli', 'mariadb', 'auroramysql'] as $type) {
    $CFG->dbtype = $type;
    $rows = new Tracker(Source::rows(mgt_engine_tables($tables)), ['now' => MGT_NOW]);
    $mysql = new Tracker(Source::fromMoodleConfig($CFG), ['now' => MGT_NOW]);
    [$n, $diff, $ok] = mgt_compare($rows, $mysql, mgt_calls($tables));
    echo "$type: ", $diff === 0 && count($ok) === 8 ? 'every view identical to the rows source' : "$diff differences", "\n";
}

// Other database types are refused with a ConnectionError (the plugin then uses Source::rows()).
foreach (['pgsql', 'sqlsrv', 'oci'] as $type) {
    $cfg = clone $CFG;
    $cfg->dbtype = $type;
    try {
        Source::fromMoodleConfig($cfg);
        echo "$type: accepted?\n";
    } catch (Magistere\ConnectionError $ex) {
        echo get_class($ex), ': ', $ex->getMessage(), "\n";
    }
}

// Malformed $CFG.
$cases = [
    'no dbtype' => function ($c) { unset($c->dbtype); },
    'dboptions not an array' => function ($c) { $c->dboptions = 'dbport=3306'; },
    'dbport not a number' => function ($c) { $c->dboptions['dbport'] = 'abc'; },
    'dbpass not a string' => function ($c) { $c->dbpass = 42; },
    'bad prefix' => function ($c) { $c->prefix = 'MDL_'; },
];
foreach ($cases as $label => $change) {
    $cfg = clone $CFG;
    $change($cfg);
    try {
        Source::fromMoodleConfig($cfg);
        echo "$label: accepted?\n";
    } catch (TypeError|ValueError $ex) {
        echo "$label: ", get_class($ex), ': ', $ex->getMessage(), "\n";
    }
}

// A wrong password through $CFG: ConnectionError, and the $CFG object is hidden from traces.
$cfg = clone $CFG;
$cfg->dbpass = 'Not-the-password-3141';
try {
    Source::fromMoodleConfig($cfg);
} catch (Magistere\ConnectionError $ex) {
    echo 'wrong password: ', str_contains($ex->getMessage(), 'Access denied') ? 'access denied' : $ex->getMessage(),
        ', password in trace: ', str_contains($ex->getTraceAsString() . print_r($ex->getTrace(), true), 'Not-the-password-3141') ? 'yes' : 'no', "\n";
}
?>
--CLEAN--
<?php
require __DIR__ . '/mysql.inc';
mgt_drop_db(__DIR__ . '/mysql_from_moodle_config-001.phpt');
?>
--EXPECT--
mysqli: every view identical to the rows source
mariadb: every view identical to the rows source
auroramysql: every view identical to the rows source
Magistere\ConnectionError: the mysql source reads MariaDB/MySQL databases only (dbtype mysqli, mariadb or auroramysql); this site's dbtype is "pgsql": use Magistere\Source::rows() with rows read through $DB
Magistere\ConnectionError: the mysql source reads MariaDB/MySQL databases only (dbtype mysqli, mariadb or auroramysql); this site's dbtype is "sqlsrv": use Magistere\Source::rows() with rows read through $DB
Magistere\ConnectionError: the mysql source reads MariaDB/MySQL databases only (dbtype mysqli, mariadb or auroramysql); this site's dbtype is "oci": use Magistere\Source::rows() with rows read through $DB
no dbtype: ValueError: Magistere\Source::fromMoodleConfig(): Argument #1 ($cfg) must have a dbtype property (Moodle's $CFG)
dboptions not an array: TypeError: Magistere\Source::fromMoodleConfig(): Argument #1 ($cfg) $cfg->dboptions must be of type ?array, string given
dbport not a number: ValueError: Magistere\Source::fromMoodleConfig(): Argument #1 ($cfg) $cfg->dboptions['dbport'] must be an integer, "abc" given
dbpass not a string: TypeError: Magistere\Source::fromMoodleConfig(): Argument #1 ($cfg) $cfg->dbpass must be of type ?string, int given
bad prefix: ValueError: Magistere\Source::fromMoodleConfig(): Argument #1 ($cfg) $cfg->prefix: the table prefix must match [a-z][a-z0-9_]{0,9} (lower-case letter, then up to 9 lower-case letters, digits or underscores)
wrong password: access denied, password in trace: no
