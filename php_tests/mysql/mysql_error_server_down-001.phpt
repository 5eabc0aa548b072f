--TEST--
mysql: a server that is down or unreachable gives a ConnectionError naming host and database, never the password
--EXTENSIONS--
magistere
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
use Magistere\Source;

// A port of 127.0.0.1 where nothing listens: bound, then released.
$s = stream_socket_server('tcp://127.0.0.1:0');
$port = (int) substr(strrchr(stream_socket_get_name($s, false), ':'), 1);
fclose($s);

$password = 'Pw-that-must-not-leak-81';
try {
    Source::mysql(['host' => '127.0.0.1', 'port' => $port, 'user' => 'moodle', 'password' => $password,
        'database' => 'moodle_db', 'connect_timeout' => 2]);
    echo "connected?\n";
} catch (Magistere\ConnectionError $e) {
    echo str_replace((string) $port, 'PORT', $e->getMessage()), "\n";
    echo 'password in message, trace or string form: ',
        (str_contains($e->getMessage() . $e->getTraceAsString() . $e, $password) ? 'yes' : 'no'), "\n";
}

// A unix socket that does not exist (host localhost: the socket is used, as with Moodle's driver).
try {
    Source::mysql(['host' => 'localhost', 'socket' => '/nonexistent/mysqld.sock', 'user' => 'moodle',
        'password' => $password, 'database' => 'moodle_db', 'connect_timeout' => 2]);
} catch (Magistere\ConnectionError $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECTF--
mysql: cannot connect on host '127.0.0.1' port PORT, database 'moodle_db': Can't connect to server on '127.0.0.1' (%d) (error 2002)
password in message, trace or string form: no
mysql: cannot connect on socket '/nonexistent/mysqld.sock', database 'moodle_db': Can't connect to local server through socket '/nonexistent/mysqld.sock' (2) (error 2002)
