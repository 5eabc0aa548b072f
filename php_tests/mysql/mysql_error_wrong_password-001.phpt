--TEST--
mysql: a wrong password gives a ConnectionError that names host and database; the password is in no message and no trace
--EXTENSIONS--
magistere
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/mysql.inc';

$password = 'Wrong-password-Zq71';
$o = mgt_options(getenv('MAGISTERE_TEST_DB') ?: 'magistere_test', 'mdl_', ['password' => $password]);
try {
    Magistere\Source::mysql($o);
    echo "connected?\n";
} catch (Magistere\ConnectionError $e) {
    $m = $e->getMessage();
    echo str_contains($m, 'Access denied for user') ? "access denied\n" : "$m\n";
    echo str_contains($m, "database '" . $o['database'] . "'") ? "names the database\n" : "$m\n";
    echo str_contains($m, "'" . $o['host'] . "'") || str_contains($m, 'socket') ? "names the host\n" : "$m\n";
    $all = $m . "\n" . $e->getTraceAsString() . "\n" . $e . "\n" . print_r($e->getTrace(), true) . var_export($e->getTrace(), true);
    echo 'password anywhere: ', str_contains($all, $password) ? 'yes' : 'no', "\n";
    echo 'trace hides the options: ', str_contains($e->getTraceAsString(), 'Object(SensitiveParameterValue)') ? 'yes' : 'no', "\n";
}
?>
--EXPECT--
access denied
names the database
names the host
password anywhere: no
trace hides the options: yes
