<?php
/**
 * Creates the Moodle tables the magistere engine reads (scripts/sql/moodle.sql) and the plugin's
 * tables (scripts/sql/plugin.sql) under a given prefix, and loads rows given in the
 * Magistere\Source::rows() format into them. Used by the mysql phpt tests
 * (php_tests/mysql/mysql.inc), the benchmarks and by hand:
 *
 *   php scripts/sql/schema.php --prefix=mdl_ [--rows=FILE.php|FILE.json]
 *
 * connects with the MAGISTERE_TEST_* environment variables (HOST PORT SOCKET USER PASSWORD DB,
 * see scripts/lib/mariadb.sh), (re)creates the tables in MAGISTERE_TEST_DB and loads FILE (a PHP
 * file returning the tables array, or ['tables' => ...], or its JSON). Needs the mysqli extension.
 *
 * Every value goes through a prepared statement; the prefix is the only text put into SQL, after
 * it has been checked against [a-z][a-z0-9_]{0,9} (docs/mysql.md, "The table prefix").
 */

declare(strict_types=1);

/** Whether $prefix is an acceptable Moodle table prefix. */
function mg_sql_prefix_valid(string $prefix): bool
{
    return preg_match('/^[a-z][a-z0-9_]{0,9}$/D', $prefix) === 1;
}

/** @return list<string> the CREATE TABLE statements of moodle.sql and plugin.sql for $prefix. */
function mg_sql_schema_statements(string $prefix): array
{
    if (!mg_sql_prefix_valid($prefix)) {
        throw new ValueError("invalid table prefix (must match [a-z][a-z0-9_]{0,9})");
    }
    $out = [];
    foreach (['moodle.sql', 'plugin.sql'] as $file) {
        $text = file_get_contents(__DIR__ . '/' . $file);
        if ($text === false) {
            throw new RuntimeException("cannot read scripts/sql/$file");
        }
        $text = preg_replace('/^--.*$/m', '', $text);
        foreach (preg_split('/^;\s*$/m', $text) as $stmt) {
            $stmt = trim($stmt);
            if ($stmt !== '') {
                $out[] = str_replace('{prefix}', $prefix, $stmt);
            }
        }
    }
    return $out;
}

/** The table names (without prefix) that the schema creates. */
function mg_sql_table_names(): array
{
    $names = [];
    foreach (mg_sql_schema_statements('x') as $stmt) {
        if (preg_match('/^CREATE TABLE `x([a-z_]+)`/', $stmt, $m)) {
            $names[] = $m[1];
        }
    }
    return $names;
}

/** Drops (when present) and creates every table of the schema under $prefix. */
function mg_sql_create_schema(mysqli $db, string $prefix): void
{
    foreach (mg_sql_table_names() as $name) {
        $db->query("DROP TABLE IF EXISTS `{$prefix}{$name}`");
    }
    foreach (mg_sql_schema_statements($prefix) as $stmt) {
        $db->query($stmt);
    }
}

/**
 * Values for the NOT NULL columns without a default in Moodle's schema that the engine does not
 * read (a rows() dataset need not give them).
 */
function mg_sql_fillers(string $table, array $row): array
{
    switch ($table) {
        case 'course':
            // Moodle's column defaults to 0; Source::rows() reads an absent one as 1 (completion on).
            return ['enablecompletion' => 1];
        case 'role':
            return ['description' => '', 'name' => $row['shortname'] ?? ''];
        case 'user_info_field':
            return ['name' => $row['shortname'] ?? '', 'datatype' => 'text'];
        case 'customfield_field':
            return ['timecreated' => 0, 'timemodified' => 0, 'type' => 'text', 'name' => $row['shortname'] ?? ''];
        case 'customfield_data':
            return ['value' => '', 'valueformat' => 0, 'timecreated' => 0, 'timemodified' => 0];
        case 'course_modules_completion':
            return ['timemodified' => 0];
        case 'course_modules_viewed':
        case 'logstore_standard_log':
            return ['timecreated' => 0];
        case 'user':
            return ['username' => 'u' . ($row['id'] ?? ''), 'mnethostid' => 1, 'confirmed' => 1];
        default:
            return [];
    }
}

