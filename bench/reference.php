<?php
/**
 * The reference: the views of docs/api.md written in plain PHP over mysqli, the way a good PHP
 * developer would write them: a handful of set-based, parameterised queries per view (no query
 * per user), aggregation pushed into the database where SQL does it well, and PHP arrays for the
 * rest. It returns exactly the arrays the extension returns (the runner checks it), so the two
 * can be timed side by side.
 */

declare(strict_types=1);

namespace MagistereBench;

require_once __DIR__ . '/lib.php';

final class Reference
{
    private string $p;

    public function __construct(private \mysqli $db, private Settings $s)
    {
        $this->p = prefix();
    }

    /* ------------------------------------------------------------------------ shared SQL */

    /** SQL: is the user of `ue`... an active enrolment of course $courseCol (3 parameters: now, now). */
    private function activeEnrolment(string $courseCol, string $userCol): string
    {
        $p = $this->p;
        return "EXISTS (SELECT 1 FROM {$p}user_enrolments ue JOIN {$p}enrol e ON e.id = ue.enrolid"
            . " WHERE e.courseid = $courseCol AND ue.userid = $userCol AND e.status = 0 AND ue.status = 0"
            . " AND ue.timestart <= ? AND (ue.timeend = 0 OR ue.timeend > ?))";
    }

    /**
     * SQL of the members of parcours: (courseid, userid, trainer 0/1) for every active user with a
     * role in a course context and an active enrolment. $where restricts the role assignments.
     * Parameters: trainer roles, all roles, [where params], now, now.
     */
    private function membersSql(string $where): string
    {
        $p = $this->p;
        $nt = count($this->s->trainerRoles);
        $na = $nt + count($this->s->participantRoles);
        return "SELECT x.instanceid AS courseid, ra.userid, MAX(r.shortname IN (" . marks($nt) . ")) AS trainer"
            . " FROM {$p}role_assignments ra"
            . " JOIN {$p}context x ON x.id = ra.contextid AND x.contextlevel = 50"
            . " JOIN {$p}role r ON r.id = ra.roleid AND r.shortname IN (" . marks($na) . ")"
            . " JOIN {$p}user u ON u.id = ra.userid AND u.deleted = 0 AND u.suspended = 0"
            . " WHERE $where AND " . $this->activeEnrolment('x.instanceid', 'ra.userid')
            . " GROUP BY x.instanceid, ra.userid";
    }

    private function roleParams(): array
    {
        return [...$this->s->trainerRoles, ...$this->s->trainerRoles, ...$this->s->participantRoles];
    }

    /**
     * SQL of the participations (docs/rules.md): (courseid, userid) of every current participant
     * (a member without a trainer role) and of every training record (a finished mark of a user who
     * is not deleted). $where restricts the role assignments, $markWhere the marks.
     * Parameters: trainer roles, all roles, [where params], now, now, [markWhere params].
     */
    private function participationsSql(string $where, string $markWhere): string
    {
        $p = $this->p;
        return "SELECT courseid, userid FROM (SELECT m.courseid, m.userid FROM (" . $this->membersSql($where) . ") m"
            . " WHERE m.trainer = 0"
            . " UNION SELECT mk.courseid, mk.userid FROM {$p}local_magistere_mark mk"
            . " JOIN {$p}course c ON c.id = mk.courseid JOIN {$p}user mu ON mu.id = mk.userid AND mu.deleted = 0"
            . " WHERE mk.finished <> 0 AND $markWhere) pp";
    }

    /** course rows (id, shortname, fullname, duration_minutes) for the given ids, by id. */
    private function courses(array $ids): array
    {
        if (!$ids) {
            return [];
        }
        $p = $this->p;
        $rows = fetchAll($this->db,
            "SELECT c.id, c.shortname, c.fullname, d.decvalue, d.value FROM {$p}course c"
            . " LEFT JOIN {$p}customfield_field f ON f.shortname = ?"
            . " LEFT JOIN {$p}customfield_data d ON d.fieldid = f.id AND d.instanceid = c.id"
            . " WHERE c.id IN (" . marks(count($ids)) . ") ORDER BY c.id",
            [$this->s->durationField, ...$ids]);
        $out = [];
        foreach ($rows as $r) {
            $out[$r['id']] = [
                'id' => $r['id'],
                'shortname' => $r['shortname'],
                'fullname' => $r['fullname'],
                'duration_minutes' => duration($r['decvalue'], $r['value']),
            ];
        }
        return $out;
    }

