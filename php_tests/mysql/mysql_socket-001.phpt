--TEST--
mysql: host and socket as Moodle's driver uses them: the socket for localhost when it holds a path separator, TCP otherwise
--EXTENSIONS--
magistere
mysqlnd
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
if (!getenv('MAGISTERE_TEST_SOCKET') || !getenv('MAGISTERE_TEST_PORT')) {
    die('skip needs both MAGISTERE_TEST_SOCKET and MAGISTERE_TEST_PORT');
}
?>
--FILE--
<?php
require __DIR__ . '/mysql.inc';

use Magistere\Source;
use Magistere\Tracker;

$tables = mgt_dataset(35, ['courses' => 1, 'participants' => 3, 'empty' => false]);
$db = mgt_fresh_db(__FILE__);
mgt_load($db, 'mdl_', $tables);
$e = mgt_env();
$trainer = $tables['role_assignments'][0]['userid'];
$expected = (new Tracker(Source::rows(mgt_engine_tables($tables)), ['now' => MGT_NOW]))->trainerView($trainer, 1);

$ways = [
    'localhost + socket path' => ['host' => 'localhost', 'socket' => $e['socket'], 'port' => 0],
    '127.0.0.1 + port (socket ignored)' => ['host' => '127.0.0.1', 'socket' => '/nonexistent/mysqld.sock', 'port' => $e['port']],
    '127.0.0.1 + port, no socket' => ['host' => '127.0.0.1', 'socket' => null, 'port' => $e['port']],
];
foreach ($ways as $label => $o) {
    $t = new Tracker(Source::mysql(array_replace(mgt_options($db), $o)), ['now' => MGT_NOW]);
    echo "$label: ", $t->trainerView($trainer, 1) === $expected ? 'works' : 'differs', "\n";
}
// A socket name without a path separator is not a socket for Moodle: localhost then uses the
// library's default socket, which is not the test server's.
try {
    Source::mysql(array_replace(mgt_options($db), ['host' => 'localhost', 'socket' => 'mysqld.sock', 'port' => 0, 'connect_timeout' => 2]));
    echo "bare socket name: connected to a default server?\n";
} catch (Magistere\ConnectionError $ex) {
    echo "bare socket name: ignored (", str_contains($ex->getMessage(), "host 'localhost'") ? "host 'localhost' named" : $ex->getMessage(), ")\n";
}
?>
--CLEAN--
<?php
require __DIR__ . '/mysql.inc';
mgt_drop_db(__DIR__ . '/mysql_socket-001.phpt');
?>
--EXPECT--
localhost + socket path: works
127.0.0.1 + port (socket ignored): works
127.0.0.1 + port, no socket: works
bare socket name: ignored (host 'localhost' named)
