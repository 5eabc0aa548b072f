--TEST--
The module: the default settings and the minimum k come from the extension (Tracker::defaults(), Tracker::K_MIN), and the docs' copies agree
--EXTENSIONS--
magistere
--SKIPIF--
<?php
if (!is_file(__DIR__ . '/../../docs/api.md')) {
    die('skip the docs are not in this tree');
}
?>
--FILE--
<?php
require __DIR__ . '/single_sources.inc';

use Magistere\Source;
use Magistere\Tracker;

$defaults = Tracker::defaults();
echo json_encode($defaults), "\n";
echo 'K_MIN = ', Tracker::K_MIN, "\n";

// They are what a tracker built without settings uses.
// (settings() also has what the plugin takes from Moodle's configuration, not configurable here.)
$settings = (new Tracker(Source::rows([])))->settings();
var_dump(array_intersect_key($settings, $defaults) === $defaults);
echo 'beyond the defaults: ', implode(', ', array_keys(array_diff_key($settings, $defaults))), "\n";

// K_MIN is the boundary: accepted, and one less refused.
$t = new Tracker(Source::rows([]), ['k' => Tracker::K_MIN]);
echo 'k = K_MIN: ', $t->settings()['k'], "\n";
try {
    new Tracker(Source::rows([]), ['k' => Tracker::K_MIN - 1]);
    echo "k = K_MIN - 1 accepted?\n";
} catch (Magistere\SettingsError $e) {
    echo 'k = K_MIN - 1: ', get_class($e), "\n";
}

// The docs' tables of settings show the same defaults.
$keys = array_combine(array_keys($defaults), array_keys($defaults));
$tables = [
    'README.md' => $keys,
    'docs/api.md' => $keys,
    'docs/moodle.md' => ['Trainer roles' => 'trainer_roles', 'Participant roles' => 'participant_roles',
        'School profile field' => 'school_field', 'Duration course field' => 'duration_field',
        'Disclosure threshold k' => 'k'],
];
foreach ($tables as $file => $labels) {
    $found = mgs_table_defaults(MGS_ROOT . '/' . $file, $labels);
    foreach ($defaults as $key => $value) {
        if (!isset($found[$key])) {
            echo "$file: no row for $key\n";
        } else if (mgs_words($found[$key]) !== mgs_words($value)) {
            echo "$file: $key is shown as {$found[$key]}, the extension says ", json_encode($value), "\n";
        }
    }
    echo "$file: ", count($found), " defaults checked\n";
}

// Wherever the prose states k's minimum or default, it is the extension's.
$statements = [];
foreach (array_merge([MGS_ROOT . '/README.md'], glob(MGS_ROOT . '/docs/*.md')) as $file) {
    $statements += mgs_k_statements($file);
}
$bad = 0;
foreach ($statements as $where => [$what, $n]) {
    $want = $what === 'min' ? Tracker::K_MIN : $defaults['k'];
    if ($n !== $want) {
        echo "$where says $n, the extension says $want\n";
        $bad++;
    }
}
echo count($statements) >= 8 ? 'statements about k found' : 'only ' . count($statements) . ' statements found?',
    ", $bad wrong\n";
?>
--EXPECT--
{"trainer_roles":["formateur","tuteur","editingteacher","teacher"],"participant_roles":["participant","student"],"school_field":"rne","duration_field":"magistere_duration","k":5}
K_MIN = 3
bool(true)
beyond the defaults: now, enablecompletion, installed_modules
k = K_MIN: 3
k = K_MIN - 1: Magistere\SettingsError
README.md: 5 defaults checked
docs/api.md: 5 defaults checked
docs/moodle.md: 5 defaults checked
statements about k found, 0 wrong