    private function schoolFieldId(): int
    {
        $rows = fetchAll($this->db, "SELECT id FROM {$this->p}user_info_field WHERE shortname = ?",
            [$this->s->schoolField]);
        return $rows ? (int) $rows[0]['id'] : 0;
    }

    private static function mark(?array $m, bool $withBy): array
    {
        $fin = $m !== null && (int) $m['finished'] !== 0;
        $out = [
            'finished' => $fin,
            'credited_minutes' => $fin && $m['creditedminutes'] !== null ? (int) $m['creditedminutes'] : null,
            'time' => $m !== null ? (int) $m['timemodified'] : null,
        ];
        if ($withBy) {
            $out['by'] = $m !== null && (int) $m['modifiedby'] !== 0 ? (int) $m['modifiedby'] : null;
        }
        return $out;
    }

    /* ------------------------------------------------------------------------ trainer (R3) */

    public function trainerView(int $viewerId, int $courseId): array
    {
        $p = $this->p;
        $courses = $this->courses([$courseId]);
        if (!$courses) {
            throw new Refused("no parcours $courseId");
        }
        $fieldid = $this->schoolFieldId();
        // Members with their names and schools: one query.
        $members = fetchAll($this->db,
            "SELECT m.userid AS id, m.trainer, u.firstname, u.lastname, s.uai, s.name AS sname, s.city"
            . " FROM (" . $this->membersSql('x.instanceid = ?') . ") m"
            . " JOIN {$p}user u ON u.id = m.userid"
            . " LEFT JOIN {$p}user_info_data d ON d.userid = m.userid AND d.fieldid = ?"
            . " LEFT JOIN {$p}local_magistere_school s ON s.uai = TRIM(d.data)",
            [...$this->roleParams(), $courseId, $this->s->now, $this->s->now, $fieldid]);
        $trainers = [];
        $parts = [];
        $viewer = null;
        foreach ($members as $m) {
            if ((int) $m['trainer'] === 1) {
                $trainers[] = $m;
                if ($m['id'] === $viewerId) {
                    $viewer = $m;
                }
            } else {
                $parts[] = $m;
            }
        }
        if ($viewer === null) {
            throw new Refused("user $viewerId is not a trainer of parcours $courseId");
        }
        sortPeople($trainers);
        sortPeople($parts);

        // Moodle's tracked activities (get_activities()), in course order.
        $enabled = (int) fetchAll($this->db, "SELECT enablecompletion FROM {$p}course WHERE id = ?",
            [$courseId])[0]['enablecompletion'] !== 0;
        $acts = !$enabled ? [] : moodleActivities(
            fetchAll($this->db,
                "SELECT cm.id AS cmid, m.name AS module, m.visible AS mvisible, cm.completion, cm.deletioninprogress"
                . " FROM {$p}course_modules cm JOIN {$p}modules m ON m.id = cm.module WHERE cm.course = ?", [$courseId]),
            fetchAll($this->db, "SELECT id, section, sequence FROM {$p}course_sections WHERE course = ?", [$courseId]));
        $col = [];
        foreach ($acts as $i => $a) {
            $col[$a['cmid']] = $i;
        }
        $nact = count($acts);

        // Completion states of the course, one query; what Moodle counts done (count_modules_completed():
        // state 1 or 2 on any module of the course), one query; course completion, one query.
        $states = [];
        $st = $this->db->prepare(
            "SELECT cmc.userid, cmc.coursemoduleid, cmc.completionstate FROM {$p}course_modules_completion cmc"
            . " JOIN {$p}course_modules cm ON cm.id = cmc.coursemoduleid WHERE cm.course = ?");
        $st->bind_param('i', $courseId);
        $st->execute();
        $st->bind_result($uid, $cmid, $state);
        while ($st->fetch()) {
            if (isset($col[$cmid])) {
                $states[$uid][$col[$cmid]] = $state;
            }
        }
        $st->close();
        $done = [];
        $complete = [];
        if ($enabled) {
            foreach (fetchAll($this->db,
                "SELECT cmc.userid, COUNT(*) AS n FROM {$p}course_modules_completion cmc"
                . " JOIN {$p}course_modules cm ON cm.id = cmc.coursemoduleid"
                . " WHERE cm.course = ? AND cmc.completionstate IN (1, 2) GROUP BY cmc.userid", [$courseId]) as $r) {
                $done[$r['userid']] = (int) $r['n'];
            }
            foreach (fetchAll($this->db,
                "SELECT userid FROM {$p}course_completions WHERE course = ? AND timecompleted IS NOT NULL"
                . " AND timecompleted <> 0", [$courseId]) as $r) {
                $complete[$r['userid']] = true;
            }
        }

        $marks = [];
        foreach (fetchAll($this->db,
            "SELECT userid, finished, creditedminutes, timemodified, modifiedby FROM {$p}local_magistere_mark"
            . " WHERE courseid = ?", [$courseId]) as $m) {
            $marks[$m['userid']] = $m;
        }

        $rows = [];
        $finished = 0;
        $blank = array_fill(0, $nact, 0);
        foreach ($parts as $u) {
            $row = isset($states[$u['id']]) ? array_replace($blank, $states[$u['id']]) : $blank;
            $labels = [];
            foreach ($row as $s) {
                $labels[] = STATES[$s] ?? 'incomplete';
            }
            $udone = $done[$u['id']] ?? 0;
            $ucomplete = isset($complete[$u['id']]);
            $mark = self::mark($marks[$u['id']] ?? null, true);
            if ($mark['finished']) {
                $finished++;
            }
            $rows[] = [
                'id' => $u['id'],
                'firstname' => $u['firstname'],
                'lastname' => $u['lastname'],
                'school' => $u['uai'] === null ? null
                    : ['uai' => uai($u['uai']), 'name' => $u['sname'], 'city' => $u['city']],
                'progress' => [
                    'done' => $udone,
                    'tracked' => $nact,
                    'percent' => moodlePercent($enabled, $ucomplete, $udone, $nact),
                    'completion_enabled' => $enabled,
                    'course_complete' => $enabled && $ucomplete,
                    'states' => $labels,
                ],
                'mark' => $mark,
            ];
        }
        return [
            'course' => $courses[$courseId],
            'viewer' => person($viewer) + ['role' => 'trainer'],
            'activities' => array_map(static fn (array $a): array
                => ['cmid' => $a['cmid'], 'module' => $a['module'], 'section' => $a['section']], $acts),
            'trainers' => array_map(__NAMESPACE__ . '\person', $trainers),
            'participants' => $rows,
            'summary' => ['participants' => count($rows), 'finished' => $finished],
        ];
    }

