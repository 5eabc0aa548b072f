--TEST--
xml: a 1 GB statistics file is refused by its size before it is parsed; unreadable files are refused
--EXTENSIONS--
magistere
--INI--
pcre.jit=0
--SKIPIF--
<?php
if (getenv('USE_ZEND_ALLOC') === '0') {
    die('skip parses 256 MiB: too slow under valgrind');
}
?>
--FILE--
<?php
require __DIR__ . '/fixture.inc';
$dir = xml_fixture_dir('size');
// A sparse 1 GiB file: its size is known without writing it.
$fp = fopen("$dir/huge.xml", 'w');
fwrite($fp, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<statistics xmlns=\"urn:magistere:statistics:2\">");
ftruncate($fp, 1 << 30);
fclose($fp);
var_dump(filesize("$dir/huge.xml"));
xml_fixture_refusal('1 GiB file', ["$dir/huge.xml"], $dir);
unlink("$dir/huge.xml");
// Past the limit through a stream whose size is not known in advance: a gzip file that
// inflates to 272 MiB of comments (each one short, so libxml2's own limits do not apply) is
// cut off by the byte count.
$gz = gzopen("$dir/inflates.xml.gz", 'wb6');
gzwrite($gz, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<statistics xmlns=\"urn:magistere:statistics:2\""
    . " version=\"2\" scope=\"academie\" academie=\"X\" generated=\"2026-01-01T00:00:00Z\" k=\"5\">\n"
    . "<etablissements>\n");
$mib = str_repeat('<!--' . str_repeat('x', 1017) . "-->\n", 1024);
for ($i = 0; $i < 272; $i++) {
    gzwrite($gz, $mib);
}
gzclose($gz);
var_dump(filesize("$dir/inflates.xml.gz") < (16 << 20));
xml_fixture_refusal('272 MiB once inflated', ["compress.zlib://$dir/inflates.xml.gz"], $dir);
xml_fixture_refusal('no such file', ["$dir/missing.xml"], $dir);
xml_fixture_refusal('a folder', [$dir], $dir);
xml_fixture_cleanup($dir);
?>
--EXPECT--
int(1073741824)
1 GiB file: Magistere\XmlError: DIR/huge.xml: refused: 1073741824 bytes, larger than the limit of 268435456 bytes [libxml errors: none]
bool(true)
272 MiB once inflated: Magistere\XmlError: compress.zlib://DIR/inflates.xml.gz: refused: larger than 268435456 bytes [libxml errors: yes]
no such file: Magistere\XmlError: DIR/missing.xml: cannot be opened (No such file or directory) [libxml errors: none]
a folder: Magistere\XmlError: DIR: cannot be read (a folder) [libxml errors: none]
