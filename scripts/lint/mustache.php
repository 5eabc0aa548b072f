<?php
/**
 * Renders every mustache template of the Moodle plugin from the example context of its
 * documentation comment, with the Mustache engine of a Moodle checkout (lib/mustache, the library
 * Moodle renders templates with), in English and in French:
 *
 *   php scripts/lint/mustache.php MOODLE_DIR [PLUGIN_DIR]
 *
 * The engine is set up as Moodle's (escaping as s(), the blocks pragma) with Moodle's helpers
 * reimplemented: {{#str}} (its argument syntax, strings read from the plugin's lang/en or lang/fr
 * files and from the checkout's lang/en for core components; an unknown string is an error),
 * {{#pix}}, {{#js}} (the JavaScript is collected, not run), {{#quote}}, {{#cleanstr}},
 * {{#shortentext}}, {{#userdate}}. Partials local_magistere/... come from the plugin, core/...
 * from the checkout.
 *
 * Each template must have an "Example context (json):" that decodes, render without error, leave no
 * mustache tag in the output, and give HTML that parses with no error but HTML5 element names
 * unknown to libxml's HTML 4 parser. Exits 1 on any failure.
 */

declare(strict_types=1);

[, $moodle] = $argv + [1 => ''];
$plugin = rtrim($argv[2] ?? dirname(__DIR__, 2) . '/moodle_plugin', '/');
$lib = is_dir("$moodle/public/lib") ? "$moodle/public/lib" : "$moodle/lib";
$moodleroot = dirname($lib);
if (!is_file("$lib/mustache/src/Mustache/Autoloader.php")) {
    echo "$moodle has no lib/mustache/src/Mustache (not a Moodle 4.5 or 5.0 checkout)\n";
    exit(2);
}
require_once("$lib/mustache/src/Mustache/Autoloader.php");
Mustache_Autoloader::register();

if (!preg_match("/^\\s*\\\$plugin->component\\s*=\\s*'([a-z]+_[a-z0-9_]+)'/m", (string) @file_get_contents("$plugin/version.php"), $m)) {
    echo "$plugin/version.php: no \$plugin->component\n";
    exit(1);
}
$component = $m[1];
defined('MOODLE_INTERNAL') || define('MOODLE_INTERNAL', true);

/** The strings of a lang file ($string[...] = ...), or null when there is none. */
function lang_file(string $file): ?array
{
    if (!is_file($file)) {
        return null;
    }
    $string = [];
    include $file;
    return $string;
}

$problems = [];
$lang = 'en';
$stringcache = [];
/** get_string() as Moodle does it, for the plugin's and core's strings; records unknown ones. */
$getstring = function (string $key, string $comp, $a) use (&$problems, &$lang, &$stringcache, &$current, $plugin,
        $component, $moodleroot): string {
    $comp = $comp === '' || $comp === 'moodle' || $comp === 'core' ? 'core' : $comp;
    if ($comp === $component) {
        $files = ["$plugin/lang/$lang/$component.php"];
    } else if ($comp === 'core') {
        $files = ["$moodleroot/lang/en/moodle.php"];
    } else if (str_starts_with($comp, 'core_')) {
        $files = ["$moodleroot/lang/en/" . substr($comp, 5) . '.php'];
    } else {
        $problems[] = "$current: {{#str}} $key, $comp: a string of another plugin, which this check cannot read";
        return "[[$key,$comp]]";
    }
    $s = null;
    foreach ($files as $f) {
        $stringcache[$f] ??= lang_file($f) ?? [];
        if (isset($stringcache[$f][$key])) {
            $s = $stringcache[$f][$key];
            break;
        }
    }
    if ($s === null) {
        $problems[] = "$current ($lang): unknown string $key, $comp";
        return "[[$key,$comp]]";
    }
    if (is_object($a) || is_array($a)) {
        foreach ((array) $a as $prop => $value) {
            if (is_scalar($value) || $value === null) {
                $s = str_replace('{$a->' . $prop . '}', (string) $value, $s);
            }
        }
    } else if ($a !== null && $a !== '') {
        $s = str_replace('{$a}', (string) $a, $s);
    }
    if (preg_match('/\{\$a(->\w+)?\}/', $s, $left)) {
        $problems[] = "$current ($lang): string $key, $comp left $left[0] unfilled";
    }
    return $s;
};

