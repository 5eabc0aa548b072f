--TEST--
mysql: a read timeout (a table locked by another session) gives a ConnectionError, no half-filled result; the next view reconnects
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

$tables = mgt_dataset(41, ['courses' => 1, 'participants' => 6, 'empty' => false]);
$db = mgt_fresh_db(__FILE__);
mgt_load($db, 'mdl_', $tables);
$t = new Tracker(Source::mysql(mgt_options($db, 'mdl_', ['read_timeout' => 1])), ['now' => MGT_NOW]);
$rows = new Tracker(Source::rows(mgt_engine_tables($tables)), ['now' => MGT_NOW]);
$trainer = $tables['role_assignments'][0]['userid'];

// Another session holds a write lock on a table the view reads after several others.
$locker = mgt_link($db);
$locker->query('LOCK TABLES mdl_user WRITE');
$start = microtime(true);
try {
    $t->trainerView($trainer, 1);
    echo "no error?\n";
} catch (Magistere\ConnectionError $e) {
    echo preg_replace("/on (host '[^']*'( port \d+)?|socket '[^']*')/", 'on SERVER', $e->getMessage()), "\n";
}
$elapsed = microtime(true) - $start;
echo 'gave up within 10 s: ', $elapsed < 10 ? 'yes' : "no ($elapsed s)", "\n";
$locker->query('UNLOCK TABLES');

echo 'next view, reconnected, as the rows source: ', $t->trainerView($trainer, 1) === $rows->trainerView($trainer, 1) ? 'yes' : 'no', "\n";

// A server that accepts the TCP connection but never speaks: the connect timeout applies.
$silent = stream_socket_server('tcp://127.0.0.1:0');
$port = (int) substr(strrchr(stream_socket_get_name($silent, false), ':'), 1);
$start = microtime(true);
try {
    Source::mysql(['host' => '127.0.0.1', 'port' => $port, 'user' => 'u', 'password' => 'p', 'database' => 'd',
        'connect_timeout' => 1, 'read_timeout' => 1]);
    echo "connected?\n";
} catch (Magistere\ConnectionError $e) {
    echo str_replace((string) $port, 'PORT', $e->getMessage()), "\n";
}
$elapsed = microtime(true) - $start;
echo 'gave up within 10 s: ', $elapsed < 10 ? 'yes' : "no ($elapsed s)", "\n";
?>
--CLEAN--
<?php
require __DIR__ . '/mysql.inc';
mgt_drop_db(__DIR__ . '/mysql_error_timeout-001.phpt');
?>
--EXPECTF--
mysql: cannot query table mdl_user on SERVER, database 'mgt_mysql_error_timeout_001': Lost connection to server during query (error 2013; read_timeout is 1 s)
gave up within 10 s: yes
next view, reconnected, as the rows source: yes
mysql: cannot connect on host '127.0.0.1' port PORT, database 'd': %s (error %d)
gave up within 10 s: yes