    /* ---------------------------------------------------------------------- inspector (R4) */

    public function inspectorView(int $viewerId, ?string $circ = null): array
    {
        $p = $this->p;
        $viewer = fetchAll($this->db, "SELECT id, firstname, lastname FROM {$p}user WHERE id = ?", [$viewerId]);
        if (!$viewer) {
            throw new Refused("no user $viewerId");
        }
        $circs = fetchAll($this->db,
            "SELECT c.code, c.name, c.departement, c.academie FROM {$p}local_magistere_inspector i"
            . " JOIN {$p}local_magistere_circ c ON TRIM(c.code) = TRIM(i.circonscription)"
            . " WHERE i.userid = ? ORDER BY c.id", [$viewerId]);
        if (!$circs) {
            throw new Refused("user $viewerId is not an inspector");
        }
        if ($circ !== null && trim($circ) !== '') {
            $circs = array_values(array_filter($circs, static fn ($c) => trim($c['code']) === trim($circ)));
            if (!$circs) {
                throw new Refused("user $viewerId is not the inspector of $circ");
            }
        }
        $codes = array_map(static fn ($c) => trim($c['code']), $circs);
        $fieldid = $this->schoolFieldId();

        // His teachers' participations (current participants and training records, with school and
        // mark): one query.
        $teachersSql = "SELECT d0.userid FROM {$p}user_info_data d0 JOIN {$p}local_magistere_school s0"
            . " ON s0.uai = TRIM(d0.data) AND TRIM(s0.circonscription) IN (" . marks(count($codes)) . ")"
            . " WHERE d0.fieldid = ?";
        $rows = fetchAll($this->db,
            "SELECT t.courseid, t.userid AS id, u.firstname, u.lastname, s.uai, s.name AS sname, s.city,"
            . " TRIM(s.circonscription) AS circ, mk.finished, mk.creditedminutes"
            . " FROM (" . $this->participationsSql("ra.userid IN ($teachersSql)", "mk.userid IN ($teachersSql)") . ") t"
            . " JOIN {$p}user u ON u.id = t.userid"
            . " JOIN {$p}user_info_data d ON d.userid = t.userid AND d.fieldid = ?"
            . " JOIN {$p}local_magistere_school s ON s.uai = TRIM(d.data)"
            . " LEFT JOIN {$p}local_magistere_mark mk ON mk.courseid = t.courseid AND mk.userid = t.userid"
            . " ORDER BY t.courseid",
            [...$this->roleParams(), ...$codes, $fieldid, $this->s->now, $this->s->now, ...$codes, $fieldid, $fieldid]);

        $teachers = [];
        $courseIds = [];
        $sum = ['teachers' => 0, 'enrolments' => 0, 'finished' => 0, 'credited_minutes' => 0];
        foreach ($rows as $r) {
            $id = $r['id'];
            if (!isset($teachers[$id])) {
                $teachers[$id] = [
                    'id' => $id,
                    'firstname' => $r['firstname'],
                    'lastname' => $r['lastname'],
                    'school' => ['uai' => uai($r['uai']), 'name' => $r['sname'], 'city' => $r['city'],
                        'circonscription' => $r['circ']],
                    'enrolments' => [],
                ];
            }
            $fin = $r['finished'] !== null && (int) $r['finished'] !== 0;
            $credited = $fin && $r['creditedminutes'] !== null ? (int) $r['creditedminutes'] : null;
            $teachers[$id]['enrolments'][] = [
                'courseid' => $r['courseid'],
                'status' => $fin ? 'finished' : 'enrolled',
                'credited_minutes' => $credited,
            ];
            $courseIds[$r['courseid']] = true;
            $sum['enrolments']++;
            if ($fin) {
                $sum['finished']++;
                $sum['credited_minutes'] += $credited ?? 0;
            }
        }
        $teachers = array_values($teachers);
        sortPeople($teachers);
        $sum['teachers'] = count($teachers);

        // The parcours and their trainers: two queries.
        $ids = array_keys($courseIds);
        $courses = $this->courses($ids);
        $trainers = [];
        if ($ids) {
            // A trainer role is enough to be a trainer: no need to look at the other roles.
            foreach (fetchAll($this->db,
                "SELECT DISTINCT x.instanceid AS courseid, u.id, u.firstname, u.lastname"
                . " FROM {$p}context x JOIN {$p}role_assignments ra ON ra.contextid = x.id"
                . " JOIN {$p}role r ON r.id = ra.roleid AND r.shortname IN (" . marks(count($this->s->trainerRoles)) . ")"
                . " JOIN {$p}user u ON u.id = ra.userid AND u.deleted = 0 AND u.suspended = 0"
                . " WHERE x.contextlevel = 50 AND x.instanceid IN (" . marks(count($ids)) . ")"
                . " AND " . $this->activeEnrolment('x.instanceid', 'u.id'),
                [...$this->s->trainerRoles, ...$ids, $this->s->now, $this->s->now]) as $t) {
                $trainers[$t['courseid']][] = $t;
            }
        }
        $parcours = [];
        foreach ($courses as $id => $c) {
            $list = $trainers[$id] ?? [];
            sortPeople($list);
            $c['trainers'] = array_map(__NAMESPACE__ . '\person', $list);
            $parcours[] = $c;
        }
        $keys = [];
        foreach ($parcours as $i => $c) {
            $keys[$i] = valueKey($c['fullname']) . "\0" . sprintf('%020d', $c['id']);
        }
        asort($keys, SORT_STRING);
        $parcours = array_map(static fn ($i) => $parcours[$i], array_keys($keys));

        return [
            'viewer' => person($viewer[0]) + ['role' => 'inspector'],
            'circonscriptions' => array_map(static fn ($c) => ['code' => trim($c['code']), 'name' => $c['name'],
                'departement' => $c['departement'], 'academie' => $c['academie']], $circs),
            'parcours' => $parcours,
            'teachers' => $teachers,
            'summary' => $sum,
        ];
    }