$escape = fn($v): string => htmlspecialchars((string) $v, ENT_QUOTES | ENT_HTML401 | ENT_SUBSTITUTE);
$js = [];
$helpers = [
    // mustache_string_helper::str(): "key, component, $a" where $a is JSON (rendered first) or text.
    'str' => function (string $text, Mustache_LambdaHelper $helper) use ($getstring): string {
        $key = trim((string) strtok($text, ','));
        $comp = trim((string) strtok(','));
        $next = trim((string) strtok(''));
        if (str_starts_with($next, '{') && !str_starts_with($next, '{{')) {
            $a = json_decode($helper->render($next));
        } else {
            $a = $helper->render($next);
        }
        return $getstring($key, $comp, $a);
    },
    'cleanstr' => function (string $text, Mustache_LambdaHelper $helper) use ($getstring, $escape): string {
        $key = trim((string) strtok($text, ','));
        $comp = trim((string) strtok(','));
        $next = trim((string) strtok(''));
        return $escape($getstring($key, $comp, $next === '' ? null : $helper->render($next)));
    },
    // mustache_pix_helper::pix(): "key, component, alt text".
    'pix' => function (string $text, Mustache_LambdaHelper $helper) use ($escape): string {
        $key = trim((string) strtok($text, ','));
        $comp = trim((string) strtok(','));
        $alt = trim($helper->render(trim((string) strtok(''))));
        return '<i class="icon fa fa-fw" data-pix="' . $escape("$comp/$key") . '"'
            . ($alt === '' ? ' aria-hidden="true"' : ' title="' . $escape($alt) . '" role="img" aria-label="' . $escape($alt) . '"')
            . '></i>';
    },
    'js' => function (string $text, Mustache_LambdaHelper $helper) use (&$js): string {
        $js[] = $helper->render($text);
        return '';
    },
    'quote' => fn(string $text, Mustache_LambdaHelper $helper): string
        => '"' . str_replace('"', '\\"', $helper->render($text)) . '"',
    'shortentext' => function (string $text, Mustache_LambdaHelper $helper): string {
        [$length, $rest] = array_map('trim', explode(',', $text, 2)) + [1 => ''];
        $rendered = $helper->render($rest);
        return mb_strlen($rendered) > (int) $length ? mb_substr($rendered, 0, (int) $length) . '...' : $rendered;
    },
    'userdate' => function (string $text, Mustache_LambdaHelper $helper): string {
        [$time, $format] = array_map('trim', explode(',', $text, 2)) + [1 => ''];
        return gmdate('j F Y, H:i', (int) $helper->render($time));
    },
];

$templates = glob("$plugin/templates/*.mustache") ?: [];
$partials = new class($plugin, $component, $lib) implements Mustache_Loader {
    public function __construct(private string $plugin, private string $component, private string $lib)
    {
    }

    public function load($name)
    {
        [$comp, $template] = explode('/', $name, 2) + [1 => ''];
        $file = $comp === $this->component ? "$this->plugin/templates/$template.mustache"
            : ($comp === 'core' ? "$this->lib/templates/$template.mustache" : '');
        if ($file === '' || !is_file($file)) {
            throw new Mustache_Exception_UnknownTemplateException($name);
        }
        return file_get_contents($file);
    }
};
$engine = new Mustache_Engine([
    'escape' => $escape,
    'pragmas' => [Mustache_Engine::PRAGMA_BLOCKS],
    'helpers' => $helpers,
    'partials_loader' => $partials,
    'strict_callables' => true,
]);

$rendered = 0;
foreach ($templates as $file) {
    $name = basename($file, '.mustache');
    $current = "$component/$name";
    $source = file_get_contents($file);
    if (!preg_match('/\{\{!.*?@template\s+' . preg_quote($current, '/') . '\b(.*?)\}\}/s', $source, $doc)) {
        $problems[] = "$current: no documentation comment with @template $current";
        continue;
    }
    $pos = strpos($doc[1], 'Example context (json):');
    if ($pos === false) {
        $problems[] = "$current: no \"Example context (json):\" in its documentation";
        continue;
    }
    $context = json_decode(trim(substr($doc[1], $pos + strlen('Example context (json):'))));
    if ($context === null) {
        $problems[] = "$current: the example context is not JSON (" . json_last_error_msg() . ')';
        continue;
    }
    foreach (['en', 'fr'] as $lang) {
        $js = [];
        try {
            $html = $engine->render($source, $context);
        } catch (Throwable $e) {
            $problems[] = "$current ($lang): does not render: " . get_class($e) . ': ' . $e->getMessage();
            continue;
        }
        if (trim($html) === '') {
            $problems[] = "$current ($lang): renders nothing";
        }
        if (preg_match('/\{\{|\}\}/', $html)) {
            $problems[] = "$current ($lang): a mustache tag is left in the output";
        }
        $dom = new DOMDocument();
        $previous = libxml_use_internal_errors(true);
        libxml_clear_errors();
        $dom->loadHTML('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>' . $html . '</body></html>');
        foreach (libxml_get_errors() as $error) {
            // libxml's parser knows HTML 4 only: "Tag nav invalid" (801) is not an error of the template.
            if ($error->code !== 801) {
                $problems[] = "$current ($lang): HTML line " . ($error->line) . ': ' . trim($error->message);
            }
        }
        libxml_clear_errors();
        libxml_use_internal_errors($previous);
        $rendered++;
    }
}
if (!$templates) {
    $problems[] = "no template in $plugin/templates";
}
if ($problems) {
    echo implode("\n", array_unique($problems)), "\n";
    exit(1);
}
echo count($templates) . " templates rendered from their example context in en and fr ($rendered renderings) with the Mustache of "
    . basename($moodle) . ": no error, no tag left, HTML that parses\n";
exit(0);
