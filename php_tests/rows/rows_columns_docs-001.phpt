--TEST--
Source::columns() is the one list of the columns the engine reads; docs/mysql.md (the column grants) and docs/api.md (the rows table) say exactly the same
--EXTENSIONS--
magistere
--FILE--
<?php
$columns = Magistere\Source::columns();
$root = __DIR__ . '/../..';

// docs/mysql.md: one "GRANT SELECT (columns) ON moodle.mdl_<table> TO ..." line per table.
$grants = [];
preg_match_all('/^GRANT SELECT \(([^)]*)\) ON moodle\.mdl_([a-z_]+) TO /m', file_get_contents("$root/docs/mysql.md"), $m, PREG_SET_ORDER);
foreach ($m as [, $cols, $table]) {
    $grants[$table] = array_map('trim', explode(',', $cols));
}

// docs/api.md: the table of the section on Source::rows(), "| `table` | *required*, optional=default, ... |".
$api = [];
$text = file_get_contents("$root/docs/api.md");
$start = strpos($text, "\n## `Source::rows(array \$tables)`");
$section = substr($text, $start, strpos($text, "\n## ", $start + 1) - $start);
preg_match_all('/^\| `([a-z_]+)` \| ([^|]+) \|$/m', $section, $m, PREG_SET_ORDER);
foreach ($m as [, $table, $cols]) {
    $api[$table] = array_map(fn($c) => preg_replace('/^\*([a-z_]+)\*$|^([a-z_]+)=.*$/', '$1$2', trim($c)), explode(',', $cols));
}

foreach (['docs/mysql.md grants' => $grants, 'docs/api.md rows table' => $api] as $where => $doc) {
    $drift = [];
    foreach ($columns as $table => $cols) {
        if (!isset($doc[$table])) {
            $drift[] = "$table missing";
        } elseif ($doc[$table] !== $cols) {
            $drift[] = "$table: " . implode(', ', $doc[$table]) . ' instead of ' . implode(', ', $cols);
        }
    }
    foreach (array_diff_key($doc, $columns) as $table => $cols) {
        $drift[] = "$table is not read by the engine";
    }
    echo $where, ': ', $drift ? implode('; ', $drift) : 'as Source::columns()', "\n";
}
echo count($columns), " tables, ", array_sum(array_map('count', $columns)), " columns\n";
echo "columns() takes no argument: ";
try {
    Magistere\Source::columns(1);
} catch (ArgumentCountError $e) {
    echo get_class($e), "\n";
}
?>
--EXPECT--
docs/mysql.md grants: as Source::columns()
docs/api.md rows table: as Source::columns()
20 tables, 91 columns
columns() takes no argument: ArgumentCountError
