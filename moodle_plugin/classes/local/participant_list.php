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
 * Filters, sorts and pages the participants of a trainer view. Pure PHP: it needs no Moodle and is tested on
 * its own. Sorting is by name only, never by progress (R8); the engine already returns people sorted by last
 * name, first name and id, so the default order costs nothing, and any other order is one sort of the list.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class participant_list {
    /** @var string[] the columns one may sort on. */
    public const SORTS = ['lastname', 'firstname'];

    /** @var int[] page sizes offered. */
    public const PAGE_SIZES = [25, 50, 100, 500];

    /**
     * Filters, sorts and slices.
     *
     * @param array $participants person arrays (id, firstname, lastname, ...) as the engine returns them
     * @param int[]|null $onlyids keep only these user ids (a group's members); null keeps everybody
     * @param string $sort 'lastname' or 'firstname'; anything else is 'lastname'
     * @param bool $descending
     * @param int $page 0-based; clamped to the last page
     * @param int $perpage at least 1
     * @param string $locale the collation locale, e.g. 'fr_FR'
     * @return array ['rows' => array, 'total' => int, 'page' => int, 'pages' => int]
     */
    public static function page(
        array $participants,
        ?array $onlyids,
        string $sort,
        bool $descending,
        int $page,
        int $perpage,
        string $locale = 'fr_FR'
    ): array {
        if ($onlyids !== null) {
            $keep = array_flip(array_map('intval', $onlyids));
            $participants = array_values(array_filter($participants, fn($p) => isset($keep[(int) $p['id']])));
        } else {
            $participants = array_values($participants);
        }
        if (!in_array($sort, self::SORTS, true)) {
            $sort = 'lastname';
        }
        if ($sort !== 'lastname' || $descending) {
            $participants = self::sort($participants, $sort, $descending, $locale);
        }
        $perpage = max(1, $perpage);
        $total = count($participants);
        $pages = max(1, (int) ceil($total / $perpage));
        $page = min(max(0, $page), $pages - 1);
        return [
            'rows' => array_slice($participants, $page * $perpage, $perpage),
            'total' => $total,
            'page' => $page,
            'pages' => $pages,
        ];
    }

    /**
     * Sorts people by one name then the other, then id, with the locale's collation.
     *
     * @param array $people
     * @param string $sort 'lastname' or 'firstname'
     * @param bool $descending
     * @param string $locale
     * @return array
     */
    public static function sort(array $people, string $sort, bool $descending, string $locale = 'fr_FR'): array {
        $other = $sort === 'firstname' ? 'lastname' : 'firstname';
        $collator = class_exists('\Collator') ? new \Collator($locale) : null;
        $compare = function (string $a, string $b) use ($collator): int {
            if ($collator !== null) {
                $result = $collator->compare($a, $b);
                if ($result !== false) {
                    return $result;
                }
            }
            return strcasecmp($a, $b);
        };
        usort($people, function ($a, $b) use ($sort, $other, $compare) {
            return $compare((string) $a[$sort], (string) $b[$sort])
                ?: $compare((string) $a[$other], (string) $b[$other])
                ?: ((int) $a['id'] <=> (int) $b['id']);
        });
        return $descending ? array_reverse($people) : $people;
    }

    /**
     * Keeps the requested user ids that are participants, in the participants' order.
     *
     * @param array $participants person arrays
     * @param int[] $requested
     * @return array ['valid' => person arrays, 'invalid' => int[] requested ids that are no participant]
     */
    public static function select(array $participants, array $requested): array {
        $wanted = array_flip(array_map('intval', $requested));
        $valid = [];
        foreach ($participants as $person) {
            if (isset($wanted[(int) $person['id']])) {
                $valid[] = $person;
                unset($wanted[(int) $person['id']]);
            }
        }
        return ['valid' => $valid, 'invalid' => array_keys($wanted)];
    }
}
