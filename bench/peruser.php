<?php
/**
 * The per-user approach: the same views built the way Moodle's API and the existing m@gistère
 * plugins build them (blocks/progress and blocks/completion_progress compute each user's bar on
 * every request with one query per user and activity; local/supervision and local/metaadmin list
 * people then read each one's data; docs/benchmarks.md): list the people, then for each person ask the database about him: his roles
 * (get_user_roles), his profile field (profile_load_data), his mark, and for the trainer view
 * one completion query per person and activity (completion_info::get_data for another user, as
 * block_progress and report_completion do). Every query is parameterised; only the access
 * pattern differs from bench/reference.php. It returns the same arrays, checked by the runner.
 */

declare(strict_types=1);

namespace MagistereBench;

require_once __DIR__ . '/lib.php';

final class PerUser
{
    private string $p;

    public function __construct(private \mysqli $db, private Settings $s)
    {
        $this->p = prefix();
    }

    /** @var array<string, \mysqli_stmt> each distinct statement is prepared once and reused */
    private array $stmts = [];

    /** One parameterised query (one round trip: the statement is prepared once); all rows. */
    private function q(string $sql, array $params = []): array
    {
        $st = $this->stmts[$sql] ??= $this->db->prepare($sql);
        if ($params) {
            $st->bind_param(str_repeat('s', count($params)), ...array_map('strval', $params));
        }
        $st->execute();
        return $st->get_result()->fetch_all(MYSQLI_ASSOC);
    }

    private function one(string $sql, array $params = []): ?array
    {
        $rows = $this->q($sql, $params);
        return $rows[0] ?? null;
    }

    private function course(int $id): ?array
    {
        $p = $this->p;
        $c = $this->one("SELECT id, shortname, fullname FROM {$p}course WHERE id = ?", [$id]);
        if ($c === null) {
            return null;
        }
        $d = $this->one("SELECT d.decvalue, d.value FROM {$p}customfield_data d"
            . " JOIN {$p}customfield_field f ON f.id = d.fieldid WHERE f.shortname = ? AND d.instanceid = ?",
            [$this->s->durationField, $id]);
        return ['id' => $c['id'], 'shortname' => $c['shortname'], 'fullname' => $c['fullname'],
            'duration_minutes' => $d === null ? null : duration($d['decvalue'], $d['value'])];
    }

    /** get_enrolled_users(): users with an active enrolment in the course (one query). */
    private function enrolledUsers(int $courseId): array
    {
        $p = $this->p;
        return $this->q("SELECT DISTINCT u.id, u.firstname, u.lastname, u.idnumber FROM {$p}user u"
            . " JOIN {$p}user_enrolments ue ON ue.userid = u.id JOIN {$p}enrol e ON e.id = ue.enrolid"
            . " WHERE e.courseid = ? AND e.status = 0 AND ue.status = 0 AND ue.timestart <= ?"
            . " AND (ue.timeend = 0 OR ue.timeend > ?) AND u.deleted = 0 AND u.suspended = 0",
            [$courseId, $this->s->now, $this->s->now]);
    }

    /** get_user_roles() in the course context: 'trainer', 'participant' or null. */
    private function roleOf(int $userId, int $courseId): ?string
    {
        $p = $this->p;
        $kind = null;
        foreach ($this->q("SELECT r.shortname FROM {$p}role_assignments ra JOIN {$p}role r ON r.id = ra.roleid"
            . " JOIN {$p}context x ON x.id = ra.contextid WHERE x.contextlevel = 50 AND x.instanceid = ?"
            . " AND ra.userid = ?", [$courseId, $userId]) as $r) {
            if (in_array($r['shortname'], $this->s->trainerRoles, true)) {
                return 'trainer';
            }
            if (in_array($r['shortname'], $this->s->participantRoles, true)) {
                $kind = 'participant';
            }
        }
        return $kind;
    }

