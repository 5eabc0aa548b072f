<?php
/**
 * The structure checks that Moodle's plugin CI (moodle-plugin-ci validate) makes, and a few more of
 * the project's own, on the Moodle plugin, without Moodle:
 *
 *   php scripts/lint/plugin_structure.php [PLUGIN_DIR]        (default moodle_plugin)
 *
 * - version.php: component, version (YYYYMMDDXX), requires, supported, maturity and release present
 *   and well formed, as literals (Moodle's installer reads them with regular expressions);
 * - lang/en and lang/fr: the component's file, 'pluginname', the same keys in both, in alphabetical
 *   order; a string for every capability;
 * - db/upgrade.php declares xmldb_<component>_upgrade();
 * - db/install.xml: PATH is the plugin's db folder, VERSION a date not after version.php's, every
 *   table named <component>*, keys and indexes name fields of their table;
 * - db/access.php: capabilities named <type>/<name>:..., captype read or write, a context level,
 *   risk bits on every write capability;
 * - every Behat feature is tagged @<type> and @<component>.
 *
 * Prints one line per finding; exits 1 when there is any, 0 otherwise.
 */

declare(strict_types=1);

$dir = rtrim($argv[1] ?? dirname(__DIR__, 2) . '/moodle_plugin', '/');
$problems = [];
$fail = function (string $msg) use (&$problems): void {
    $problems[] = $msg;
};

// ------------------------------------------------------------------ version.php
$versionfile = "$dir/version.php";
if (!is_file($versionfile)) {
    fwrite(STDOUT, "version.php is missing\n");
    exit(1);
}
$source = file_get_contents($versionfile);
$literal = function (string $field, string $re) use ($source): ?string {
    return preg_match('/^\s*\$plugin->' . $field . '\s*=\s*' . $re . '\s*;/m', $source, $m) ? $m[1] : null;
};
$component = $literal('component', "'([a-z]+_[a-z0-9_]+)'");
$version = $literal('version', '(\d{10})');
$requires = $literal('requires', '(\d{10}(?:\.\d+)?)');
$maturity = $literal('maturity', '(MATURITY_(?:ALPHA|BETA|RC|STABLE))');
$release = $literal('release', "'([^']+)'");
$supported = $literal('supported', '\[\s*(\d{3}\s*,\s*\d{3})\s*\]');
foreach (['component' => $component, 'version' => $version, 'requires' => $requires, 'maturity' => $maturity,
          'release' => $release, 'supported' => $supported] as $field => $value) {
    if ($value === null) {
        $fail("version.php: \$plugin->$field is missing or not a literal of the expected form");
    }
}
if ($component === null) {
    echo implode("\n", $problems), "\n";
    exit(1);
}
[$type, $name] = explode('_', $component, 2);
if (basename(realpath($dir)) !== $name && basename(realpath($dir)) !== 'moodle_plugin') {
    $fail("the plugin's folder is " . basename($dir) . ", its component says $name");
}
if ($version !== null) {
    [$y, $m, $d] = [(int) substr($version, 0, 4), (int) substr($version, 4, 2), (int) substr($version, 6, 2)];
    if (!checkdate($m, $d, $y)) {
        $fail("version.php: version $version does not start with a date YYYYMMDD");
    }
}
if ($supported !== null) {
    [$from, $to] = array_map('intval', preg_split('/\s*,\s*/', $supported));
    if ($from > $to) {
        $fail("version.php: supported [$from, $to] is not a range");
    }
}

// ------------------------------------------------------------------ language files
$strings = [];
foreach (['en', 'fr'] as $lang) {
    $file = "$dir/lang/$lang/$component.php";
    if (!is_file($file)) {
        $fail("lang/$lang/$component.php is missing");
        continue;
    }
    $strings[$lang] = (static function (string $file): array {
        $string = [];
        defined('MOODLE_INTERNAL') || define('MOODLE_INTERNAL', true);
        include $file;
        return $string;
    })($file);
    $keys = array_keys($strings[$lang]);
    $sorted = $keys;
    sort($sorted, SORT_STRING);
    if ($keys !== $sorted) {
        foreach ($keys as $i => $k) {
            if ($k !== $sorted[$i]) {
                $fail("lang/$lang: strings not in alphabetical order from '$k' (expected '{$sorted[$i]}' there)");
                break;
            }
        }
    }
    if (!isset($strings[$lang]['pluginname'])) {
        $fail("lang/$lang: no 'pluginname' string");
    }
}
if (isset($strings['en'], $strings['fr'])) {
    foreach (array_diff_key($strings['en'], $strings['fr']) as $k => $v) {
        $fail("lang/fr: no string '$k' (lang/en has it)");
    }
    foreach (array_diff_key($strings['fr'], $strings['en']) as $k => $v) {
        $fail("lang/en: no string '$k' (lang/fr has it)");
    }
}

// ------------------------------------------------------------------ db/upgrade.php
if (is_file("$dir/db/upgrade.php")) {
    $tokens = token_get_all(file_get_contents("$dir/db/upgrade.php"));
    $found = false;
    foreach ($tokens as $i => $t) {
        if (is_array($t) && $t[0] === T_FUNCTION) {
            for ($j = $i + 1; isset($tokens[$j]) && is_array($tokens[$j]) && $tokens[$j][0] === T_WHITESPACE; $j++) {
            }
            if (isset($tokens[$j]) && is_array($tokens[$j]) && $tokens[$j][1] === "xmldb_{$component}_upgrade") {
                $found = true;
            }
        }
    }
    if (!$found) {
        $fail("db/upgrade.php: no function xmldb_{$component}_upgrade()");
    }
}

