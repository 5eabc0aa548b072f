<?php
// This file is part of magistere: what the browser tests read in a downloaded file, with PHP's own XML and ZIP readers
// (node has neither). Run by scripts/browser/lib/moodle.js with the PHP CLI; no Moodle involved.
//
//   php files.php xml FILE    checks FILE is well-formed XML; prints JSON {root, namespace}; exit 1 with the parser's
//                             errors when it is not
//   php files.php ods FILE    reads an OpenDocument spreadsheet: its content.xml must be well-formed; prints JSON, the
//                             rows of its first sheet as arrays of cell texts (repeated cells and rows expanded,
//                             trailing empty cells dropped)
//
// @copyright  2026 magistere contributors
// @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later

$what = $argv[1] ?? '';
$file = $argv[2] ?? '';
if (!in_array($what, ['xml', 'ods'], true) || !is_file($file)) {
    fwrite(STDERR, "usage: php files.php xml|ods FILE\n");
    exit(2);
}

/**
 * Parses XML text, or exits 1 with libxml's errors.
 *
 * @param string $xml
 * @param string $name what it is, for the errors
 * @return DOMDocument
 */
function files_parse(string $xml, string $name): DOMDocument {
    libxml_use_internal_errors(true);
    $doc = new DOMDocument();
    if (!$doc->loadXML($xml, LIBXML_NONET) || libxml_get_errors()) {
        foreach (libxml_get_errors() as $error) {
            fwrite(STDERR, "$name:{$error->line}: " . trim($error->message) . "\n");
        }
        fwrite(STDERR, "$name is not well-formed XML\n");
        exit(1);
    }
    return $doc;
}

if ($what === 'xml') {
    $doc = files_parse(file_get_contents($file), $file);
    echo json_encode(['root' => $doc->documentElement->localName,
        'namespace' => $doc->documentElement->namespaceURI]), "\n";
    exit(0);
}

$zip = new ZipArchive();
if ($zip->open($file) !== true) {
    fwrite(STDERR, "$file is not a ZIP archive\n");
    exit(1);
}
$mimetype = $zip->getFromName('mimetype');
$content = $zip->getFromName('content.xml');
$zip->close();
if ($mimetype !== 'application/vnd.oasis.opendocument.spreadsheet' || $content === false) {
    fwrite(STDERR, "$file is not an OpenDocument spreadsheet (mimetype " . var_export($mimetype, true) . ")\n");
    exit(1);
}
$doc = files_parse($content, "$file:content.xml");
$xpath = new DOMXPath($doc);
$xpath->registerNamespace('table', 'urn:oasis:names:tc:opendocument:xmlns:table:1.0');
$sheet = $xpath->query('//table:table')->item(0);
$rows = [];
foreach ($sheet ? $xpath->query('.//table:table-row', $sheet) : [] as $row) {
    $cells = [];
    foreach ($xpath->query('table:table-cell|table:covered-table-cell', $row) as $cell) {
        $repeat = max(1, (int) $cell->getAttributeNS('urn:oasis:names:tc:opendocument:xmlns:table:1.0',
            'number-columns-repeated'));
        $cells = array_merge($cells, array_fill(0, min($repeat, 1000), trim($cell->textContent)));
    }
    while ($cells && end($cells) === '') {
        array_pop($cells);
    }
    $repeat = max(1, (int) $row->getAttributeNS('urn:oasis:names:tc:opendocument:xmlns:table:1.0',
        'number-rows-repeated'));
    if ($cells || $repeat === 1) {
        for ($i = 0; $i < min($repeat, 1000); $i++) {
            $rows[] = $cells;
        }
    }
}
while ($rows && end($rows) === []) {
    array_pop($rows);
}
echo json_encode($rows, JSON_UNESCAPED_UNICODE), "\n";
