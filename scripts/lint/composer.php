<?php
/**
 * Checks composer.json, the package PIE (the PHP Foundation's extension installer) reads:
 *
 *   php scripts/lint/composer.php [COMPOSER_SCHEMA]
 *
 * 1. `composer validate --strict` with the composer on PATH. A Composer older than 2.7 (Debian 12
 *    ships 2.5.5) predates the "php-ext" section in its schema and refuses it as an unknown property
 *    for publishing; then the file is validated instead against the schema of a Composer >= 2.7
 *    (res/composer-schema.json: COMPOSER_SCHEMA, or MAGISTERE_COMPOSER_SCHEMA) with Composer's own
 *    validator, and `composer validate --strict --no-check-publish` must pass every other check.
 *    Without such a schema the check exits 77 (skipped), saying so.
 * 2. What PIE needs and Composer cannot know: type php-ext, an extension-name of the allowed form,
 *    equal to the extension's name in config.m4; every configure option declared in config.m4
 *    (PIE passes them to ./configure); no "version" (the release tags give it).
 *
 * Exits 0 when valid, 1 when not, 77 when the php-ext schema could not be checked.
 */

declare(strict_types=1);

$root = dirname(__DIR__, 2);
$file = "$root/composer.json";
$schema = $argv[1] ?? (getenv('MAGISTERE_COMPOSER_SCHEMA') ?: '');
$problems = [];
$skip = null;

$json = json_decode((string) file_get_contents($file), true);
if (!is_array($json)) {
    echo "composer.json is not JSON: ", json_last_error_msg(), "\n";
    exit(1);
}

// 1. Composer's validation.
exec('composer validate --no-interaction --strict ' . escapeshellarg($file) . ' 2>&1', $out, $rc);
$out = implode("\n", $out);
preg_match('/Composer version (\d+)\.(\d+)\.(\d+)/', (string) shell_exec('composer --version 2>/dev/null'), $v);
$composerversion = $v ? "$v[1].$v[2].$v[3]" : 'unknown';
if ($rc === 0) {
    echo "composer validate --strict (Composer $composerversion): valid\n";
} else {
    $publishonly = preg_match_all('/^- (.*)$/m', $out, $m) && $m[1] === ['The property php-ext is not defined and the definition does not allow additional properties'];
    if (!$publishonly || ($v && version_compare($composerversion, '2.7.0', '>='))) {
        $problems[] = "composer validate --strict (Composer $composerversion) refuses composer.json:\n$out";
    } else {
        exec('composer validate --no-interaction --strict --no-check-publish ' . escapeshellarg($file) . ' 2>&1', $out2, $rc2);
        if ($rc2 !== 0) {
            $problems[] = "composer validate --strict --no-check-publish refuses composer.json:\n" . implode("\n", $out2);
        } else {
            echo "composer validate --strict --no-check-publish (Composer $composerversion): valid; its schema predates php-ext\n";
        }
        if ($schema === '' || !is_file($schema)) {
            $skip = "Composer $composerversion's schema has no php-ext section and no schema of Composer >= 2.7 was given "
                . "(MAGISTERE_COMPOSER_SCHEMA)";
        } else {
            require_once(is_file('/usr/share/php/Composer/autoload.php') ? '/usr/share/php/Composer/autoload.php'
                : dirname((string) realpath((string) shell_exec('command -v composer'))) . '/../vendor/autoload.php');
            try {
                (new Composer\Json\JsonFile($file))->validateSchema(Composer\Json\JsonFile::STRICT_SCHEMA, $schema);
                $schemajson = json_decode((string) file_get_contents($schema), true);
                if (!isset($schemajson['properties']['php-ext'])) {
                    $skip = "$schema has no php-ext section either";
                } else {
                    echo "composer.json is valid against the strict schema of a Composer >= 2.7, php-ext included ($schema)\n";
                }
            } catch (Composer\Json\JsonValidationException $e) {
                $problems[] = 'composer.json does not validate against ' . $schema . ":\n  " . implode("\n  ", $e->getErrors());
            }
        }
    }
}

// 2. What PIE needs.
$m4 = (string) file_get_contents("$root/config.m4");
$ext = $json['php-ext']['extension-name'] ?? null;
if (($json['type'] ?? null) !== 'php-ext') {
    $problems[] = 'type is not php-ext';
}
if (!is_string($ext) || !preg_match('/^[A-Za-z][a-zA-Z0-9_]*$/', $ext)) {
    $problems[] = 'php-ext.extension-name is missing or not a valid extension name';
} else if (!preg_match('/PHP_ARG_(WITH|ENABLE)\(\[' . preg_quote($ext, '/') . '\]/', $m4)
        || !preg_match('/PHP_NEW_EXTENSION\(' . preg_quote($ext, '/') . ',/', $m4)) {
    $problems[] = "php-ext.extension-name is $ext, which config.m4 does not build";
}
foreach ($json['php-ext']['configure-options'] ?? [] as $option) {
    $name = (string) ($option['name'] ?? '');
    if (!preg_match('/^(with|enable)-([a-z0-9-]+)$/', $name, $o)
            || !preg_match('/PHP_ARG_' . strtoupper($o[1]) . '\(\[' . preg_quote($o[2], '/') . '\]/', $m4)) {
        $problems[] = "configure option $name is not declared in config.m4";
    }
    if (empty($option['description'])) {
        $problems[] = "configure option $name has no description";
    }
}
if (isset($json['version'])) {
    $problems[] = 'composer.json has a "version": the release tags give it (one source: MG_VERSION)';
}

if ($problems) {
    echo implode("\n", $problems), "\n";
    exit(1);
}
echo "PIE: extension $ext, " . count($json['php-ext']['configure-options'] ?? []) . " configure options, all declared in config.m4\n";
if ($skip !== null) {
    echo "SKIPPED: the php-ext section was not validated: $skip\n";
    exit(77);
}
exit(0);
