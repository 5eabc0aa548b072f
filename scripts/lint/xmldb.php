<?php
/**
 * Loads the Moodle plugin's db/install.xml with Moodle's own XMLDB classes, from a Moodle checkout:
 * validation against lib/xmldb/xmldb.xsd, loading into an xmldb_structure, then the definition
 * checks Moodle's DDL runs before it creates a table (name lengths and characters, field types and
 * lengths, defaults, keys and indexes).
 *
 *   php scripts/lint/xmldb.php MOODLE_DIR [PLUGIN_DIR]
 *
 * Only lib/xmldb (with its constants) and lib/xmlize.php are loaded: no database, no Moodle site. Exits 1 on any error.
 */

declare(strict_types=1);

[, $moodle] = $argv + [1 => ''];
$plugin = rtrim($argv[2] ?? dirname(__DIR__, 2) . '/moodle_plugin', '/');
$lib = is_dir("$moodle/public/lib/xmldb") ? "$moodle/public/lib" : "$moodle/lib";
if (!is_file("$lib/xmldb/xmldb_file.php")) {
    echo "$moodle is not a Moodle checkout (no lib/xmldb)\n";
    exit(2);
}

define('MOODLE_INTERNAL', true);
$debugging = [];
/** Moodle's debugging(), collected. */
function debugging($message = '', $level = 0, $backtrace = null): bool
{
    $GLOBALS['debugging'][] = $message;
    return true;
}
/** Moodle's is_number() (lib/moodlelib.php), which the field checks use: an int, or a string that is one. */
function is_number($value): bool
{
    return is_int($value) || (is_string($value) && (string) (int) $value === $value);
}
if (!class_exists('moodle_exception')) {
    /** Moodle's moodle_exception, which xmlize.php extends: a plain exception here. */
    class moodle_exception extends Exception
    {
        /**
         * @param string $errorcode
         * @param string $module
         * @param string $link
         * @param mixed $a
         * @param string|null $debuginfo
         */
        public function __construct($errorcode, $module = '', $link = '', $a = null, $debuginfo = null)
        {
            parent::__construct($errorcode . ($debuginfo ? ": $debuginfo" : ''));
        }
    }
}
require_once("$lib/xmlize.php");
foreach (['xmldb_constants', 'xmldb_object', 'xmldb_structure', 'xmldb_table', 'xmldb_field', 'xmldb_key', 'xmldb_index', 'xmldb_file'] as $class) {
    require_once("$lib/xmldb/$class.php");
}

// Moodle checks PATH against where the file is under $CFG->dirroot: the file is put where the plugin
// would be installed, in a scratch dirroot.
if (!preg_match("/^\\s*\\\$plugin->component\\s*=\\s*'([a-z]+)_([a-z0-9_]+)'/m", (string) @file_get_contents("$plugin/version.php"), $m)) {
    echo "$plugin/version.php: no \$plugin->component\n";
    exit(1);
}
$types = ['local' => 'local', 'mod' => 'mod', 'block' => 'blocks', 'tool' => 'admin/tool', 'report' => 'report'];
$scratch = sys_get_temp_dir() . '/magistere-xmldb-' . getmypid();
$target = "$scratch/" . ($types[$m[1]] ?? $m[1]) . "/$m[2]/db";
mkdir($target, 0700, true);
copy("$plugin/db/install.xml", "$target/install.xml");
register_shutdown_function(function () use ($scratch, $target): void {
    @unlink("$target/install.xml");
    for ($d = $target; strlen($d) > strlen($scratch) - 1; $d = dirname($d)) {
        @rmdir($d);
    }
});
global $CFG;
$CFG = (object) ['dirroot' => $scratch, 'admin' => 'admin'];

$file = new xmldb_file("$target/install.xml");
$file->setSchema("$lib/xmldb/xmldb.xsd");
$errors = [];
if (!$file->validateXMLStructure()) {
    $errors[] = 'does not validate against xmldb.xsd: ' . $file->getStructure()->errormsg;
} else if (!$file->loadXMLStructure() || !$file->isLoaded()) {
    $errors[] = "cannot be loaded: " . implode("; ", ($file->getStructure() ? $file->getStructure()->getAllErrors() : null) ?: ["(no reason given)"]);
} else {
    $structure = $file->getStructure();
    foreach ($structure->getAllErrors() ?: [] as $e) {
        $errors[] = $e;
    }
    foreach ($structure->getTables() as $table) {
        if ($e = $table->validateDefinition()) {
            $errors[] = $e;
        }
        foreach ($table->getFields() as $field) {
            if ($e = $field->validateDefinition($table)) {
                $errors[] = $e;
            }
        }
        foreach (array_merge($table->getKeys(), $table->getIndexes()) as $k) {
            if ($e = $k->validateDefinition($table)) {
                $errors[] = $e;
            }
        }
    }
}
foreach ($debugging as $d) {
    $errors[] = "Moodle's XMLDB says: $d";
}
if ($errors) {
    echo "db/install.xml ", implode("\ndb/install.xml ", $errors), "\n";
    exit(1);
}
$tables = array_map(fn($t) => $t->getName(), $file->getStructure()->getTables());
echo 'db/install.xml: valid for the XMLDB of ', basename($moodle), ' (', count($tables), ' tables: ', implode(', ', $tables), ")\n";
exit(0);
