--TEST--
mysql: phpinfo() shows the MySQL client library actually loaded (version and file) and the one compiled against; exactly one client library is loaded
--EXTENSIONS--
magistere
--FILE--
<?php
ob_start();
phpinfo(INFO_MODULES);
$info = ob_get_clean();
preg_match('/^MySQL client library \(linked, run time\) => (.*)$/m', $info, $run);
preg_match('/^MySQL client library \(compiled against\) => (.*)$/m', $info, $built);
echo 'run time: ', $run[1] ?? 'missing', "\n";
echo 'compiled against: ', $built[1] ?? 'missing', "\n";

// The library file named by phpinfo is the one mapped in this process, and it is the only client library.
$maps = file_get_contents('/proc/self/maps');
preg_match_all('~\S*/lib(mariadb|mysqlclient)\.so[.\d]*~', $maps, $m);
$libs = array_values(array_unique($m[0]));
echo 'client libraries loaded: ', count($libs), "\n";
echo 'phpinfo names it: ', isset($run[1], $libs[0]) && str_contains($run[1], '(' . $libs[0] . ')') || (isset($libs[0]) && str_contains($run[1] ?? '', basename($libs[0]))) ? 'yes' : 'no', "\n";
?>
--EXPECTF--
run time: %d.%d.%d (%slib%s.so%s)
compiled against: %s %d.%d.%d
client libraries loaded: 1
phpinfo names it: yes