    /** Is the user active and actively enrolled in the course? (is_enrolled(..., onlyactive)) */
    private function isEnrolled(int $userId, int $courseId): bool
    {
        $p = $this->p;
        return $this->one("SELECT 1 AS ok FROM {$p}user u JOIN {$p}user_enrolments ue ON ue.userid = u.id"
            . " JOIN {$p}enrol e ON e.id = ue.enrolid WHERE u.id = ? AND e.courseid = ? AND e.status = 0"
            . " AND ue.status = 0 AND ue.timestart <= ? AND (ue.timeend = 0 OR ue.timeend > ?)"
            . " AND u.deleted = 0 AND u.suspended = 0 LIMIT 1",
            [$userId, $courseId, $this->s->now, $this->s->now]) !== null;
    }

    /** profile_load_data() for the school field, then the school row. */
    private function school(int $userId): ?array
    {
        $p = $this->p;
        $d = $this->one("SELECT d.data FROM {$p}user_info_data d JOIN {$p}user_info_field f ON f.id = d.fieldid"
            . " WHERE d.userid = ? AND f.shortname = ?", [$userId, $this->s->schoolField]);
        if ($d === null || uai($d['data']) === '') {
            return null;
        }
        return $this->one("SELECT uai, name, city, TRIM(circonscription) AS circonscription, departement, academie,"
            . " degre, secteur FROM {$p}local_magistere_school WHERE uai = ?", [uai($d['data'])]);
    }