/**
 * Inserts $tables (the Source::rows() format: table name without prefix => rows, each row an
 * array or object) with multi-row prepared INSERTs, in one transaction.
 */
function mg_sql_load_rows(mysqli $db, string $prefix, array $tables, int $batch = 400): void
{
    if (!mg_sql_prefix_valid($prefix)) {
        throw new ValueError("invalid table prefix");
    }
    $known = array_flip(mg_sql_table_names());
    $db->begin_transaction();
    try {
        foreach ($tables as $table => $rows) {
            if (!isset($known[$table])) {
                throw new ValueError("unknown table '$table'");
            }
            $chunk = [];
            $columns = null;
            foreach ($rows as $row) {
                $row = (array) $row;
                $row += mg_sql_fillers($table, $row);
                ksort($row);
                $cols = array_keys($row);
                if ($columns !== null && ($cols !== $columns || count($chunk) >= $batch)) {
                    mg_sql_insert($db, $prefix . $table, $columns, $chunk);
                    $chunk = [];
                }
                $columns = $cols;
                $chunk[] = array_values($row);
            }
            if ($chunk) {
                mg_sql_insert($db, $prefix . $table, $columns, $chunk);
            }
        }
        $db->commit();
    } catch (Throwable $e) {
        $db->rollback();
        throw $e;
    }
}

/** One multi-row INSERT; column names must be identifiers. */
function mg_sql_insert(mysqli $db, string $table, array $columns, array $rows): void
{
    foreach ($columns as $c) {
        if (!is_string($c) || preg_match('/^[a-z][a-z0-9_]*$/D', $c) !== 1) {
            throw new ValueError("invalid column name in $table");
        }
    }
    $tuple = '(' . implode(', ', array_fill(0, count($columns), '?')) . ')';
    $sql = "INSERT INTO `$table` (`" . implode('`, `', $columns) . '`) VALUES '
        . implode(', ', array_fill(0, count($rows), $tuple));
    $values = [];
    foreach ($rows as $r) {
        foreach ($r as $v) {
            $values[] = is_bool($v) ? (int) $v : $v;
        }
    }
    $stmt = $db->prepare($sql);
    $stmt->execute($values);
    $stmt->close();
}

/** A mysqli link to the test server (MAGISTERE_TEST_*), on $database if given. */
function mg_sql_connect(?string $database = null): mysqli
{
    mysqli_report(MYSQLI_REPORT_ERROR | MYSQLI_REPORT_STRICT);
    $host = getenv('MAGISTERE_TEST_HOST') ?: 'localhost';
    $port = (int) (getenv('MAGISTERE_TEST_PORT') ?: 3306);
    $socket = getenv('MAGISTERE_TEST_SOCKET') ?: null;
    $db = new mysqli($host, getenv('MAGISTERE_TEST_USER') ?: 'root', getenv('MAGISTERE_TEST_PASSWORD') ?: '',
        $database ?? '', $port, $socket);
    $db->set_charset('utf8mb4');
    return $db;
}

if (PHP_SAPI === 'cli' && isset($argv[0]) && realpath($argv[0]) === __FILE__) {
    $opts = getopt('', ['prefix:', 'rows:']);
    $prefix = $opts['prefix'] ?? 'mdl_';
    $db = mg_sql_connect(getenv('MAGISTERE_TEST_DB') ?: 'magistere_test');
    mg_sql_create_schema($db, $prefix);
    if (isset($opts['rows'])) {
        $file = $opts['rows'];
        $data = str_ends_with($file, '.json') ? json_decode((string) file_get_contents($file), true, 512, JSON_THROW_ON_ERROR)
            : require $file;
        mg_sql_load_rows($db, $prefix, $data['tables'] ?? $data);
    }
    fwrite(STDERR, "schema created with prefix $prefix\n");
}
