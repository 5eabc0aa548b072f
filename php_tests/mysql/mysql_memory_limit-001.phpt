--TEST--
mysql: the engine's memory counts against memory_limit: a view that would go beyond it fails with an InternalError saying so (never PHP's fatal error), releases what it held, and works once the limit is raised
--EXTENSIONS--
magistere
mysqlnd
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
if (getenv('USE_ZEND_ALLOC') === '0') {
    die('skip memory_limit is not enforced without Zend\'s allocator');
}
?>
--INI--
memory_limit=512M
--FILE--
<?php
require __DIR__ . '/mysql.inc';

use Magistere\Source;
use Magistere\Tracker;

$tables = mgt_dataset(21, ['courses' => 1, 'participants' => 3000, 'activities' => 30, 'empty' => false]);
$db = mgt_fresh_db(__FILE__);
mgt_load($db, 'mdl_', $tables);
$trainer = $tables['role_assignments'][0]['userid'];
$t = new Tracker(Source::mysql(mgt_options($db)), ['now' => MGT_NOW]);
$mb = fn(int $b): string => round($b / 1048576) . ' MB';

// What the view needs: the engine's peak (rows and model) and PHP's arrays.
$base = memory_get_usage(true);
$engine0 = Tracker::memoryUsage()['engine_bytes'];
$view = $t->trainerView($trainer, 1);
$arrays = memory_get_usage(true) - $base;
$engine = Tracker::memoryUsage()['engine_peak_bytes'] - $engine0;
echo "the view: engine ", $engine > 2 << 20 ? 'several MB' : 'little?', ", arrays ", $arrays > 2 << 20 ? 'several MB' : 'little?', "\n";
echo "engine memory back after the view: ", var_export(Tracker::memoryUsage()['engine_bytes'] === $engine0, true), "\n";

// No room for the engine: the rows and the model are refused.
gc_collect_cycles();
gc_mem_caches(); // the chunks PHP keeps after a view would otherwise leave room for the next one
ini_set('memory_limit', (string) (memory_get_usage(true) + (2 << 20)));
try {
    $t->trainerView($trainer, 1);
    echo "no room for the engine: served?\n";
} catch (Magistere\InternalError $e) {
    echo "no room for the engine: ", get_class($e), ': ', preg_replace('/\d+/', 'N', $e->getMessage()), "\n";
}
ini_set('memory_limit', '512M');
echo "  engine memory released: ", var_export(Tracker::memoryUsage()['engine_bytes'] === $engine0, true), "\n";

// No room for the arrays: the model is resident (built before, with room), the view's arrays do not fit; the
// emitter stops before PHP's allocator would end the request.
$r = new Tracker(Source::mysql(mgt_options($db, 'mdl_', ['resident' => true])), ['now' => MGT_NOW]);
$r->trainerView($trainer, 1);
$kept = Tracker::memoryUsage()['engine_bytes'];
gc_collect_cycles();
gc_mem_caches();
ini_set('memory_limit', (string) (memory_get_usage(true) + (6 << 20)));
try {
    $r->trainerView($trainer, 1);
    echo "no room for the arrays: served?\n";
} catch (Magistere\InternalError $e) {
    echo "no room for the arrays: ", get_class($e), ': ', preg_replace('/\d+/', 'N', $e->getMessage()), "\n";
}
ini_set('memory_limit', '512M');
echo "  the resident model is still there, nothing else: ", var_export(Tracker::memoryUsage()['engine_bytes'] === $kept, true), "\n";
echo "  served from it once the limit is raised: ", var_export($r->trainerView($trainer, 1) === $view, true), "\n";
$rows = new Tracker(Source::rows(mgt_engine_tables($tables)), ['now' => MGT_NOW]);
echo "limit raised: same view as the rows source: ", var_export($t->trainerView($trainer, 1) === $rows->trainerView($trainer, 1), true), "\n";
?>
--CLEAN--
<?php
require __DIR__ . '/mysql.inc';
mgt_drop_db(__DIR__ . '/mysql_memory_limit-001.phpt');
?>
--EXPECT--
the view: engine several MB, arrays several MB
engine memory back after the view: true
no room for the engine: Magistere\InternalError: magistere: this view needs more memory than memory_limit (N bytes) allows: PHP holds N bytes and the engine N; raise memory_limit for this page
  engine memory released: true
no room for the arrays: Magistere\InternalError: magistere: this view needs more memory than memory_limit (N bytes) allows: PHP holds N bytes and the engine N; raise memory_limit for this page
  the resident model is still there, nothing else: true
  served from it once the limit is raised: true
limit raised: same view as the rows source: true