// ------------------------------------------------------------------ db/install.xml
if (is_file("$dir/db/install.xml")) {
    $doc = new DOMDocument();
    $previous = libxml_use_internal_errors(true);
    if (!$doc->load("$dir/db/install.xml", LIBXML_NONET)) {
        $fail('db/install.xml is not well-formed: ' . trim(libxml_get_errors()[0]->message ?? ''));
    } else {
        $root = $doc->documentElement;
        if ($root->nodeName !== 'XMLDB') {
            $fail('db/install.xml: the root element is not XMLDB');
        }
        if ($root->getAttribute('PATH') !== "$type/$name/db") {
            $fail("db/install.xml: PATH is '" . $root->getAttribute('PATH') . "', expected '$type/$name/db'");
        }
        $xmlversion = $root->getAttribute('VERSION');
        if (!preg_match('/^\d{8}$/', $xmlversion) || !checkdate((int) substr($xmlversion, 4, 2),
                (int) substr($xmlversion, 6, 2), (int) substr($xmlversion, 0, 4))) {
            $fail("db/install.xml: VERSION '$xmlversion' is not a date YYYYMMDD");
        } else if ($version !== null && $xmlversion > substr($version, 0, 8)) {
            $fail("db/install.xml: VERSION $xmlversion is later than version.php's version $version");
        }
        $tablenames = [];
        foreach ($doc->getElementsByTagName('TABLE') as $table) {
            $tname = $table->getAttribute('NAME');
            if (!str_starts_with($tname, $component)) {
                $fail("db/install.xml: table $tname is not named {$component}*");
            }
            if (isset($tablenames[$tname])) {
                $fail("db/install.xml: table $tname is defined twice");
            }
            $tablenames[$tname] = true;
            $fields = [];
            foreach ($table->getElementsByTagName('FIELD') as $field) {
                $fields[$field->getAttribute('NAME')] = true;
            }
            foreach (['KEY', 'INDEX'] as $what) {
                foreach ($table->getElementsByTagName($what) as $k) {
                    foreach (preg_split('/\s*,\s*/', trim($k->getAttribute('FIELDS'))) as $f) {
                        if (!isset($fields[$f])) {
                            $fail("db/install.xml: $what " . $k->getAttribute('NAME') . " of $tname names the unknown field $f");
                        }
                    }
                }
            }
        }
        if (!$tablenames) {
            $fail('db/install.xml defines no table');
        }
    }
    libxml_use_internal_errors($previous);
}

// ------------------------------------------------------------------ db/access.php
if (is_file("$dir/db/access.php")) {
    foreach (['CONTEXT_SYSTEM' => 10, 'CONTEXT_USER' => 30, 'CONTEXT_COURSECAT' => 40, 'CONTEXT_COURSE' => 50,
              'CONTEXT_MODULE' => 70, 'CONTEXT_BLOCK' => 80, 'CAP_ALLOW' => 1, 'CAP_PREVENT' => -1,
              'CAP_PROHIBIT' => -1000, 'RISK_MANAGETRUST' => 0x0001, 'RISK_CONFIG' => 0x0002, 'RISK_XSS' => 0x0004,
              'RISK_PERSONAL' => 0x0008, 'RISK_SPAM' => 0x0010, 'RISK_DATALOSS' => 0x0020] as $c => $v) {
        defined($c) || define($c, $v);
    }
    $capabilities = (static function (string $file): array {
        $capabilities = [];
        include $file;
        return $capabilities;
    })("$dir/db/access.php");
    foreach ($capabilities as $cap => $def) {
        if (!preg_match('#^' . $type . '/' . $name . ':[a-z0-9_]+$#', $cap)) {
            $fail("db/access.php: capability $cap is not named $type/$name:...");
            continue;
        }
        if (!in_array($def['captype'] ?? null, ['read', 'write'], true)) {
            $fail("db/access.php: $cap has no captype read or write");
        }
        if (!isset($def['contextlevel'])) {
            $fail("db/access.php: $cap has no contextlevel");
        }
        if (($def['captype'] ?? '') === 'write' && empty($def['riskbitmask'])) {
            $fail("db/access.php: $cap is a write capability without risk bits");
        }
        $key = $name . ':' . substr($cap, strpos($cap, ':') + 1);
        foreach ($strings as $lang => $s) {
            if (!isset($s[$key])) {
                $fail("lang/$lang: no string '$key' for the capability $cap");
            }
        }
    }
}

// ------------------------------------------------------------------ Behat features
foreach (glob("$dir/tests/behat/*.feature") ?: [] as $feature) {
    $head = '';
    foreach (file($feature, FILE_IGNORE_NEW_LINES) as $line) {
        if (preg_match('/^\s*Feature:/', $line)) {
            break;
        }
        $head .= ' ' . $line;
    }
    foreach (["@$type", "@$component"] as $tag) {
        if (!preg_match('/(^|\s)' . preg_quote($tag, '/') . '(\s|$)/', $head)) {
            $fail('tests/behat/' . basename($feature) . ": the feature is not tagged $tag");
        }
    }
}

if ($problems) {
    echo implode("\n", $problems), "\n";
    exit(1);
}
echo "$component $release ($version): version.php, lang/en + lang/fr (" . count($strings['en'] ?? []) . " strings), "
    . "db/upgrade.php, db/install.xml, db/access.php and the Behat tags are in order\n";
exit(0);
