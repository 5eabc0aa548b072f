--TEST--
demo: show.php renders the five scenes from the real views, every forbidden call refused, and writes the HTML pages
--EXTENSIONS--
magistere
--FILE--
<?php
require __DIR__ . '/../../scripts/demo/show.php';

$out = sys_get_temp_dir() . '/magistere-demo-' . getmypid();
ob_start();
$rc = demo_show_main(['show.php', '--no-color', '--limit', '3', '--out', $out]);
$text = ob_get_clean();
var_dump($rc);

foreach (['Participant view (R2)', 'Trainer view (R3)', 'Inspector (IEN) view (R4)', 'Ministry statistics (R5)',
    'Transparency page (R9)'] as $title) {
    echo $title, ': ', substr_count($text, "━━ $title "), "\n";
}
echo 'refused: ', substr_count($text, '→  refused: Magistere\\'), "\n";
echo 'not refused: ', substr_count($text, 'NOT REFUSED'), "\n";
// The participant sees one progress bar; the trainer one per participant (3 shown); the
// inspector none: the four roles differ.
[$participant, $rest] = explode('━━ Trainer view', $text, 2);
[$trainer, $rest] = explode('━━ Inspector', $rest, 2);
[$inspector, $rest] = explode('━━ Ministry', $rest, 2);
[$ministry] = explode('━━ Transparency', $rest, 2);
$bars = fn (string $s) => preg_match_all('/\[[#-]{10}\] \d+\/\d+/', $s);
echo 'bars: ', $bars($participant), ' ', $bars($trainer), ' ', $bars($inspector), ' ', $bars($ministry), "\n";
var_dump(str_contains($participant, 'My progress'), preg_match('/✘ .* failed/u', $participant) === 1);
var_dump(str_contains($inspector, 'Summary: '), preg_match('/\d+ %/', $inspector) === 0);
// One marker for every protected figure, nothing that says why; a second release protected with the first.
var_dump(str_contains($ministry, '▒▒▒'), preg_match('/primary|secondary|suppress/i', $ministry) === 0,
    str_contains($ministry, 'The next release'));
// No name of a person in the ministry's part: the names of the cast do not appear there.
$data = MagistereDemo\Academie::generate(1, 1);
$u = $data['tables']['user'][$data['meta']['cast']['participant']['userid']];
var_dump(str_contains($participant, $u['lastname']), str_contains($ministry, $u['lastname']));

$files = glob("$out/*.html");
sort($files);
echo implode(' ', array_map('basename', $files)), "\n";
$html = file_get_contents("$out/trainer.html");
var_dump(str_starts_with($html, "<!DOCTYPE html>\n<html lang=\"en\">"), substr_count($html, 'role="progressbar"') > 3,
    preg_match('/aria-valuenow="\d+"/', $html) === 1, str_contains(file_get_contents("$out/trainer.fr.html"), 'lang="fr"'));
var_dump(preg_match('//u', $html) === 1, str_contains(file_get_contents("$out/index.html"), 'href="ministry.html"'));
array_map('unlink', $files);
rmdir($out);
?>
--EXPECT--
int(0)
Participant view (R2): 1
Trainer view (R3): 1
Inspector (IEN) view (R4): 1
Ministry statistics (R5): 1
Transparency page (R9): 1
refused: 10
not refused: 0
bars: 1 3 0 0
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
index.fr.html index.html inspector.fr.html inspector.html ministry.fr.html ministry.html participant.fr.html participant.html trainer.fr.html trainer.html transparency.fr.html transparency.html
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
