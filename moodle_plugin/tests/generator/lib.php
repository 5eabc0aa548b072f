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

/**
 * Data generator of local_magistere: circonscriptions, schools, inspectors, marks, and whole parcours with
 * tracked activities, a forecast duration and teachers attached to schools.
 *
 * @package    local_magistere
 * @category   test
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class local_magistere_generator extends component_generator_base {
    /** @var int counter for default codes. */
    protected $count = 0;

    /**
     * Creates a circonscription.
     *
     * @param array $record code, name, departement, academie
     * @return stdClass
     */
    public function create_circ(array $record = []): stdClass {
        global $DB;
        $this->count++;
        $record += ['code' => 'C' . $this->count, 'name' => 'Circonscription ' . $this->count, 'departement' => '69',
            'academie' => 'Lyon'];
        $record['id'] = $DB->insert_record('local_magistere_circ', (object) $record);
        return (object) $record;
    }

    /**
     * Creates a school.
     *
     * @param array $record uai, name, city, circonscription, departement, academie, degre, secteur
     * @return stdClass
     */
    public function create_school(array $record): stdClass {
        global $DB;
        $this->count++;
        $record += ['name' => 'École ' . $this->count, 'city' => 'Lyon', 'departement' => '69', 'academie' => 'Lyon',
            'degre' => '1D', 'secteur' => 'public'];
        $record['id'] = $DB->insert_record('local_magistere_school', (object) $record);
        return (object) $record;
    }

    /**
     * Makes a user inspector of a circonscription.
     *
     * @param array $record userid, circonscription
     * @return stdClass
     */
    public function create_inspector(array $record): stdClass {
        global $DB;
        $record['id'] = $DB->insert_record('local_magistere_inspector', (object) $record);
        return (object) $record;
    }

    /**
     * The school profile field (created on first use).
     *
     * @return int its id
     */
    public function school_field(): int {
        global $DB;
        $shortname = get_config('local_magistere', 'schoolfield') ?: 'rne';
        $id = $DB->get_field('user_info_field', 'id', ['shortname' => $shortname]);
        if ($id) {
            return (int) $id;
        }
        $field = $this->datagenerator->create_custom_profile_field(['datatype' => 'text', 'shortname' => $shortname,
            'name' => 'RNE', 'categoryid' => 1]);
        return (int) $field->id;
    }

    /**
     * Sets a user's school UAI in his profile.
     *
     * @param int $userid
     * @param string $uai
     */
    public function set_school(int $userid, string $uai): void {
        global $DB;
        $fieldid = $this->school_field();
        $existing = $DB->get_record('user_info_data', ['userid' => $userid, 'fieldid' => $fieldid]);
        if ($existing) {
            $DB->set_field('user_info_data', 'data', $uai, ['id' => $existing->id]);
        } else {
            $DB->insert_record('user_info_data', (object) ['userid' => $userid, 'fieldid' => $fieldid, 'data' => $uai,
                'dataformat' => 0]);
        }
    }

    /**
     * Sets the forecast duration of a course (the field is created on install).
     *
     * @param int $courseid
     * @param int|null $minutes null removes it
     */
    public function set_duration(int $courseid, ?int $minutes): void {
        global $DB;
        $fieldid = \local_magistere\local\duration_field::ensure_exists();
        $DB->delete_records('customfield_data', ['fieldid' => $fieldid, 'instanceid' => $courseid]);
        if ($minutes === null) {
            return;
        }
        $DB->insert_record('customfield_data', (object) [
            'fieldid' => $fieldid, 'instanceid' => $courseid, 'intvalue' => null, 'decvalue' => $minutes,
            'shortcharvalue' => null, 'charvalue' => null, 'value' => (string) $minutes, 'valueformat' => 0,
            'valuetrust' => 0, 'timecreated' => time(), 'timemodified' => time(),
            'contextid' => \context_course::instance($courseid)->id,
        ]);
    }

    /**
     * Creates a parcours: a course with completion, activities with completion tracking, a duration, trainers
     * and participants.
     *
     * @param array $options activities (int, default 3), duration (?int minutes, default 180), trainers (int,
     *      default 1), participants (int, default 3), course (array of course fields)
     * @return stdClass course, activities (cm records in order), trainers and participants (user records)
     */
    public function create_parcours(array $options = []): stdClass {
        $options += ['activities' => 3, 'duration' => 180, 'trainers' => 1, 'participants' => 3, 'course' => []];
        $course = $this->datagenerator->create_course($options['course'] + ['enablecompletion' => 1]);
        $activities = [];
        for ($i = 0; $i < $options['activities']; $i++) {
            $page = $this->datagenerator->create_module('page', ['course' => $course->id,
                'name' => 'Activity ' . ($i + 1), 'completion' => COMPLETION_TRACKING_MANUAL]);
            $activities[] = get_coursemodule_from_id('page', $page->cmid, $course->id, false, MUST_EXIST);
        }
        $this->set_duration((int) $course->id, $options['duration']);
        $result = (object) ['course' => $course, 'activities' => $activities, 'trainers' => [], 'participants' => []];
        for ($i = 0; $i < $options['trainers']; $i++) {
            $user = $this->datagenerator->create_user(['firstname' => 'Trainer' . $i, 'lastname' => 'Formateur' . $i]);
            $this->datagenerator->enrol_user($user->id, $course->id, 'editingteacher');
            $result->trainers[] = $user;
        }
        for ($i = 0; $i < $options['participants']; $i++) {
            $user = $this->datagenerator->create_user(['firstname' => 'Part' . $i,
                'lastname' => 'Participant' . chr(ord('A') + $i % 26) . $i]);
            $this->datagenerator->enrol_user($user->id, $course->id, 'student');
            $result->participants[] = $user;
        }
        return $result;
    }

    /**
     * Marks an activity's completion state for a user, as Moodle's completion API does.
     *
     * @param stdClass $cm
     * @param int $userid
     * @param int $state COMPLETION_COMPLETE, _COMPLETE_PASS, _COMPLETE_FAIL or _INCOMPLETE
     */
    public function set_completion(stdClass $cm, int $userid, int $state): void {
        global $DB;
        $existing = $DB->get_record('course_modules_completion', ['coursemoduleid' => $cm->id, 'userid' => $userid]);
        $record = (object) ['coursemoduleid' => $cm->id, 'userid' => $userid, 'completionstate' => $state,
            'overrideby' => null, 'timemodified' => time()];
        if ($existing) {
            $record->id = $existing->id;
            $DB->update_record('course_modules_completion', $record);
        } else {
            $DB->insert_record('course_modules_completion', $record);
        }
    }
}
