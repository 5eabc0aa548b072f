--TEST--
The module: classes, final and uninstantiable where it should be, phpinfo() section
--EXTENSIONS--
magistere
--FILE--
<?php
foreach (['Source', 'Tracker', 'Statistics', 'Exception', 'AccessDenied', 'NotFound', 'DataError', 'SettingsError',
          'ConnectionError', 'XmlError'] as $c) {
    $r = new ReflectionClass("Magistere\\$c");
    echo $r->getName(), $r->isFinal() ? ' final' : '', $r->getParentClass() ? ' extends ' . $r->getParentClass()->getName() : '', "\n";
}
echo (new ReflectionMethod(Magistere\Source::class, 'mysql'))->getParameters()[0]->getAttributes()[0]->getName(), "\n";
ob_start();
phpinfo(INFO_MODULES);
$info = ob_get_clean();
preg_match('/^magistere support => (.*)$/m', $info, $m);
echo 'magistere support: ', $m[1] ?? 'missing', "\n";
echo preg_match('/^libxml2 \(compiled\) => \d+\.\d+\.\d+$/m', $info) ? "libxml2 version shown\n" : "no libxml2 version\n";
echo phpversion('magistere'), "\n";
?>
--EXPECTF--
Magistere\Source final
Magistere\Tracker final
Magistere\Statistics final
Magistere\Exception extends RuntimeException
Magistere\AccessDenied final extends Magistere\Exception
Magistere\NotFound final extends Magistere\Exception
Magistere\DataError final extends Magistere\Exception
Magistere\SettingsError final extends Magistere\Exception
Magistere\ConnectionError final extends Magistere\Exception
Magistere\XmlError final extends Magistere\Exception
SensitiveParameter
magistere support: enabled
libxml2 version shown
%d.%d.%d
