--TEST--
mysql: an unknown database gives a ConnectionError naming it
--EXTENSIONS--
magistere
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/mysql.inc';

try {
    Magistere\Source::mysql(mgt_options('mgt_no_such_database'));
    echo "connected?\n";
} catch (Magistere\ConnectionError $e) {
    echo preg_replace("/on (host '[^']*'( port \d+)?|socket '[^']*')/", 'on SERVER', $e->getMessage()), "\n";
}
?>
--EXPECT--
mysql: cannot connect on SERVER, database 'mgt_no_such_database': Unknown database 'mgt_no_such_database' (error 1049)
