--TEST--
The module: the Moodle plugin's fallback copies of the defaults and of the minimum k (used without the extension) equal the extension's
--EXTENSIONS--
magistere
--SKIPIF--
<?php
if (!is_file(__DIR__ . '/../../moodle_plugin/classes/local/engine.php')) {
    die('skip the Moodle plugin is not in this tree');
}
?>
--FILE--
<?php
require __DIR__ . '/single_sources.inc';
// Class files of the plugin declare classes only: they load outside Moodle.
require MGS_ROOT . '/moodle_plugin/classes/local/engine.php';
require MGS_ROOT . '/moodle_plugin/classes/local/duration_field.php';

use local_magistere\local\duration_field;
use local_magistere\local\engine;
use Magistere\Tracker;

var_dump(engine::FALLBACK_DEFAULTS === Tracker::defaults());
var_dump(engine::FALLBACK_K_MIN === Tracker::K_MIN);
var_dump(duration_field::DEFAULT_SHORTNAME === Tracker::defaults()['duration_field']);
// With the extension loaded, the plugin asks it.
var_dump(engine::defaults() === Tracker::defaults(), engine::k_min() === Tracker::K_MIN);

// The settings page and the engine take their defaults from engine::defaults() and engine::k_min(), with no
// literal of their own.
$settings = file_get_contents(MGS_ROOT . '/moodle_plugin/settings.php');
foreach (Tracker::defaults() as $key => $value) {
    foreach (is_array($value) ? [implode(',', $value), ...$value] : [(string) $value] as $literal) {
        if (preg_match('/[\'"]' . preg_quote($literal, '/') . '[\'"]/', $settings)) {
            echo "settings.php has the literal '$literal' of $key\n";
        }
    }
}
echo "settings.php checked\n";
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
settings.php checked
