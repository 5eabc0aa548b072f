--TEST--
The module: magistere.heap_retain caps what a process keeps: at 1M the next builds fault their pages in again (the setting is what makes the reuse)
--EXTENSIONS--
magistere
--INI--
magistere.heap_retain=1M
memory_limit=512M
--SKIPIF--
<?php
if (PHP_OS_FAMILY !== 'Linux' || !is_readable('/proc/self/maps')
        || !preg_match('~/libc\.so\.6$~m', file_get_contents('/proc/self/maps'))) {
    die('skip glibc only (mallopt)');
}
if (getenv('USE_ZEND_ALLOC') === '0') {
    die('skip valgrind replaces the C library allocator');
}
?>
--FILE--
<?php
require __DIR__ . '/../inc/generated.inc';
require __DIR__ . '/../inc/heap_faults.inc';
// The same four builds as module_heap_retain-002, with the process keeping at most 1 MB of the
// freed top of its heap: each build faults most of its pages in again.
$t = mg_generated(2000, 3, 11);
$t['course'][0]['fullname'] = str_repeat('Parcours très long ', 2 << 20);   // 40 MB: one block of more than 32 MB
[$faults, $peak] = mg_build_faults($t, 4);
var_dump(ini_get('magistere.heap_retain'));
var_dump($faults[0] > 1000);
foreach (array_slice($faults, 1) as $i => $f) {
    echo 'build ', $i + 2, ': ', $f > $faults[0] / 2 ? 'faulted again' : "faulted only $f pages (first: {$faults[0]})", "\n";
}
?>
--EXPECT--
string(2) "1M"
bool(true)
build 2: faulted again
build 3: faulted again
build 4: faulted again
