--TEST--
The module: with magistere.heap_retain (default 128M) a process reuses the memory a build freed, large blocks included: the next builds fault (almost) no page in
--EXTENSIONS--
magistere
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
--INI--
memory_limit=512M
--FILE--
<?php
require __DIR__ . '/../inc/generated.inc';
require __DIR__ . '/../inc/heap_faults.inc';
// A build of about 80 MB of engine memory, one block of it larger than the 32 MB above which
// glibc maps a block apart and unmaps it when freed, four times in a row in one process as a
// worker serves requests: the minor page faults of each build (getrusage) say whether its pages
// came from memory the process kept or were faulted in again (about 20 us each on a VM).
$t = mg_generated(2000, 3, 11);
$t['course'][0]['fullname'] = str_repeat('Parcours très long ', 2 << 20);   // 40 MB: one block of more than 32 MB
[$faults, $peak] = mg_build_faults($t, 4);
var_dump($peak > 64 << 20);
var_dump($faults[0] > 1000);             // the first build faults its pages in
foreach (array_slice($faults, 1) as $i => $f) {
    // each later one reuses them: fewer than a tenth of the first's faults
    echo 'build ', $i + 2, ': ', $f < $faults[0] / 10 ? 'reused' : "faulted $f pages (first: {$faults[0]})", "\n";
}
?>
--EXPECT--
bool(true)
bool(true)
build 2: reused
build 3: reused
build 4: reused
