--TEST--
xml: a school code the attestation file cannot carry (a space, an accent, too long) no longer takes the export down: the code is left out, the school kept, the anomaly reported
--EXTENSIONS--
magistere
dom
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/fixture.inc';
require __DIR__ . '/../inc/generated.inc';
$dir = xml_fixture_dir('attest-unfit-uai');
// The same site with every code well formed: how many participants, how many without a code.
$good = new Magistere\Tracker(Magistere\Source::rows(mg_generated(30, 2, 5)), ['now' => 1780000000]);
echo 'well formed: ', $good->writeAttestations("$dir/good.xml"), ' participants, ',
    substr_count(file_get_contents("$dir/good.xml"), ' uai="'), " with a code\n";
foreach (['06 90001A', 'Ä0690001', str_repeat('A', 21)] as $bad) {
    $t = mg_generated(30, 2, 5);
    // The school list and the teachers' profile field hold the same code (typed by hand, or a
    // legacy code written by direct SQL): the code matches, the Uai type of the file refuses it.
    $t['local_magistere_school'][0]['uai'] = $bad;
    foreach ($t['user_info_data'] as &$d) {
        if ($d['data'] === '0690001A') {
            $d['data'] = $bad;
        }
    }
    unset($d);
    $tracker = new Magistere\Tracker(Magistere\Source::rows($t), ['now' => 1780000000]);
    $file = "$dir/attestations.xml";
    $n = $tracker->writeAttestations($file);
    $valid = xml_fixture_validate($file, 'attestations-1.xsd');
    $text = file_get_contents($file);
    $doc = new DOMDocument();
    $doc->load($file);
    $without = 0;
    foreach ($doc->getElementsByTagName('participant') as $p) {
        $without += $p->hasAttribute('uai') ? 0 : 1;
    }
    $quality = $tracker->dataQuality();
    $found = array_values(array_filter($quality['anomalies'],
        fn ($a) => $a['table'] === 'local_magistere_school' && $a['field'] === 'uai'));
    printf("%s: %d participants, valid %s, code in the file %s, %d without a code, anomaly %s\n",
        json_encode($bad, JSON_UNESCAPED_UNICODE), $n, $valid ? 'yes' : 'no',
        str_contains($text, htmlspecialchars($bad)) ? 'yes' : 'no', $without,
        count($found) === 1 ? $found[0]['problem'] . ' (' . $found[0]['message'] . ')' : 'missing');
}
xml_fixture_cleanup($dir);
?>
--EXPECT--
well formed: 48 participants, 48 with a code
"06 90001A": 48 participants, valid yes, code in the file no, 8 without a code, anomaly invalid_value ("06 90001A" is not a code the attestation file can carry (letters, digits, '-', '_' and '.', at most 20): kept for the pages, left out of the attestation file)
"Ä0690001": 48 participants, valid yes, code in the file no, 8 without a code, anomaly invalid_value ("Ä0690001" is not a code the attestation file can carry (letters, digits, '-', '_' and '.', at most 20): kept for the pages, left out of the attestation file)
"AAAAAAAAAAAAAAAAAAAAA": 48 participants, valid yes, code in the file no, 8 without a code, anomaly invalid_value ("AAAAAAAAAAAAAAAAAAAAA" is not a code the attestation file can carry (letters, digits, '-', '_' and '.', at most 20): kept for the pages, left out of the attestation file)
