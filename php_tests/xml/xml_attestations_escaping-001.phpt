--TEST--
xml: writeAttestations() escapes names and codes so that every attribute reads back exactly (& < > " ', accents, CJK, emoji, a trainer with one name only)
--EXTENSIONS--
magistere
dom
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/fixture.inc';
require __DIR__ . '/../inc/generated.inc';
$dir = xml_fixture_dir('attest-escaping');
$t = mg_generated(40, 3, 5);
$names = ['Tom & Jerry', '<b>gras</b>', 'Dit "bonjour"', "O'Brien", 'Ünïcødé 日本 😀', 'a>b<c', '&amp; déjà',
    "Qu'\"<&>\"'", str_repeat('é', 100)];
foreach ($t['user'] as $i => &$u) {
    $u['lastname'] = $names[$i % count($names)] . " $i";
    $u['firstname'] = $names[($i + 3) % count($names)];
    $u['idnumber'] = "N<$i>&\"";
}
unset($u);
// Two trainers who set marks: one with both names to escape, one with a last name only.
$t['user'][] = ['id' => 901, 'firstname' => 'Zoé "la" <formatrice>', 'lastname' => 'D&D'];
$t['user'][] = ['id' => 902, 'firstname' => '', 'lastname' => 'Seul & unique'];
foreach ($t['local_magistere_mark'] as $i => &$m) {
    $m['modifiedby'] = $i % 2 ? 901 : 902;
}
unset($m);
$t['course'][0]['fullname'] = 'Parcours "spécial" & <co>';
$tracker = new Magistere\Tracker(Magistere\Source::rows($t), ['now' => 1780000000]);
$file = "$dir/attestations.xml";
$n = $tracker->writeAttestations($file);
var_dump($n > 30);
var_dump(xml_fixture_validate($file, 'attestations-1.xsd'));

$users = array_column($t['user'], null, 'id');
$byName = [];
foreach ($users as $id => $u) {
    $byName[$u['lastname'] . "\0" . $u['firstname']] = $u;
}
$doc = new DOMDocument();
$doc->load($file);
$seen = $bad = $markers = 0;
foreach ($doc->getElementsByTagName('parcours') as $p) {
    if ($p->getAttribute('id') === '1' && $p->getAttribute('fullname') !== 'Parcours "spécial" & <co>') {
        echo 'fullname read back as ', $p->getAttribute('fullname'), "\n";
    }
}
foreach ($doc->getElementsByTagName('participant') as $x) {
    $seen++;
    $u = $byName[$x->getAttribute('lastname') . "\0" . $x->getAttribute('firstname')] ?? null;
    if ($u === null || $x->getAttribute('idnumber') !== $u['idnumber']) {
        $bad++;
        echo 'not read back: ', json_encode([$x->getAttribute('lastname'), $x->getAttribute('firstname'),
            $x->getAttribute('idnumber')], JSON_UNESCAPED_UNICODE), "\n";
    }
    if ($x->hasAttribute('marked-by')) {
        $by = $x->getAttribute('marked-by');
        if ($by !== 'Zoé "la" <formatrice> D&D' && $by !== 'Seul & unique') {
            echo 'marked-by read back as ', $by, "\n";
        }
        $markers++;
    }
}
echo "participants read back: ", $seen === $n && $bad === 0 ? 'all' : "$bad of $seen wrong", "\n";
var_dump($markers > 0);
// The file holds the escaped forms (attribute values in double quotes).
$text = file_get_contents($file);
foreach (['lastname="Tom &amp; Jerry', 'lastname="&lt;b&gt;gras&lt;/b&gt;', 'Dit &quot;bonjour&quot;', 'marked-by="Seul &amp; unique"',
        'marked-by="Zoé &quot;la&quot; &lt;formatrice&gt; D&amp;D"', 'lastname="&amp;amp; déjà'] as $needle) {
    echo $needle, ': ', str_contains($text, $needle) ? 'yes' : 'NO', "\n";
}
xml_fixture_cleanup($dir);
?>
--EXPECT--
bool(true)
bool(true)
participants read back: all
bool(true)
lastname="Tom &amp; Jerry: yes
lastname="&lt;b&gt;gras&lt;/b&gt;: yes
Dit &quot;bonjour&quot;: yes
marked-by="Seul &amp; unique": yes
marked-by="Zoé &quot;la&quot; &lt;formatrice&gt; D&amp;D": yes
lastname="&amp;amp; déjà: yes
