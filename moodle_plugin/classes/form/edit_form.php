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

namespace local_magistere\form;

defined('MOODLE_INTERNAL') || die();

require_once($CFG->libdir . '/formslib.php');

/**
 * Edit form of one school, circonscription or inspector. Values are checked by the same code as the imports.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class edit_form extends \moodleform {
    /**
     * The form's fields.
     */
    protected function definition() {
        $mform = $this->_form;
        $type = $this->_customdata['type'];
        $mform->addElement('hidden', 'type', $type);
        $mform->setType('type', PARAM_ALPHA);
        $mform->addElement('hidden', 'id', 0);
        $mform->setType('id', PARAM_INT);
        foreach (\local_magistere\local\record_validator::COLUMNS[$type] as $column) {
            if ($column === 'degre') {
                $mform->addElement(
                    'select',
                    $column,
                    get_string('column:degre', 'local_magistere'),
                    ['' => '', '1D' => '1D', '2D' => '2D']
                );
            } else if ($column === 'secteur') {
                $mform->addElement(
                    'select',
                    $column,
                    get_string('column:secteur', 'local_magistere'),
                    ['' => '', 'public' => get_string('secteur:public', 'local_magistere'),
                    'prive' => get_string(
                        'secteur:prive',
                        'local_magistere'
                    )]
                );
            } else {
                $mform->addElement('text', $column, get_string('column:' . $column, 'local_magistere'), ['size' => 40]);
            }
            $mform->setType($column, PARAM_TEXT);
            if (in_array($column, \local_magistere\local\record_validator::REQUIRED[$type], true)) {
                $mform->addRule($column, null, 'required', null, 'client');
            }
        }
        $this->add_action_buttons();
    }

    /**
     * Server-side checks, shared with the imports.
     *
     * @param array $data
     * @param array $files
     * @return array
     */
    public function validation($data, $files) {
        $errors = parent::validation($data, $files);
        $checked = \local_magistere\local\importer::check($data['type'], $data, (int) $data['id']);
        foreach ($checked['errors'] as [$key, $arg]) {
            $columns = \local_magistere\local\record_validator::COLUMNS[$data['type']];
            $column = in_array($key, ['error:uai', 'error:exists']) ? $columns[0] : null;
            if ($column === null) {
                foreach (\local_magistere\local\record_validator::COLUMNS[$data['type']] as $c) {
                    if (
                        $arg === $c || (isset($data[$c]) && $arg === $data[$c])
                            || (isset($data[$c]) && is_string($arg) && strtoupper((string) $data[$c]) === $arg)
                    ) {
                        $column = $c;
                        break;
                    }
                }
            }
            $column = $column ?? \local_magistere\local\record_validator::COLUMNS[$data['type']][0];
            $errors[$column] = get_string($key, 'local_magistere', $arg);
        }
        return $errors;
    }
}
