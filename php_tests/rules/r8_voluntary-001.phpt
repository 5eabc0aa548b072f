--TEST--
R8: no view ranks, flags or filters people for not taking part
--EXTENSIONS--
magistere
--FILE--
<?php
require __DIR__ . '/../inc/fixture.inc';
$t = mg_tracker();
$v = $t->trainerView(7, 2);
echo "order is by name, not by progress:\n";
foreach ($v['participants'] as $p) {
    echo "  {$p['lastname']} {$p['progress']['done']}/{$p['progress']['tracked']}\n";
}
echo "Zoé, who did nothing, is listed like everyone: ", in_array(9, array_column($v['participants'], 'id')) ? 'yes' : 'no', "\n";
$keys = array_merge(mg_keys($v), mg_keys($t->inspectorView(8)), mg_keys($t->participantView(9, 2)), mg_keys($t->statistics()));
$flags = array_filter(array_unique($keys), fn($k) => preg_match('/rank|never|connect|inactive|started|absent|engag|last_?(access|login|seen)/i', $k));
echo 'keys that rank or flag: ', $flags ? implode(',', $flags) : 'none', "\n";
echo "the API has no filter argument for participation:\n";
foreach (['participantView', 'trainerView', 'inspectorView', 'statistics'] as $m) {
    $r = new ReflectionMethod(Magistere\Tracker::class, $m);
    echo "  $m(", implode(', ', array_map(fn($p) => '$' . $p->getName(), $r->getParameters())), ")\n";
}
?>
--EXPECT--
order is by name, not by progress:
  Élan 0/4
  Lefèvre 2/4
  N'Diaye 1/4
Zoé, who did nothing, is listed like everyone: yes
keys that rank or flag: none
the API has no filter argument for participation:
  participantView($viewerId, $courseId)
  trainerView($viewerId, $courseId)
  inspectorView($viewerId, $circonscription)
  statistics($tables, $earlierReleases, $k)
