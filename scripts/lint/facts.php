<?php
/**
 * Facts that must not drift, and docs that must stand alone:
 *
 *   php scripts/lint/facts.php
 *
 * - the version: MG_VERSION in src/core/core.h is its one source; moodle_plugin/version.php's release
 *   must equal it (php_magistere.h derives from it; composer.json has none; scripts/package.sh reads
 *   it);
 * - the repository stands alone: no tracked file points to a design document or research notes that
 *   are not in it ("DESIGN", "research/", section signs), names a development machine's own folders
 *   (its work tree, the job folder of its shell tool, the team's shared notes beside the repository) or
 *   a package registry's host.
 *
 * Exits 1 with the findings, 0 otherwise.
 */

declare(strict_types=1);

$root = dirname(__DIR__, 2);
chdir($root);
$problems = [];

// The version.
if (!preg_match('/^#define MG_VERSION "([^"]+)"$/m', (string) file_get_contents('src/core/core.h'), $m)) {
    $problems[] = 'src/core/core.h: no #define MG_VERSION "X.Y.Z"';
    $version = null;
} else {
    $version = $m[1];
}
if ($version !== null) {
    if (!preg_match("/^\\s*\\\$plugin->release\\s*=\\s*'([^']*)'\\s*;/m", (string) file_get_contents('moodle_plugin/version.php'), $r)) {
        $problems[] = 'moodle_plugin/version.php: no literal $plugin->release';
    } else if ($r[1] !== $version) {
        $problems[] = "moodle_plugin/version.php: release '$r[1]', but MG_VERSION (src/core/core.h) is '$version'";
    }
    if (!preg_match('/^#define PHP_MAGISTERE_VERSION MG_VERSION$/m', (string) file_get_contents('php_magistere.h'))) {
        $problems[] = 'php_magistere.h: PHP_MAGISTERE_VERSION must be MG_VERSION, not a copy';
    }
}

// Standing alone.
$patterns = [
    '/\bDESIGN\b/' => 'points to a design document that is not in the repository',
    '#\bresearch/#' => 'points to research notes that are not in the repository',
    '/§/' => 'refers to a section of a document that is not in the repository',
    // Built from pieces, so that this file does not name those folders itself.
    '#' . implode('|', ['/' . 'work/', '/tmp/' . 'bash_jobs', '\.\./' . 'shared\b']) . '#'
        => 'names a path of a development machine',
    '/\b(repo\.)?packagist\.org|registry\.npmjs\.org|registry\.yarnpkg\.com|(deb|security)\.debian\.org|pypi\.org|files\.pythonhosted\.org/'
        => 'names a package registry host',
];
exec('git ls-files -z', $lines, $rc);
$files = $rc === 0 ? array_filter(explode("\0", implode("\n", $lines))) : [];
if (!$files) {
    $problems[] = 'git ls-files listed nothing: run from a git checkout';
}
$checked = 0;
foreach ($files as $file) {
    if ($file === 'LICENSE' || $file === 'scripts/lint/facts.php' || !is_file($file)) {
        continue;
    }
    $text = (string) file_get_contents($file);
    if (str_contains(substr($text, 0, 8000), "\0")) {
        continue; // binary
    }
    $checked++;
    foreach ($patterns as $re => $what) {
        if (preg_match_all($re, $text, $mm, PREG_OFFSET_CAPTURE)) {
            foreach ($mm[0] as [$match, $offset]) {
                $problems[] = "$file:" . (substr_count($text, "\n", 0, $offset) + 1) . ": \"$match\" $what";
            }
        }
    }
}

if ($problems) {
    echo implode("\n", $problems), "\n";
    exit(1);
}
echo "version $version everywhere it is written; $checked tracked files point to nothing outside the repository\n";
exit(0);
