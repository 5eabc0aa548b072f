--TEST--
The module: Magistere\InternalError, the one class for failures inside magistere itself, is a final Magistere\Exception
--EXTENSIONS--
magistere
--FILE--
<?php
$r = new ReflectionClass(Magistere\InternalError::class);
echo $r->getName(), $r->isFinal() ? ' final' : '', ' extends ', $r->getParentClass()->getName(), "\n";
// A caller that catches the family catches it too (the plugin maps Magistere\Exception to a Moodle error).
try {
    throw new Magistere\InternalError('mysql: internal error building the query of user');
} catch (Magistere\Exception $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
// Every class of the family is a subclass of Magistere\Exception, and none but the base is open.
$family = array_values(array_filter(get_declared_classes(), fn($c) => str_starts_with($c, 'Magistere\\')
    && is_subclass_of($c, Magistere\Exception::class)));
sort($family);
foreach ($family as $c) {
    echo $c, (new ReflectionClass($c))->isFinal() ? '' : ' (not final)', "\n";
}
?>
--EXPECT--
Magistere\InternalError final extends Magistere\Exception
Magistere\InternalError: mysql: internal error building the query of user
Magistere\AccessDenied
Magistere\ConnectionError
Magistere\DataError
Magistere\InternalError
Magistere\NotFound
Magistere\SettingsError
Magistere\XmlError
