<?php
/**
 * Shows each role's view of the sample académie, in the terminal and as static HTML pages.
 *
 *   php -d extension=/path/to/magistere.so scripts/demo/show.php
 *       [--data FILE.json|FILE.php | --seed N --scale N] [--out DIR] [--lang en|fr]
 *       [--limit N] [--color|--no-color] [--no-html]
 *
 * It builds `new Magistere\Tracker(Magistere\Source::rows($tables), ['now' => ...])` over the
 * generated tables and, for the people the generator chose (meta.cast): a participant (R2), a
 * trainer of the same parcours (R3), the inspector of the participant's circonscription (R4), the
 * ministry's statistics (R5) and the participant's transparency page (R9). For each role it also
 * makes the calls that role is refused and prints the exception each one raised; a call that is
 * not refused is reported as a bug and the script exits with status 3.
 *
 * HTML pages (English, and French as *.fr.html) go to --out (default demo-output/): index.html
 * and one page per role.
 */

declare(strict_types=1);

require __DIR__ . '/academie.php';
require __DIR__ . '/render.php';

// Large scales (--scale 50: about 21,000 users, 220,000 completions) need more than PHP's default 128 MB.
ini_set('memory_limit', '2G');

use MagistereDemo\Academie;
use MagistereDemo\HtmlRenderer;
use MagistereDemo\I18n;
use MagistereDemo\Scenes;
use MagistereDemo\TextRenderer;

const SHOW_USAGE = "usage: php -d extension=magistere.so scripts/demo/show.php [--data FILE | --seed N --scale N]\n"
    . "       [--out DIR] [--lang en|fr] [--limit N] [--color|--no-color] [--no-html]\n";

function demo_show_fail(string $message, int $code = 2): int
{
    fwrite(STDERR, "show.php: $message\n");
    return $code;
}

function demo_show_main(array $argv): int
{
    $opt = ['data' => null, 'seed' => '1', 'scale' => '1', 'out' => 'demo-output', 'lang' => 'en', 'limit' => '12',
        'color' => null, 'html' => true];
    for ($i = 1; $i < count($argv); $i++) {
        $arg = $argv[$i];
        $value = null;
        if (str_contains($arg, '=')) {
            [$arg, $value] = explode('=', $arg, 2);
        }
        $name = substr($arg, 2);
        switch ($arg) {
            case '--data':
            case '--seed':
            case '--scale':
            case '--out':
            case '--lang':
            case '--limit':
                $value ??= $argv[++$i] ?? null;
                if ($value === null || $value === '') {
                    return demo_show_fail("$arg needs a value\n" . SHOW_USAGE);
                }
                $opt[$name] = $value;
                break;
            case '--color':
                $opt['color'] = true;
                break;
            case '--no-color':
                $opt['color'] = false;
                break;
            case '--no-html':
                $opt['html'] = false;
                break;
            case '-h':
            case '--help':
                echo SHOW_USAGE;
                return 0;
            default:
                return demo_show_fail("unknown option '$arg'\n" . SHOW_USAGE);
        }
    }
    foreach (['seed', 'scale', 'limit'] as $k) {
        if (preg_match('/^-?[0-9]{1,18}$/', $opt[$k]) !== 1) {
            return demo_show_fail("--$k takes an integer, not '{$opt[$k]}'");
        }
    }
    if (!extension_loaded('magistere') && !class_exists('Magistere\Tracker')) {
        return demo_show_fail('the magistere extension is not loaded: run scripts/demo.sh, or php -d extension=<path to magistere.so>');
    }
    try {
        $i18n = new I18n($opt['lang']);
    } catch (\ValueError $e) {
        return demo_show_fail($e->getMessage());
    }

    // The sample: a file written by generate.php, or generated here.
    if ($opt['data'] !== null) {
        $file = $opt['data'];
        if (!is_file($file)) {
            return demo_show_fail("no such file: $file");
        }
        $data = str_ends_with($file, '.json')
            ? json_decode((string) file_get_contents($file), true, 512, JSON_THROW_ON_ERROR)
            : (static fn () => include $file)();
    } else {
        $data = Academie::generate((int) $opt['seed'], (int) $opt['scale']);
    }
    if (!is_array($data) || !isset($data['meta']['cast'], $data['tables'])) {
        return demo_show_fail('the data has no meta.cast or tables: was it written by scripts/demo/generate.php?');
    }
    $meta = $data['meta'];
    $tables = $data['tables'];
    $meta['circ_names'] = [];
    foreach ($tables['local_magistere_circ'] ?? [] as $c) {
        $meta['circ_names'][$c['code']] = $c['name'];
    }

    $t0 = hrtime(true);
    $tracker = new \Magistere\Tracker(\Magistere\Source::rows($tables), ['now' => $meta['now']]);
    $scenes = Scenes::collect($tracker, $meta, $tables);
    $ms = (hrtime(true) - $t0) / 1e6;

    $color = $opt['color'] ?? (getenv('NO_COLOR') === false && stream_isatty(STDOUT));
    $text = new TextRenderer($i18n, $meta, $color, max(1, (int) $opt['limit']));
    $courses = count($tables['course'] ?? []) - 1;   // without the site course
    $people = count($tables['user'] ?? []);
    $intro = $i18n->t('demo_intro', $meta['seed'], $meta['scale'], count($tables['local_magistere_circ'] ?? []),
        count($tables['local_magistere_school'] ?? []), $people, $courses);
    echo $i18n->t('demo_title') . "\n" . wordwrap($intro, 100) . "\n";
    foreach ($scenes as $s) {
        echo $text->scene($s);
    }
    printf("\n(%s: %.0f ms for the source, the tracker and every call above)\n", 'magistere ' . phpversion('magistere'), $ms);

    if ($opt['html']) {
        $out = rtrim($opt['out'], '/');
        if (!is_dir($out) && !mkdir($out, 0755, true) && !is_dir($out)) {
            return demo_show_fail("cannot create $out", 1);
        }
        foreach (['en', 'fr'] as $lang) {
            $li = new I18n($lang);
            $html = new HtmlRenderer($li, $meta, new TextRenderer($li, $meta, false, PHP_INT_MAX));
            $pages = [$html->file('index') => $html->index($scenes, $li->t('demo_intro', $meta['seed'], $meta['scale'],
                count($tables['local_magistere_circ'] ?? []), count($tables['local_magistere_school'] ?? []), $people,
                $courses))];
            foreach ($scenes as $s) {
                $pages[$html->file($s['key'])] = $html->scenePage($s);
            }
            foreach ($pages as $name => $content) {
                if (file_put_contents("$out/$name", $content) === false) {
                    return demo_show_fail("cannot write $out/$name", 1);
                }
            }
        }
        echo "\n" . $i18n->t('html_written', $out . '/', $out . '/index.html') . "\n";
    }
    if (!Scenes::allRefused($scenes)) {
        return demo_show_fail('a forbidden call was not refused (see above)', 3);
    }
    return 0;
}

// Run as a script (not when included by a test).
if (isset($_SERVER['SCRIPT_FILENAME']) && realpath($_SERVER['SCRIPT_FILENAME']) === __FILE__) {
    exit(demo_show_main($argv));
}