    /* --------------------------------------------------------------------- statistics (R5) */

    /** The release of docs/statistics.md (both tables, no earlier release). */
    public function statistics(?int $k = null): array
    {
        [$schools, $parts, $dated, $undated] = $this->statisticsInput();
        return statisticsRelease($schools, $parts, $dated, $undated, $k ?? $this->s->k, $this->s->now);
    }

    /**
     * What the statistics are computed from: the directory's paths, every participation with
     * its school's path, the parcours with a forecast duration (see statisticsRelease()).
     */
    public function statisticsInput(): array
    {
        $p = $this->p;
        // Every active participation with its school's path, in a temporary table.
        $this->db->query('DROP TEMPORARY TABLE IF EXISTS bench_stats');
        $st = $this->db->prepare(
            "CREATE TEMPORARY TABLE bench_stats AS"
            . " SELECT m.courseid, m.userid, c.shortname, s.uai IS NOT NULL AS known,"
            . " COALESCE(s.academie, '') AS academie, COALESCE(s.degre, '') AS degre, COALESCE(s.secteur, '') AS secteur,"
            . " COALESCE(s.departement, '') AS departement, COALESCE(TRIM(s.circonscription), '') AS circ,"
            . " CASE WHEN mk.finished <> 0 THEN 1 ELSE 0 END AS finished,"
            . " CASE WHEN mk.finished <> 0 THEN COALESCE(mk.creditedminutes, 0) ELSE 0 END AS credited"
            . " FROM (" . $this->participationsSql('1 = 1', '1 = 1') . ") m"
            . " JOIN {$p}course c ON c.id = m.courseid"
            . " LEFT JOIN {$p}user_info_data d ON d.userid = m.userid AND d.fieldid = ?"
            . " LEFT JOIN {$p}local_magistere_school s ON s.uai = TRIM(d.data)"
            . " LEFT JOIN {$p}local_magistere_mark mk ON mk.courseid = m.courseid AND mk.userid = m.userid");
        $params = [...$this->roleParams(), $this->s->now, $this->s->now, $this->schoolFieldId()];
        $st->bind_param(str_repeat('s', count($params)), ...array_map('strval', $params));
        $st->execute();
        $st->close();
        $parts = [];
        $res = $this->db->query('SELECT userid, shortname, known, academie, degre, secteur, departement, circ, finished, credited'
            . ' FROM bench_stats');
        while ($r = $res->fetch_row()) {
            $parts[] = ['user' => (int) $r[0], 'parcours' => $r[1], 'path' => $r[2] ? [$r[3], $r[4], $r[5], $r[6], $r[7]] : null,
                'finished' => (int) $r[8] === 1, 'credited' => (int) $r[9]];
        }
        $res->free();
        $this->db->query('DROP TEMPORARY TABLE bench_stats');
        // The frame: the directory's paths, the parcours with a forecast duration.
        $schools = [];
        $res = $this->db->query("SELECT academie, degre, secteur, departement, TRIM(circonscription) FROM {$p}local_magistere_school");
        while ($r = $res->fetch_row()) {
            $schools[] = $r;
        }
        $res->free();
        $dated = [];
        foreach (fetchAll($this->db, "SELECT c.shortname, d.decvalue, d.value FROM {$p}course c"
            . " JOIN {$p}customfield_field f ON f.shortname = ?"
            . " JOIN {$p}customfield_data d ON d.fieldid = f.id AND d.instanceid = c.id", [$this->s->durationField]) as $r) {
            if (duration($r['decvalue'], $r['value']) !== null) {
                $dated[] = $r['shortname'];
            }
        }
        $courses = (int) $this->db->query("SELECT COUNT(*) FROM {$p}course")->fetch_row()[0];
        return [$schools, $parts, $dated, $courses > count($dated)];
    }