    private function markOf(int $courseId, int $userId): ?array
    {
        return $this->one("SELECT finished, creditedminutes, timemodified, modifiedby FROM {$this->p}local_magistere_mark"
            . " WHERE courseid = ? AND userid = ?", [$courseId, $userId]);
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

    /** The trainers and participants of a course, each sorted. */
    private function members(int $courseId): array
    {
        $trainers = [];
        $parts = [];
        foreach ($this->enrolledUsers($courseId) as $u) {
            $role = $this->roleOf($u['id'], $courseId);
            if ($role === 'trainer') {
                $trainers[] = $u;
            } elseif ($role === 'participant') {
                $parts[] = $u;
            }
        }
        sortPeople($trainers);
        sortPeople($parts);
        return [$trainers, $parts];
    }

    /** Has the user a training record (a finished mark) in the course, and is he not deleted? */
    private function hasRecord(int $userId, int $courseId): bool
    {
        $m = $this->markOf($courseId, $userId);
        $u = $this->one("SELECT deleted FROM {$this->p}user WHERE id = ?", [$userId]);
        return $m !== null && (int) $m['finished'] !== 0 && $u !== null && (int) $u['deleted'] === 0;
    }

    /**
     * The participations of a course (docs/rules.md): its current participants and the people with a
     * training record, sorted by name.
     */
    private function participations(int $courseId): array
    {
        [, $parts] = $this->members($courseId);
        $seen = array_fill_keys(array_column($parts, 'id'), true);
        foreach ($this->q("SELECT u.id, u.firstname, u.lastname, u.idnumber FROM {$this->p}local_magistere_mark mk"
            . " JOIN {$this->p}user u ON u.id = mk.userid WHERE mk.courseid = ? AND mk.finished <> 0 AND u.deleted = 0",
            [$courseId]) as $u) {
            if (!isset($seen[$u['id']])) {
                $parts[] = $u;
            }
        }
        sortPeople($parts);
        return $parts;
    }

    /* ---------------------------------------------------------------------------- views */

    public function trainerView(int $viewerId, int $courseId): array
    {
        $p = $this->p;
        $course = $this->course($courseId);
        if ($course === null) {
            throw new Refused("no parcours $courseId");
        }
        if (!$this->isEnrolled($viewerId, $courseId) || $this->roleOf($viewerId, $courseId) !== 'trainer') {
            throw new Refused("user $viewerId is not a trainer of parcours $courseId");
        }
        $viewer = $this->one("SELECT id, firstname, lastname FROM {$p}user WHERE id = ?", [$viewerId]);
        [$trainers, $parts] = $this->members($courseId);

        // get_fast_modinfo(), completion_info::get_activities(): the course's modules and sections.
        $enabled = (int) $this->one("SELECT enablecompletion FROM {$p}course WHERE id = ?", [$courseId])['enablecompletion'] !== 0;
        $tracked = !$enabled ? [] : moodleActivities(
            $this->q("SELECT cm.id AS cmid, m.name AS module, m.visible AS mvisible, cm.completion, cm.deletioninprogress"
                . " FROM {$p}course_modules cm JOIN {$p}modules m ON m.id = cm.module WHERE cm.course = ?", [$courseId]),
            $this->q("SELECT id, section, sequence FROM {$p}course_sections WHERE course = ?", [$courseId]));
        $nact = count($tracked);

        $rows = [];
        $finished = 0;
        foreach ($parts as $u) {
            $labels = [];
            foreach ($tracked as $a) {
                // completion_info::get_data($cm, false, $userid): one query per user and activity.
                $c = $this->one("SELECT completionstate FROM {$p}course_modules_completion"
                    . " WHERE coursemoduleid = ? AND userid = ?", [$a['cmid'], $u['id']]);
                $labels[] = STATES[$c === null ? 0 : (int) $c['completionstate']] ?? 'incomplete';
            }
            // progress::get_course_progress_percentage(): is_course_complete(), count_modules_completed().
            $complete = $enabled && $this->one("SELECT 1 AS ok FROM {$p}course_completions WHERE userid = ? AND course = ?"
                . " AND timecompleted IS NOT NULL AND timecompleted <> 0", [$u['id'], $courseId]) !== null;
            $done = !$enabled ? 0 : (int) $this->one("SELECT COUNT(1) AS n FROM {$p}course_modules cm"
                . " JOIN {$p}course_modules_completion cmc ON cm.id = cmc.coursemoduleid WHERE cm.course = ?"
                . " AND cmc.userid = ? AND (cmc.completionstate = 1 OR cmc.completionstate = 2)", [$courseId, $u['id']])['n'];
            $school = $this->school($u['id']);
            $mark = self::mark($this->markOf($courseId, $u['id']), true);
            if ($mark['finished']) {
                $finished++;
            }
            $rows[] = [
                'id' => $u['id'],
                'firstname' => $u['firstname'],
                'lastname' => $u['lastname'],
                'school' => $school === null ? null
                    : ['uai' => uai($school['uai']), 'name' => $school['name'], 'city' => $school['city']],
                'progress' => ['done' => $done, 'tracked' => $nact,
                    'percent' => moodlePercent($enabled, $complete, $done, $nact), 'completion_enabled' => $enabled,
                    'course_complete' => $complete, 'states' => $labels],
                'mark' => $mark,
            ];
        }
        return [
            'course' => $course,
            'viewer' => person($viewer) + ['role' => 'trainer'],
            'activities' => array_map(static fn (array $a): array
                => ['cmid' => $a['cmid'], 'module' => $a['module'], 'section' => $a['section']], $tracked),
            'trainers' => array_map(__NAMESPACE__ . '\person', $trainers),
            'participants' => $rows,
            'summary' => ['participants' => count($rows), 'finished' => $finished],
        ];
    }

    public function inspectorView(int $viewerId, ?string $circ = null): array
    {
        $p = $this->p;
        $viewer = $this->one("SELECT id, firstname, lastname FROM {$p}user WHERE id = ?", [$viewerId]);
        if ($viewer === null) {
            throw new Refused("no user $viewerId");
        }
        $circs = [];
        foreach ($this->q("SELECT circonscription FROM {$p}local_magistere_inspector WHERE userid = ?", [$viewerId]) as $i) {
            $c = $this->one("SELECT id, code, name, departement, academie FROM {$p}local_magistere_circ"
                . " WHERE TRIM(code) = ?", [trim($i['circonscription'])]);
            if ($c !== null && ($circ === null || trim($circ) === '' || trim($c['code']) === trim($circ))) {
                $circs[] = $c;
            }
        }
        if (!$circs) {
            throw new Refused("user $viewerId is not an inspector of that circonscription");
        }
        usort($circs, static fn ($a, $b) => $a['id'] <=> $b['id']);

        // local/supervision: schools of the circonscription, then teachers of each school, then
        // for each teacher his courses, then for each course his role and mark.
        $teachers = [];
        $courseIds = [];
        $sum = ['teachers' => 0, 'enrolments' => 0, 'finished' => 0, 'credited_minutes' => 0];
        foreach ($circs as $c) {
            $schools = $this->q("SELECT uai, name, city, TRIM(circonscription) AS circonscription"
                . " FROM {$p}local_magistere_school WHERE TRIM(circonscription) = ?", [trim($c['code'])]);
            foreach ($schools as $s) {
                $users = $this->q("SELECT u.id, u.firstname, u.lastname FROM {$p}user u"
                    . " JOIN {$p}user_info_data d ON d.userid = u.id JOIN {$p}user_info_field f ON f.id = d.fieldid"
                    . " WHERE f.shortname = ? AND TRIM(d.data) = ? AND u.deleted = 0",
                    [$this->s->schoolField, $s['uai']]);
                foreach ($users as $u) {
                    // His courses: where he is enrolled now, or has a training record.
                    $courses = $this->q("SELECT e.courseid FROM {$p}enrol e"
                        . " JOIN {$p}user_enrolments ue ON ue.enrolid = e.id WHERE ue.userid = ?"
                        . " UNION SELECT mk.courseid FROM {$p}local_magistere_mark mk JOIN {$p}course c ON c.id = mk.courseid"
                        . " WHERE mk.userid = ? AND mk.finished <> 0 ORDER BY 1", [$u['id'], $u['id']]);
                    $enrolments = [];
                    foreach ($courses as $co) {
                        $current = $this->isEnrolled($u['id'], $co['courseid'])
                            && $this->roleOf($u['id'], $co['courseid']) === 'participant';
                        if (!$current && !$this->hasRecord($u['id'], $co['courseid'])) {
                            continue;
                        }
                        $m = $this->markOf($co['courseid'], $u['id']);
                        $fin = $m !== null && (int) $m['finished'] !== 0;
                        $credited = $fin && $m['creditedminutes'] !== null ? (int) $m['creditedminutes'] : null;
                        $enrolments[] = ['courseid' => $co['courseid'], 'status' => $fin ? 'finished' : 'enrolled',
                            'credited_minutes' => $credited];
                        $courseIds[$co['courseid']] = true;
                        $sum['enrolments']++;
                        if ($fin) {
                            $sum['finished']++;
                            $sum['credited_minutes'] += $credited ?? 0;
                        }
                    }
                    if ($enrolments) {
                        $teachers[] = [
                            'id' => $u['id'], 'firstname' => $u['firstname'], 'lastname' => $u['lastname'],
                            'school' => ['uai' => uai($s['uai']), 'name' => $s['name'], 'city' => $s['city'],
                                'circonscription' => $s['circonscription']],
                            'enrolments' => $enrolments,
                        ];
                    }
                }
            }
        }
        sortPeople($teachers);
        $sum['teachers'] = count($teachers);
        $parcours = [];
        $ids = array_keys($courseIds);
        sort($ids);
        foreach ($ids as $id) {
            $course = $this->course($id);
            [$trainers] = $this->members($id);
            $course['trainers'] = array_map(__NAMESPACE__ . '\person', $trainers);
            $parcours[] = $course;
        }
        $keys = [];
        foreach ($parcours as $i => $c) {
            $keys[$i] = valueKey($c['fullname']) . "\0" . sprintf('%020d', $c['id']);
        }
        asort($keys, SORT_STRING);
        $parcours = array_map(static fn ($i) => $parcours[$i], array_keys($keys));
        return [
            'viewer' => person($viewer) + ['role' => 'inspector'],
            'circonscriptions' => array_map(static fn ($c) => ['code' => trim($c['code']), 'name' => $c['name'],
                'departement' => $c['departement'], 'academie' => $c['academie']], $circs),
            'parcours' => $parcours,
            'teachers' => $teachers,
            'summary' => $sum,
        ];
    }

    /** local/metaadmin: every parcours, every enrolled user, his role, profile and mark. */
    public function statistics(?int $k = null): array
    {
        $k ??= $this->s->k;
        $p = $this->p;
        $parts = [];
        $schools = [];
        $dated = [];
        $undated = false;
        foreach ($this->q("SELECT id FROM {$p}course ORDER BY id") as $c) {
            $course = $this->one("SELECT id, shortname FROM {$p}course WHERE id = ?", [$c['id']]);
            $d = $this->one("SELECT d.decvalue, d.value FROM {$p}customfield_data d JOIN {$p}customfield_field f"
                . " ON f.id = d.fieldid WHERE f.shortname = ? AND d.instanceid = ?", [$this->s->durationField, $c['id']]);
            if ($d !== null && duration($d['decvalue'], $d['value']) !== null) {
                $dated[] = $course['shortname'];
            } else {
                $undated = true;
            }
            foreach ($this->participations($c['id']) as $u) {
                $s = $schools[$u['id']] ??= ($this->school($u['id']) ?? false);
                $m = $this->markOf($c['id'], $u['id']);
                $fin = $m !== null && (int) $m['finished'] !== 0;
                $parts[] = ['user' => $u['id'], 'parcours' => $course['shortname'],
                    'path' => $s === false ? null : [(string) $s['academie'], (string) $s['degre'], (string) $s['secteur'],
                        (string) $s['departement'], (string) $s['circonscription']],
                    'finished' => $fin, 'credited' => $fin ? (int) ($m['creditedminutes'] ?? 0) : 0];
            }
        }
        $directory = [];
        foreach ($this->q("SELECT academie, degre, secteur, departement, TRIM(circonscription) AS circ"
            . " FROM {$p}local_magistere_school") as $r) {
            $directory[] = [(string) $r['academie'], (string) $r['degre'], (string) $r['secteur'], (string) $r['departement'],
                (string) $r['circ']];
        }
        return statisticsRelease($directory, $parts, $dated, $undated, $k, $this->s->now);
    }

    public function writeAttestations(string $path): int
    {
        $p = $this->p;
        $w = new \XMLWriter();
        $w->openUri($path);
        $w->startDocument('1.0', 'UTF-8');
        $w->startElementNs(null, 'attestations', 'urn:magistere:attestations:1');
        $w->writeAttribute('version', '1');
        $w->writeAttribute('generated', isoTime(time()));
        $w->writeAttribute('generator', 'magistere-bench peruser');
        $n = 0;
        foreach ($this->q("SELECT id FROM {$p}course ORDER BY id") as $c) {
            $parts = $this->participations($c['id']);
            if (!$parts) {
                continue;
            }
            $course = $this->course($c['id']);
            $w->startElement('parcours');
            $w->writeAttribute('id', (string) $course['id']);
            $w->writeAttribute('shortname', $course['shortname']);
            $w->writeAttribute('fullname', $course['fullname']);
            if ($course['duration_minutes'] !== null) {
                $w->writeAttribute('forecast-minutes', (string) $course['duration_minutes']);
            }
            foreach ($parts as $u) {
                $school = $this->school($u['id']);
                $m = $this->markOf($c['id'], $u['id']);
                $w->startElement('participant');
                $w->writeAttribute('lastname', $u['lastname']);
                $w->writeAttribute('firstname', $u['firstname']);
                if (trim($u['idnumber']) !== '') {
                    $w->writeAttribute('idnumber', trim($u['idnumber']));
                }
                if ($school !== null) {
                    $w->writeAttribute('uai', uai($school['uai']));
                }
                $fin = $m !== null && (int) $m['finished'] !== 0;
                $w->writeAttribute('finished', $fin ? 'true' : 'false');
                if ($fin && $m['creditedminutes'] !== null) {
                    $w->writeAttribute('credited-minutes', (string) $m['creditedminutes']);
                }
                if ($m !== null && (int) $m['timemodified'] > 0) {
                    $w->writeAttribute('marked-at', isoTime((int) $m['timemodified']));
                    $by = (int) $m['modifiedby'] > 0
                        ? $this->one("SELECT firstname, lastname FROM {$p}user WHERE id = ?", [$m['modifiedby']]) : null;
                    if ($by !== null) {
                        $w->writeAttribute('marked-by', trim($by['firstname'] . ' ' . $by['lastname']));
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
