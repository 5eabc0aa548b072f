<?php
// This file is part of Moodle - https://moodle.org/
//
// Moodle is free software: you can redistribute it and/or modify
// it under the terms of the GNU General Public License as published by
// the Free Software Foundation, either version 3 of the License, or
// (at your option) any later version.
//
// Moodle is distributed in the hope that it will be useful,
// but WITHOUT ANY WARRANTY; without even the implied warranty of
// MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
// GNU General Public License for more details.
//
// You should have received a copy of the GNU General Public License
// along with Moodle.  If not, see <https://www.gnu.org/licenses/>.

namespace local_magistere\output;

/**
 * Every template documents a valid example context and renders it.
 *
 * @package    local_magistere
 * @category   test
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @coversNothing
 */
final class templates_test extends \advanced_testcase {
    /**
     * The plugin's templates.
     *
     * @return array
     */
    public static function templates(): array {
        $result = [];
        foreach (glob(__DIR__ . '/../../templates/*.mustache') as $file) {
            $result[basename($file, '.mustache')] = [basename($file, '.mustache')];
        }
        return $result;
    }

    /**
     * The documentation comment holds the whole example (no "}}" closes it early), the example is JSON and
     * the template renders it without leaving mustache tags or the example in the output.
     *
     * @dataProvider templates
     * @param string $name
     */
    public function test_example_context(string $name): void {
        global $PAGE;
        $this->resetAfterTest();
        $source = file_get_contents(__DIR__ . "/../../templates/$name.mustache");
        $start = strpos($source, '@template local_magistere/' . $name);
        $this->assertNotFalse($start, 'the @template line');
        $end = strpos($source, '}}', $start);
        $doc = substr($source, $start, $end - $start);
        $this->assertMatchesRegularExpression('/Example context \(json\):/', $doc);
        $json = substr($doc, strpos($doc, 'Example context (json):') + strlen('Example context (json):'));
        $context = json_decode(trim($json));
        $this->assertNotNull($context, json_last_error_msg());

        $PAGE->set_url('/local/magistere/index.php');
        $PAGE->set_context(\context_system::instance());
        $html = $PAGE->get_renderer('local_magistere')->render_from_template("local_magistere/$name", $context);
        $this->assertNotSame('', trim($html));
        $this->assertStringNotContainsString('{{', $html);
        $this->assertStringNotContainsString('Example context', $html);
    }
}