    /* ------------------------------------------------------------------------ attestations */

    /** Writes the attestation file of every parcours to $path; returns the participants written. */
    public function writeAttestations(string $path): int
    {
        $p = $this->p;
        $st = $this->db->prepare(
            "SELECT m.courseid, u.id, u.firstname, u.lastname, u.idnumber, s.uai,"
            . " mk.finished, mk.creditedminutes, mk.timemodified, mk.modifiedby, mu.firstname AS byfirst, mu.lastname AS bylast"
            . " FROM (" . $this->participationsSql('1 = 1', '1 = 1') . ") m"
            . " JOIN {$p}user u ON u.id = m.userid"
            . " LEFT JOIN {$p}user_info_data d ON d.userid = m.userid AND d.fieldid = ?"
            . " LEFT JOIN {$p}local_magistere_school s ON s.uai = TRIM(d.data)"
            . " LEFT JOIN {$p}local_magistere_mark mk ON mk.courseid = m.courseid AND mk.userid = m.userid"
            . " LEFT JOIN {$p}user mu ON mu.id = mk.modifiedby"
            . " ORDER BY m.courseid");
        $params = [...$this->roleParams(), $this->s->now, $this->s->now, $this->schoolFieldId()];
        $st->bind_param(str_repeat('s', count($params)), ...array_map('strval', $params));
        $st->execute();
        $res = $st->get_result();
        $byCourse = [];
        while ($r = $res->fetch_assoc()) {
            $byCourse[$r['courseid']][] = $r;
        }
        $st->close();
        $courses = $this->courses(array_keys($byCourse));

        $w = new \XMLWriter();
        $w->openUri($path);
        $w->startDocument('1.0', 'UTF-8');
        $w->startElementNs(null, 'attestations', 'urn:magistere:attestations:1');
        $w->writeAttribute('version', '1');
        $w->writeAttribute('generated', isoTime(time()));
        $w->writeAttribute('generator', 'magistere-bench reference');
        $n = 0;
        foreach ($courses as $id => $c) {
            $w->startElement('parcours');
            $w->writeAttribute('id', (string) $id);
            $w->writeAttribute('shortname', $c['shortname']);
            $w->writeAttribute('fullname', $c['fullname']);
            if ($c['duration_minutes'] !== null) {
                $w->writeAttribute('forecast-minutes', (string) $c['duration_minutes']);
            }
            $people = $byCourse[$id];
            sortPeople($people);
            foreach ($people as $u) {
                $w->startElement('participant');
                $w->writeAttribute('lastname', $u['lastname']);
                $w->writeAttribute('firstname', $u['firstname']);
                $idn = trim($u['idnumber']);
                if ($idn !== '') {
                    $w->writeAttribute('idnumber', $idn);
                }
                if ($u['uai'] !== null) {
                    $w->writeAttribute('uai', uai($u['uai']));
                }
                $fin = $u['finished'] !== null && (int) $u['finished'] !== 0;
                $w->writeAttribute('finished', $fin ? 'true' : 'false');
                if ($fin && $u['creditedminutes'] !== null) {
                    $w->writeAttribute('credited-minutes', (string) $u['creditedminutes']);
                }
                if ($u['timemodified'] !== null && (int) $u['timemodified'] > 0) {
                    $w->writeAttribute('marked-at', isoTime((int) $u['timemodified']));
                    if ($u['byfirst'] !== null) {
                        $w->writeAttribute('marked-by', trim($u['byfirst'] . ' ' . $u['bylast']));
                    }
                }
                $w->endElement();
                $n++;
                if (($n & 1023) === 0) {
                    $w->flush();
                }
            }
            $w->endElement();
        }
        $w->endElement();
        $w->endDocument();
        $w->flush();
        return $n;
    }
}
