--TEST--
Bad input: wrong PHP types are TypeErrors, unknown names are ValueErrors (ZPP and argument checks)
--EXTENSIONS--
magistere
--FILE--
<?php
require __DIR__ . '/../inc/fixture.inc';
$t = mg_tracker();
$src = Magistere\Source::rows([]);
mg_refused(fn() => Magistere\Source::rows('course'));
mg_refused(fn() => Magistere\Source::rows(['course' => 'not rows']));
mg_refused(fn() => Magistere\Source::rows([0 => []]));
mg_refused(fn() => Magistere\Source::rows(['mdl_course' => []]));
mg_refused(fn() => new Magistere\Tracker('source'));
mg_refused(fn() => new Magistere\Tracker($src, 'k=5'));
mg_refused(fn() => new Magistere\Tracker($src, ['k' => '5']));
mg_refused(fn() => new Magistere\Tracker($src, ['trainer_roles' => 'formateur']));
mg_refused(fn() => new Magistere\Tracker($src, ['trainer_roles' => [1]]));
mg_refused(fn() => new Magistere\Tracker($src, ['school_field' => 12]));
mg_refused(fn() => new Magistere\Tracker($src, ['colour' => 'blue']));
mg_refused(fn() => $t->participantView('five', 2));
mg_refused(fn() => $t->trainerView(7));
mg_refused(fn() => $t->inspectorView(8, ''));
mg_refused(fn() => $t->inspectorView(8, []));
mg_refused(fn() => $t->statistics('parcours'));
mg_refused(fn() => $t->statistics([1]));
mg_refused(fn() => $t->statistics(['parcours'], 'five'));
mg_refused(fn() => $t->statistics(['parcours'], [], 'five'));
mg_refused(fn() => $t->transparency(5, [2]));
echo "-- objects that cannot be made or copied --\n";
mg_refused(fn() => new Magistere\Source());
mg_refused(fn() => clone $src);
mg_refused(fn() => serialize($src));
mg_refused(fn() => $t->__construct($src));
mg_refused(fn() => (new ReflectionClass(Magistere\Tracker::class))->newInstanceWithoutConstructor()->participantView(5, 2));
echo $src->kind(), "\n";
?>
--EXPECT--
TypeError: Magistere\Source::rows(): Argument #1 ($tables) must be of type array, string given
TypeError: Magistere\Source::rows(): Argument #1 ($tables) table "course" must be an array of rows, string given
ValueError: Magistere\Source::rows(): Argument #1 ($tables) must be keyed by table name, found the integer key 0
ValueError: Magistere\Source::rows(): Argument #1 ($tables) contains the unknown table "mdl_course" (names are given without prefix, e.g. "course")
TypeError: Magistere\Tracker::__construct(): Argument #1 ($source) must be of type Magistere\Source, string given
TypeError: Magistere\Tracker::__construct(): Argument #2 ($settings) must be of type array, string given
TypeError: Magistere\Tracker::__construct(): Argument #2 ($settings) setting "k" must be of type int, string given
TypeError: Magistere\Tracker::__construct(): Argument #2 ($settings) setting "trainer_roles" must be of type array, string given
TypeError: Magistere\Tracker::__construct(): Argument #2 ($settings) setting "trainer_roles" must hold strings, int given
TypeError: Magistere\Tracker::__construct(): Argument #2 ($settings) setting "school_field" must be of type string, int given
ValueError: Magistere\Tracker::__construct(): Argument #2 ($settings) contains the unknown setting "colour" (known: trainer_roles, participant_roles, school_field, duration_field, k, now, enablecompletion, installed_modules)
TypeError: Magistere\Tracker::participantView(): Argument #1 ($viewerId) must be of type int, string given
ArgumentCountError: Magistere\Tracker::trainerView() expects exactly 2 arguments, 1 given
ValueError: Magistere\Tracker::inspectorView(): Argument #2 ($circonscription) must be a circonscription code or null, not an empty string
TypeError: Magistere\Tracker::inspectorView(): Argument #2 ($circonscription) must be of type ?string, array given
TypeError: Magistere\Tracker::statistics(): Argument #1 ($tables) must be of type array, string given
TypeError: Magistere\Tracker::statistics(): Argument #1 ($tables) must contain only table names (strings), int given
TypeError: Magistere\Tracker::statistics(): Argument #2 ($earlierReleases) must be of type array, string given
TypeError: Magistere\Tracker::statistics(): Argument #3 ($k) must be of type ?int, string given
TypeError: Magistere\Tracker::transparency(): Argument #2 ($courseId) must be of type int, array given
-- objects that cannot be made or copied --
Error: Call to private Magistere\Source::__construct() from global scope
Error: Trying to clone an uncloneable object of class Magistere\Source
Exception: Serialization of 'Magistere\Source' is not allowed
Error: Magistere\Tracker is already constructed
ReflectionException: Class Magistere\Tracker is an internal class marked as final that cannot be instantiated without invoking its constructor
rows
