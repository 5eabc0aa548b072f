// Issue 13, the inspector's page (R4) in a real browser: ien1, inspector of the circonscription LYN, sees exactly the
// teachers of LYN's schools who have a participation (enrolled or finished, hidden parcours included), each with his
// school and the status of each participation, and nobody of LYS; the school and parcours filters narrow the list;
// the CSV download holds the same teachers and participations. Expected people come from the manifest of
// scripts/site/setup.php; statuses are checked for participants no other test changes. Screenshots of each step.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { site, launch, login, open, screenshot, download, parseCsv, close } = require('../lib/moodle');

let browser;
const { manifest } = site();
const fullname = (username) => `${manifest.users[username].firstname} ${manifest.users[username].lastname}`;

/** Username => the fullnames of the parcours he participates in, for the teachers of schools of CIRC. */
function expected(circ, filter = () => true) {
    const result = {};
    for (const [username, user] of Object.entries(manifest.users)) {
        if (user.kind !== 'participant' || manifest.schools[user.school].circonscription !== circ || !filter(user)) {
            continue;
        }
        const courses = Object.values(manifest.courses).filter((c) => c.participants.includes(username));
        if (courses.length) {
            result[username] = courses.map((c) => c.fullname).sort();
        }
    }
    return result;
}

/** The teachers' table: fullname => {school, parcours: {coursename: status text}}. */
async function teachers(page) {
    const result = {};
    for (const row of await page.locator('.local-magistere-circonscription table').last().locator('tbody tr').all()) {
        const name = (await row.locator('th').innerText()).trim();
        const parcours = {};
        for (const item of await row.locator('td').nth(1).locator('li').allInnerTexts()) {
            const at = item.lastIndexOf(': ');
            parcours[item.slice(0, at).trim()] = item.slice(at + 2).trim();
        }
        result[name] = { school: (await row.locator('td').first().innerText()).trim(), parcours };
    }
    return result;
}

/** Checks the table shows exactly the teachers of EXPECT (username => parcours names). */
function sameTeachers(shown, expect) {
    assert.deepEqual(Object.keys(shown).sort(), Object.keys(expect).map(fullname).sort());
    for (const [username, courses] of Object.entries(expect)) {
        const row = shown[fullname(username)];
        const school = manifest.schools[manifest.users[username].school];
        assert.ok(row.school.includes(school.name) && row.school.includes(manifest.users[username].school), row.school);
        assert.deepEqual(Object.keys(row.parcours).sort(), courses, `the parcours of ${username}`);
    }
}

before(async () => {
    browser = await launch();
});

after(async () => {
    if (browser) {
        await browser.close();
    }
});

test('inspector: the teachers of his circonscription with their participations, filters and CSV download', async () => {
    const lyn = expected('LYN');
    assert.ok(Object.keys(lyn).length >= 6, 'the test data has teachers in LYN');
    assert.ok(Object.keys(expected('LYS')).length > 0, 'and in LYS, who must not show');
    const page = await login(browser, 'ien1');
    try {
        await open(page, '/local/magistere/circonscription.php');
        await screenshot(page, 'inspector-circonscription');
        const shown = await teachers(page);
        sameTeachers(shown, lyn);
        const lecture = manifest.courses.lecture.fullname;
        const sciences = manifest.courses.sciences.fullname;
        // participant01: enrolled in lecture, finished in the hidden sciences; participant05: finished in lecture.
        assert.deepEqual(shown[fullname('participant01')].parcours, { [lecture]: 'Enrolled', [sciences]: 'Finished 1 h 30' });
        assert.deepEqual(shown[fullname('participant05')].parcours, { [lecture]: 'Finished 3 h 00' });
        const summary = await page.locator('.local-magistere-circonscription p[aria-live]').innerText();
        assert.match(summary, new RegExp(`^${Object.keys(lyn).length} teacher\\(s\\)`), summary);

        // The school filter.
        await page.selectOption('#local-magistere-uai', '0690002B');
        await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Filter', exact: true }).click()]);
        await screenshot(page, 'inspector-school');
        sameTeachers(await teachers(page), expected('LYN', (u) => u.school === '0690002B'));

        // The parcours filter (every school): only the participations in maths.
        const maths = manifest.courses.maths;
        await page.selectOption('#local-magistere-uai', '');
        await page.selectOption('#local-magistere-course', String(maths.id));
        await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Filter', exact: true }).click()]);
        await screenshot(page, 'inspector-parcours');
        const inmaths = Object.fromEntries(Object.keys(lyn).filter((u) => maths.participants.includes(u))
            .map((u) => [u, [maths.fullname]]));
        sameTeachers(await teachers(page), inmaths);

        // The CSV download of the whole circonscription: one line per participation.
        await open(page, '/local/magistere/circonscription.php');
        await page.selectOption('select[name="download"]', 'csv');
        const file = await download(page, () => page.locator('form.dataformatselector button[type="submit"]').click(),
            'inspector');
        assert.match(file.name, /\.csv$/);
        const [header, ...rows] = parseCsv(file.bytes.toString('utf8'));
        assert.deepEqual(header, ['Last name', 'First name', 'UAI', 'School', 'City/town', 'Circonscription', 'Parcours', 'Status',
            'Credited minutes']);
        const lines = rows.map((r) => `${r[1]} ${r[0]}|${r[2]}|${r[5]}|${r[6]}`).sort();
        const want = [];
        for (const [username, courses] of Object.entries(lyn)) {
            for (const course of courses) {
                want.push(`${fullname(username)}|${manifest.users[username].school}|LYN|${course}`);
            }
        }
        assert.deepEqual(lines, want.sort());
        const p05 = rows.find((r) => r[0] === manifest.users.participant05.lastname && r[6] === lecture);
        assert.deepEqual([p05[7], p05[8]], ['Finished', '180']);
    } finally {
        await close(page);
    }
});
