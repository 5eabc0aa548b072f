<?php
/**
 * Checks the plugin ZIP (scripts/package.sh) with Moodle's own code from a Moodle checkout, as the
 * plugin installer (Site administration > Plugins > Install plugins) does:
 *
 *   php scripts/lint/validate_zip.php MOODLE_DIR local_magistere-X.Y.Z.zip
 *
 * 1. \core\update\code_manager::get_plugin_zip_root_dir(): one root folder;
 * 2. tool_installaddon_installer::detect_plugin_component(): version.php declares the component;
 * 3. \core\update\code_manager::unzip_plugin_file(), with Moodle's zip_packer;
 * 4. \core\update\validator (assert_plugin_type, assert_moodle_version of the checkout, execute()):
 *    files layout, version.php, the English language pack, the target location.
 *
 * No database and no site: Moodle is loaded as far as its configuration (lib/setup.php with
 * ABORT_AFTER_CONFIG) plus the libraries these classes use, on a scratch dataroot. The validator's
 * two questions to a site are answered as by a site without the plugin: the plugin manager knows no
 * installed version of it, and the local/ folder is an empty writable folder. Prints the
 * validator's messages; exits 0 only when it accepts the ZIP with no error.
 */

declare(strict_types=1);

[, $moodle, $zipfile] = $argv + [1 => '', 2 => ''];
$moodle = rtrim((string) realpath($moodle), '/');
$zipfile = (string) realpath($zipfile);
if (!is_file("$moodle/lib/setup.php") || !is_file("$moodle/lib/classes/update/validator.php")) {
    echo "usage: validate_zip.php MOODLE_DIR ZIP (MOODLE_DIR: a Moodle 4.5 or 5.0 checkout)\n";
    exit(2);
}
if (!is_file($zipfile)) {
    echo "no ZIP file given\n";
    exit(2);
}

define('CLI_SCRIPT', true);
define('ABORT_AFTER_CONFIG', true);
define('IGNORE_COMPONENT_CACHE', true);
define('CACHE_DISABLE_ALL', true);
$scratch = sys_get_temp_dir() . '/magistere-validate-zip-' . getmypid();
mkdir("$scratch/data", 0700, true);
mkdir("$scratch/site/local", 0700, true);
register_shutdown_function(function () use ($scratch): void {
    exec('rm -rf ' . escapeshellarg($scratch));
});

global $CFG;
$CFG = new stdClass();
$CFG->dirroot = $moodle;
$CFG->wwwroot = 'https://magistere.invalid';
$CFG->dataroot = "$scratch/data";
$CFG->admin = 'admin';
$CFG->dbtype = 'mariadb';
$CFG->dblibrary = 'native';
$CFG->prefix = 'mdl_';
$CFG->directorypermissions = 02777;
$CFG->debug = E_ALL;
$CFG->debugdisplay = 1;
require("$moodle/lib/setup.php");
require_once("$moodle/lib/setuplib.php");
require_once("$moodle/lib/dmllib.php");
require_once("$moodle/lib/weblib.php");
require_once("$moodle/lib/moodlelib.php");
require_once("$moodle/lib/filelib.php");
$CFG->lang = 'en';
$CFG->ostype = 'UNIX';
$CFG->siteidentifier = 'magistere-lint';
require("$moodle/version.php");
$moodleversion = $version;
$moodlerelease = $release;

/** The validator, asking its two site questions of a site without the plugin. */
class magistere_zip_validator extends \core\update\validator {
    /** @var string the plugin type's folder of the scratch site */
    public static $typeroot;

    public function get_plugintype_location($plugintype) {
        return $plugintype === 'local' ? self::$typeroot : parent::get_plugintype_location($plugintype);
    }

    protected function get_plugin_manager() {
        return new class {
            public function get_plugin_info($component) {
                return null;
            }

            public function is_directory_removable($fullpath) {
                return true;
            }
        };
    }
}
magistere_zip_validator::$typeroot = "$scratch/site/local";

$ok = true;
$codemanager = new \core\update\code_manager(null, "$scratch/codemanager");
$rootdir = $codemanager->get_plugin_zip_root_dir($zipfile);
echo 'root folder: ', var_export($rootdir, true), "\n";
$component = tool_installaddon_installer::instance()->detect_plugin_component($zipfile);
echo 'component declared in version.php: ', var_export($component, true), "\n";
if (!$rootdir || !$component) {
    echo "the plugin installer would refuse this ZIP\n";
    exit(1);
}
[$type, $name] = core_component::normalize_component($component);
if ($rootdir !== $name) {
    echo "the root folder is $rootdir, the plugin's name $name\n";
    $ok = false;
}
mkdir("$scratch/extract");
$files = $codemanager->unzip_plugin_file($zipfile, "$scratch/extract", $name);
echo count($files), " files and folders extracted by Moodle's zip_packer\n";

$validator = magistere_zip_validator::instance("$scratch/extract", $files);
$validator->assert_plugin_type($type);
$validator->assert_moodle_version($moodleversion);
$result = $validator->execute();
foreach ($validator->get_messages() as $message) {
    $info = $validator->message_code_info($message->msgcode, $message->addinfo);
    printf("  [%s] %s%s\n", $validator->message_level_name($message->level), $validator->message_code_name($message->msgcode),
        $info ? " [$info]" : (is_string($message->addinfo) ? " [$message->addinfo]" : ($message->addinfo === null ? '' : ' ' . json_encode($message->addinfo))));
    if ($message->level === $validator::ERROR) {
        $ok = false;
    }
}
echo "Moodle $moodlerelease's validator: ", $result ? 'accepted' : 'refused', "\n";
exit($result && $ok ? 0 : 1);
