<?php
/**
 * Checks that config.m4 and config.w32 build the same C files, and that these are exactly the .c
 * files of the extension's folders (src/core, src/store, src/xml, src/php, one level deep: the
 * unit tests and fuzz targets below them are not part of the extension), plus magistere.c.
 *
 *   php scripts/lint/sources.php [ROOT]
 *
 * config.m4 lists each folder's files in a variable MG_SOURCES_<FOLDER>="a.c b.c"; config.w32 in
 * ADD_SOURCES(configure_module_dirname + "\\src\\<folder>", "a.c b.c", "magistere") and the
 * module's own file in EXTENSION("magistere", "magistere.c", ...). Prints what differs; exits 1
 * when anything does, 0 otherwise.
 */

declare(strict_types=1);

$root = $argv[1] ?? dirname(__DIR__, 2);
$folders = ['core', 'store', 'xml', 'php'];
$problems = [];

/** @return array<string, list<string>> folder ('' for the top) => sorted file names */
function normalise(array $lists): array
{
    foreach ($lists as &$files) {
        sort($files);
    }
    ksort($lists);
    return $lists;
}

// The files on disk.
$disk = ['' => ['magistere.c']];
foreach ($folders as $folder) {
    $disk[$folder] = array_map('basename', glob("$root/src/$folder/*.c") ?: []);
}

// config.m4
$m4 = (string) @file_get_contents("$root/config.m4");
$fromm4 = ['' => []];
if (preg_match('/^\s*MG_SOURCES="([^"]*)"/m', $m4, $m)) {
    $fromm4[''] = preg_split('/\s+/', trim($m[1]), -1, PREG_SPLIT_NO_EMPTY);
} else {
    $problems[] = 'config.m4: no MG_SOURCES="..." line for the top-level files';
}
if (preg_match_all('/^\s*MG_SOURCES_([A-Z]+)="([^"]*)"/m', $m4, $all, PREG_SET_ORDER)) {
    foreach ($all as [, $folder, $files]) {
        $fromm4[strtolower($folder)] = preg_split('/\s+/', trim($files), -1, PREG_SPLIT_NO_EMPTY);
    }
}
// Every list must also be used: a loop that prefixes src/<folder>/.
foreach (array_keys($fromm4) as $folder) {
    if ($folder !== '' && !preg_match('/\$MG_SOURCES_' . strtoupper($folder) . ';.*src\/' . $folder . '\/\$f/', $m4)) {
        $problems[] = "config.m4: MG_SOURCES_" . strtoupper($folder) . " is not added to MG_SOURCES as src/$folder/";
    }
}

// config.w32
$w32 = (string) @file_get_contents("$root/config.w32");
$fromw32 = ['' => []];
if (preg_match('/EXTENSION\(\s*"magistere"\s*,\s*"([^"]*)"/', $w32, $m)) {
    $fromw32[''] = preg_split('/\s+/', trim($m[1]), -1, PREG_SPLIT_NO_EMPTY);
} else {
    $problems[] = 'config.w32: no EXTENSION("magistere", "...") call';
}
if (preg_match_all('/ADD_SOURCES\(\s*configure_module_dirname\s*\+\s*"((?:\\\\\\\\[a-z]+)+)"\s*,\s*"([^"]*)"\s*,\s*"magistere"\s*\)/',
        $w32, $all, PREG_SET_ORDER)) {
    foreach ($all as [, $path, $files]) {
        $parts = array_values(array_filter(explode('\\', $path)));
        if (count($parts) !== 2 || $parts[0] !== 'src') {
            $problems[] = "config.w32: ADD_SOURCES of an unexpected folder $path";
            continue;
        }
        $fromw32[$parts[1]] = preg_split('/\s+/', trim($files), -1, PREG_SPLIT_NO_EMPTY);
    }
}

$disk = normalise($disk);
$fromm4 = normalise($fromm4);
$fromw32 = normalise($fromw32);

foreach (['config.m4' => $fromm4, 'config.w32' => $fromw32] as $file => $lists) {
    foreach (array_unique(array_merge(array_keys($disk), array_keys($lists))) as $folder) {
        $where = $folder === '' ? 'the top folder' : "src/$folder";
        $have = $lists[$folder] ?? [];
        $want = $disk[$folder] ?? [];
        foreach (array_diff($want, $have) as $f) {
            $problems[] = "$file: $where/$f exists but is not listed";
        }
        foreach (array_diff($have, $want) as $f) {
            $problems[] = "$file: lists $where/$f, which does not exist";
        }
        if (count($have) !== count(array_unique($have))) {
            $problems[] = "$file: lists a file of $where twice";
        }
    }
}

if ($problems) {
    echo implode("\n", $problems), "\n";
    exit(1);
}
$n = array_sum(array_map('count', $disk));
echo "config.m4 and config.w32 list the same $n C files, every one of src/{" . implode(',', $folders) . "} and magistere.c\n";
exit(0);
