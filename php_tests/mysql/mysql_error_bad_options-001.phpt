--TEST--
mysql: unknown options are ValueErrors, options of the wrong type TypeErrors, out-of-range values ValueErrors
--EXTENSIONS--
magistere
--FILE--
<?php
use Magistere\Source;

$base = ['host' => '127.0.0.1', 'port' => 9, 'user' => 'u', 'database' => 'd', 'connect_timeout' => 1];
$cases = [
    'unknown option' => ['dbhost' => 'x'],
    'list instead of options' => [0 => 'localhost'],
    'port as string' => ['port' => '3306'],
    'port out of range' => ['port' => 70000],
    'negative timeout' => ['read_timeout' => -1],
    'timeout as float' => ['write_timeout' => 1.5],
    'password as int' => ['password' => 1234],
    'persistent as int' => ['persistent' => 1],
    'ssl_verify as string' => ['ssl_verify' => 'yes'],
    'host as array' => ['host' => ['a']],
    'charset with a quote' => ['charset' => "utf8'"],
    'no database' => ['database' => null],
    'empty user' => ['user' => ''],
    'resident as string' => ['resident' => 'yes'],
    'replicas as string' => ['replicas' => 'replica1'],
    'a replica as string' => ['replicas' => ['replica1']],
    'a replica with an unknown key' => ['replicas' => [['dbhost' => 'replica1']]],
    'a replica port out of range' => ['replicas' => [['host' => 'replica1', 'port' => -1]]],
];
foreach ($cases as $label => $change) {
    $o = array_replace($base, $change);
    if ($label === 'list instead of options') {
        $o = $change;
    }
    if ($label === 'no database') {
        unset($o['database']);
    }
    try {
        Source::mysql($o);
        echo "$label: accepted?\n";
    } catch (TypeError|ValueError $e) {
        echo "$label: ", get_class($e), ': ', $e->getMessage(), "\n";
    }
}
try {
    Source::mysql('localhost');
} catch (TypeError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECT--
unknown option: ValueError: Magistere\Source::mysql(): Argument #1 ($options) has an unknown option "dbhost" (known: host, port, socket, user, password, database, prefix, charset, connect_timeout, read_timeout, write_timeout, ssl_ca, ssl_cert, ssl_key, ssl_verify, persistent, resident, replicas)
list instead of options: ValueError: Magistere\Source::mysql(): Argument #1 ($options) must only have string keys (option names), 0 given
port as string: TypeError: Magistere\Source::mysql(): Argument #1 ($options) option "port" must be of type ?int, string given
port out of range: ValueError: Magistere\Source::mysql(): Argument #1 ($options) option "port" must be between 0 and 65535
negative timeout: ValueError: Magistere\Source::mysql(): Argument #1 ($options) option "read_timeout" must be between 0 and 86400
timeout as float: TypeError: Magistere\Source::mysql(): Argument #1 ($options) option "write_timeout" must be of type ?int, float given
password as int: TypeError: Magistere\Source::mysql(): Argument #1 ($options) option "password" must be of type ?string, int given
persistent as int: TypeError: Magistere\Source::mysql(): Argument #1 ($options) option "persistent" must be of type ?bool, int given
ssl_verify as string: TypeError: Magistere\Source::mysql(): Argument #1 ($options) option "ssl_verify" must be of type ?bool, string given
host as array: TypeError: Magistere\Source::mysql(): Argument #1 ($options) option "host" must be of type ?string, array given
charset with a quote: ValueError: Magistere\Source::mysql(): Argument #1 ($options) option "charset": the charset must match [a-z0-9_]{1,32} (e.g. utf8mb4)
no database: ValueError: Magistere\Source::mysql(): Argument #1 ($options) must name the database (option "database")
empty user: ValueError: Magistere\Source::mysql(): Argument #1 ($options) must name the database user (option "user")
resident as string: TypeError: Magistere\Source::mysql(): Argument #1 ($options) option "resident" must be of type ?bool, string given
replicas as string: TypeError: Magistere\Source::mysql(): Argument #1 ($options) option "replicas" must be of type ?array, string given
a replica as string: TypeError: Magistere\Source::mysql(): Argument #1 ($options) option "replicas" must hold arrays, string given
a replica with an unknown key: ValueError: Magistere\Source::mysql(): Argument #1 ($options) option "replicas" has an unknown key "dbhost" (known: host, port, socket, user, password)
a replica port out of range: ValueError: Magistere\Source::mysql(): Argument #1 ($options) option "replicas": port must be an int between 0 and 65535
TypeError: Magistere\Source::mysql(): Argument #1 ($options) must be of type array, string given
