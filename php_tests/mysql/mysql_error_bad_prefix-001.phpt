--TEST--
mysql: a table prefix outside [a-z][a-z0-9_]{0,9} is refused with a ValueError before any connection; a valid prefix without tables is a DataError
--EXTENSIONS--
magistere
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/mysql.inc';

use Magistere\Source;
use Magistere\Tracker;

foreach (['', 'Mdl_', '1mdl', 'mdl-', 'mdl_`; DROP TABLE x; --', 'mdl_ ', 'abcdefghijk', "md\0l", 'é_', '_mdl'] as $prefix) {
    try {
        // The host is unreachable on purpose: the prefix is refused before any connection.
        Source::mysql(['host' => '127.0.0.1', 'port' => 9, 'user' => 'u', 'database' => 'd', 'prefix' => $prefix,
            'connect_timeout' => 1]);
        echo json_encode($prefix), ": accepted?\n";
    } catch (ValueError $e) {
        echo json_encode($prefix), ': ', $e->getMessage(), "\n";
    }
}

// Well-formed, but no table has it.
$t = new Tracker(Source::mysql(mgt_options(getenv('MAGISTERE_TEST_DB') ?: 'magistere_test', 'nosuchpfx_')), ['now' => MGT_NOW]);
try {
    $t->statistics();
    echo "no error?\n";
} catch (Magistere\DataError $e) {
    echo preg_replace(["/on (host '[^']*'( port \d+)?|socket '[^']*'), database '[^']*'/", "/Table '[^']*\./"],
        ['on SERVER, database DB', "Table 'DB."], $e->getMessage()), "\n";
}
?>
--EXPECT--
"": Magistere\Source::mysql(): Argument #1 ($options) option "prefix": the table prefix must match [a-z][a-z0-9_]{0,9} (lower-case letter, then up to 9 lower-case letters, digits or underscores)
"Mdl_": Magistere\Source::mysql(): Argument #1 ($options) option "prefix": the table prefix must match [a-z][a-z0-9_]{0,9} (lower-case letter, then up to 9 lower-case letters, digits or underscores)
"1mdl": Magistere\Source::mysql(): Argument #1 ($options) option "prefix": the table prefix must match [a-z][a-z0-9_]{0,9} (lower-case letter, then up to 9 lower-case letters, digits or underscores)
"mdl-": Magistere\Source::mysql(): Argument #1 ($options) option "prefix": the table prefix must match [a-z][a-z0-9_]{0,9} (lower-case letter, then up to 9 lower-case letters, digits or underscores)
"mdl_`; DROP TABLE x; --": Magistere\Source::mysql(): Argument #1 ($options) option "prefix": the table prefix must match [a-z][a-z0-9_]{0,9} (lower-case letter, then up to 9 lower-case letters, digits or underscores)
"mdl_ ": Magistere\Source::mysql(): Argument #1 ($options) option "prefix": the table prefix must match [a-z][a-z0-9_]{0,9} (lower-case letter, then up to 9 lower-case letters, digits or underscores)
"abcdefghijk": Magistere\Source::mysql(): Argument #1 ($options) option "prefix": the table prefix must match [a-z][a-z0-9_]{0,9} (lower-case letter, then up to 9 lower-case letters, digits or underscores)
"md\u0000l": Magistere\Source::mysql(): Argument #1 ($options) option "prefix" must not contain any null bytes
"\u00e9_": Magistere\Source::mysql(): Argument #1 ($options) option "prefix": the table prefix must match [a-z][a-z0-9_]{0,9} (lower-case letter, then up to 9 lower-case letters, digits or underscores)
"_mdl": Magistere\Source::mysql(): Argument #1 ($options) option "prefix": the table prefix must match [a-z][a-z0-9_]{0,9} (lower-case letter, then up to 9 lower-case letters, digits or underscores)
mysql: cannot read table nosuchpfx_course on SERVER, database DB: Table 'DB.nosuchpfx_course' doesn't exist (error 1146)
