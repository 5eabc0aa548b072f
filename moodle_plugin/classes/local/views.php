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

namespace local_magistere\local;

/**
 * The site-level views, each behind its capability: the inspector's (R4), the statistics (R5), the
 * transparency page (R9) and "my trainings". Pages call these; so do the tests, for each capability allowed
 * and refused.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class views {
    /**
     * The inspector's view of his circonscription(s).
     *
     * @param int $userid
     * @param string $circ '' for all of his circonscriptions
     * @return array the engine's inspectorView()
     */
    public static function circonscription(int $userid, string $circ = ''): array {
        require_capability('local/magistere:viewcirconscription', \context_system::instance(), $userid);
        return engine::inspector_view($userid, $circ !== '' ? $circ : null);
    }

    /**
     * The statistics releases the ministry may see, oldest first (R5): published ones only, never live figures.
     *
     * @param int $userid
     * @return \stdClass[] id => record (id, generated, k, academie, cells, timecreated)
     */
    public static function statistics_releases(int $userid): array {
        require_capability('local/magistere:viewstatistics', \context_system::instance(), $userid);
        return releases::all();
    }

    /**
     * One published release, as the engine reads it back (Statistics::read()).
     *
     * @param int $userid
     * @param int $releaseid
     * @return array
     */
    public static function statistics_release(int $userid, int $releaseid): array {
        require_capability('local/magistere:viewstatistics', \context_system::instance(), $userid);
        return releases::read(releases::get($releaseid));
    }

    /**
     * The exchange file of one published release, as it was published.
     *
     * @param int $userid
     * @param int $releaseid
     * @return \stdClass the record, with content
     */
    public static function statistics_release_file(int $userid, int $releaseid): \stdClass {
        require_capability('local/magistere:viewstatistics', \context_system::instance(), $userid);
        return releases::get($releaseid);
    }

    /**
     * Publishes a release now, protected with every earlier one.
     *
     * @param int $userid
     * @return \stdClass the new release
     */
    public static function publish_statistics(int $userid): \stdClass {
        require_capability('local/magistere:publishstatistics', \context_system::instance(), $userid);
        return releases::publish();
    }

    /**
     * What each role sees about the user in a parcours. In separate groups, the trainers listed as seeing him
     * are those who do ({@see groups::trainers_seeing()}).
     *
     * @param int $userid
     * @param int $courseid
     * @return array the engine's transparency()
     */
    public static function transparency(int $userid, int $courseid): array {
        require_capability('local/magistere:viewtransparency', \context_course::instance($courseid), $userid);
        $view = engine::transparency($userid, $courseid);
        $view['trainers']['who'] = groups::trainers_seeing(get_course($courseid), $userid, $view['trainers']['who']);
        return $view;
    }

    /**
     * The user's own parcours.
     *
     * @param int $userid
     * @return array what my_trainings::for_user() returns
     */
    public static function my_trainings(int $userid): array {
        require_capability('local/magistere:viewmytrainings', \context_system::instance(), $userid);
        return my_trainings::for_user($userid);
    }
}
