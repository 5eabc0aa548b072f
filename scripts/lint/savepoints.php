<?php
/**
 * The upgrade savepoint checks of Moodle's plugin CI (moodle-plugin-ci savepoints), reimplemented on
 * PHP's tokenizer, for db/upgrade.php of the Moodle plugin:
 *
 *   php scripts/lint/savepoints.php [PLUGIN_DIR]        (default moodle_plugin)
 *
 * - exactly one function, xmldb_<component>_upgrade($oldversion), and one "return true;";
 * - its body is a sequence of "if ($oldversion < V) { ... }" blocks, each with exactly one
 *   upgrade_plugin_savepoint(true, V, '<type>', '<name>') of the same V and the plugin's own type and
 *   name, and no savepoint outside them;
 * - the V are strictly increasing, and none is above version.php's $plugin->version.
 *
 * Prints what it found; exits 1 on any problem.
 */

declare(strict_types=1);

$dir = rtrim($argv[1] ?? dirname(__DIR__, 2) . '/moodle_plugin', '/');
$file = "$dir/db/upgrade.php";
if (!is_file($file)) {
    echo "no db/upgrade.php: nothing to check\n";
    exit(0);
}
if (!preg_match("/^\\s*\\\$plugin->component\\s*=\\s*'([a-z]+)_([a-z0-9_]+)'\\s*;/m", (string) @file_get_contents("$dir/version.php"), $m)
        || !preg_match('/^\s*\$plugin->version\s*=\s*(\d+(?:\.\d+)?)\s*;/m', file_get_contents("$dir/version.php"), $v)) {
    echo "version.php: no literal \$plugin->component or \$plugin->version\n";
    exit(1);
}
[, $type, $name] = $m;
$pluginversion = $v[1];
$problems = [];

// Meaningful tokens only, as [kind, text, line]: comments and white space dropped.
$tokens = [];
foreach (token_get_all(file_get_contents($file)) as $t) {
    if (is_array($t)) {
        if (in_array($t[0], [T_WHITESPACE, T_COMMENT, T_DOC_COMMENT, T_OPEN_TAG, T_CLOSE_TAG], true)) {
            continue;
        }
        $tokens[] = [$t[0], $t[1], $t[2]];
    } else {
        $tokens[] = [$t, $t, $tokens ? end($tokens)[2] : 0];
    }
}
$n = count($tokens);
$text = fn(int $i): string => $tokens[$i][1] ?? '';
$is = fn(int $i, $kind): bool => isset($tokens[$i]) && $tokens[$i][0] === $kind;

/** Index of the token closing the bracket opened at $open. */
$close = function (int $open) use ($tokens, $n): int {
    $pairs = ['{' => '}', '(' => ')', '[' => ']'];
    $want = $pairs[$tokens[$open][1]];
    $opener = $tokens[$open][1];
    $depth = 0;
    for ($i = $open; $i < $n; $i++) {
        // T_CURLY_OPEN / T_DOLLAR_OPEN_CURLY_BRACES open a brace closed by a plain "}".
        if ($tokens[$i][1] === $opener || ($opener === '{' && in_array($tokens[$i][0], [T_CURLY_OPEN, T_DOLLAR_OPEN_CURLY_BRACES], true))) {
            $depth++;
        } else if ($tokens[$i][1] === $want) {
            $depth--;
            if ($depth === 0) {
                return $i;
            }
        }
    }
    return $n - 1;
};

// The functions.
$functions = [];
for ($i = 0; $i < $n; $i++) {
    if ($is($i, T_FUNCTION) && $is($i + 1, T_STRING)) {
        $functions[$text($i + 1)] = $i;
    }
}
$fname = "xmldb_{$type}_{$name}_upgrade";
if (array_keys($functions) !== [$fname]) {
    $problems[] = "db/upgrade.php must hold exactly one function, $fname(); found: " . (implode(', ', array_keys($functions)) ?: 'none');
}
$returns = 0;
for ($i = 0; $i + 2 < $n; $i++) {
    if ($is($i, T_RETURN) && strtolower($text($i + 1)) === 'true' && $text($i + 2) === ';') {
        $returns++;
    }
}
if ($returns !== 1) {
    $problems[] = "db/upgrade.php must have exactly one 'return true;', found $returns";
}

$blocks = [];
if (isset($functions[$fname])) {
    // The body of the function.
    for ($i = $functions[$fname]; $i < $n && $text($i) !== '{'; $i++) {
    }
    $bodyend = $close($i);
    $savepoints = 0;
    for ($i = $i + 1; $i < $bodyend; $i++) {
        // if ($oldversion < V) {
        if ($is($i, T_IF) && $text($i + 1) === '(' && $text($i + 2) === '$oldversion' && $text($i + 3) === '<'
                && ($is($i + 4, T_LNUMBER) || $is($i + 4, T_DNUMBER)) && $text($i + 5) === ')' && $text($i + 6) === '{') {
            $blockversion = $text($i + 4);
            $end = $close($i + 6);
            $found = [];
            for ($j = $i + 7; $j < $end; $j++) {
                if ($is($j, T_STRING) && preg_match('/^upgrade_\w+_savepoint$/', $text($j)) && $text($j + 1) === '(') {
                    $args = [];
                    $argend = $close($j + 1);
                    $arg = '';
                    $depth = 0;
                    for ($k = $j + 2; $k < $argend; $k++) {
                        if (in_array($text($k), ['(', '[', '{'], true)) {
                            $depth++;
                        } else if (in_array($text($k), [')', ']', '}'], true)) {
                            $depth--;
                        }
                        if ($text($k) === ',' && $depth === 0) {
                            $args[] = $arg;
                            $arg = '';
                        } else {
                            $arg .= $text($k);
                        }
                    }
                    $args[] = $arg;
                    $found[] = [$text($j), $args, $tokens[$j][2]];
                    $savepoints++;
                }
            }
            $blocks[] = [$blockversion, $found, $tokens[$i][2]];
            $i = $end;
        } else if ($is($i, T_STRING) && preg_match('/^upgrade_\w+_savepoint$/', $text($i))) {
            $problems[] = "line {$tokens[$i][2]}: a savepoint outside an if (\$oldversion < ...) block";
        }
    }
    $previous = null;
    foreach ($blocks as [$blockversion, $found, $line]) {
        if (count($found) !== 1) {
            $problems[] = "line $line: the block of version $blockversion has " . count($found) . ' savepoints, not one';
        }
        foreach ($found as [$fn, $args, $spline]) {
            $want = ['upgrade_plugin_savepoint', ['true', $blockversion, "'$type'", "'$name'"]];
            if ($fn !== $want[0] || $args !== $want[1]) {
                $problems[] = "line $spline: $fn(" . implode(', ', $args) . ") in the block of version $blockversion, expected "
                    . "upgrade_plugin_savepoint(true, $blockversion, '$type', '$name')";
            }
        }
        if ($previous !== null && (float) $blockversion <= (float) $previous) {
            $problems[] = "line $line: version $blockversion does not come after $previous";
        }
        if ((float) $blockversion > (float) $pluginversion) {
            $problems[] = "line $line: version $blockversion is above version.php's $pluginversion";
        }
        $previous = $blockversion;
    }
}

if ($problems) {
    echo implode("\n", $problems), "\n";
    exit(1);
}
echo count($blocks) . " upgrade step(s), each with its savepoint, in order, none above version.php's $pluginversion\n";
exit(0);
