<?php
// This file is part of magistere: the memory probe of scripts/loadtest.sh.
//
// Served by the site's own PHP-FPM pool for the length of a load test only: scripts/loadtest.sh copies it into the
// site's web root under a name it draws at random, asks it several times per sample period (PHP-FPM hands each
// request to a free worker, so every worker answers in turn), and deletes it at the end. It does not load Moodle
// and reads no database: it reports the memory of the worker that serves it, as one line of JSON made of numbers
// only:
//
//   pid            the worker's process id
//   rss_kb         VmRSS of /proc/self/status (resident memory of the whole process)
//   hwm_kb         VmHWM (the most resident memory the process ever had)
//   php_bytes      memory_get_usage(): PHP's memory in use by this request
//   php_real_bytes memory_get_usage(true): what PHP's allocator holds from the system
//   engine_bytes, resident_bytes, resident_models, resident_memory, resident_hits, resident_misses,
//   resident_evictions
//                  Magistere\Tracker::memoryUsage(): the engine's memory in this process, its resident models and
//                  their budget (-1 when the extension is not loaded)
//
// Anyone but 127.0.0.1 gets a 404 and nothing else.
//
// @copyright  2026 magistere contributors
// @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later

declare(strict_types=1);

if (PHP_SAPI === 'cli' || ($_SERVER['REMOTE_ADDR'] ?? '') !== '127.0.0.1') {
    http_response_code(404);
    exit;
}

$status = (string) @file_get_contents('/proc/self/status');
$kb = function (string $field) use ($status): int {
    return preg_match('/^' . $field . ':\s+(\d+)\s+kB/m', $status, $m) ? (int) $m[1] : -1;
};
$out = [
    'pid' => getmypid(),
    'rss_kb' => $kb('VmRSS'),
    'hwm_kb' => $kb('VmHWM'),
    'php_bytes' => memory_get_usage(),
    'php_real_bytes' => memory_get_usage(true),
];
$usage = class_exists('Magistere\\Tracker') ? \Magistere\Tracker::memoryUsage() : [];
foreach (['engine_bytes', 'resident_bytes', 'resident_models', 'resident_memory', 'resident_hits', 'resident_misses',
        'resident_evictions'] as $key) {
    $out[$key] = (int) ($usage[$key] ?? -1);
}
header('Content-Type: application/json');
header('Cache-Control: no-store');
echo json_encode($out), "\n";
