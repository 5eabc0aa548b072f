// Issue 11, in a real browser on a real site: before the platform privacy fix, a trainer sees connection data on
// Moodle's own pages (participants page: "Last access to course" column and "Inactive for more than" filter; profile
// page: "Last access to course" and links to the person's logs and activity reports), the plugin's trainer page does not link names to that profile, and a participant's
// transparency page says what is exposed and to whom. The site administrator applies the fix through the plugin's
// page, after its confirmation; then the same pages show no connection data, the names link to the profile and the
// transparency page says nobody sees any. The undo brings everything back. Screenshots at each step.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { site, launch, login, open, screenshot, close } = require('../lib/moodle');

let browser;
const { manifest } = site();
const course = manifest.courses.lecture;
const participant = manifest.users[course.participants[0]];

before(async () => {
    browser = await launch();
});

after(async () => {
    if (browser) {
        await browser.close();
    }
});

/** What the trainer sees of the participants' connections, page by page. */
async function trainerSees(tag) {
    const page = await login(browser, 'trainer1');
    try {
        await open(page, `/user/index.php?id=${course.id}`);
        const headers = (await page.locator('table#participants th').allInnerTexts()).join(' | ');
        const column = headers.includes('Last access to course');
        const filter = (await page.locator('select[data-filterfield="type"] option[value="accesssince"]').count()) > 0;
        await screenshot(page, `${tag}-trainer-participants`);

        await open(page, `/user/view.php?id=${participant.id}&course=${course.id}`);
        const profile = (await page.getByText('Last access to course').count()) > 0;
        // The profile's Reports section: the logs and the activity reports of the person.
        const reports = [];
        for (const name of ["Today's logs", 'All logs', 'Outline report', 'Complete report']) {
            if (await page.getByRole('link', { name, exact: true }).count()) {
                reports.push(name);
            }
        }
        await screenshot(page, `${tag}-trainer-profile`);

        await open(page, `/local/magistere/course.php?id=${course.id}`);
        const links = await page.locator('table.local-magistere-table tbody a[href*="/user/view.php"]').count();
        const names = await page.locator('table.local-magistere-table tbody tr').count();
        await screenshot(page, `${tag}-trainer-parcours`);
        return { headers, column, filter, profile, reports, links, names };
    } finally {
        await close(page);
    }
}

/** The participant's transparency page. */
async function transparency(tag) {
    const page = await login(browser, course.participants[0]);
    try {
        await open(page, `/local/magistere/transparency.php?id=${course.id}`);
        const text = await page.locator('.local-magistere-transparency').innerText();
        await screenshot(page, `${tag}-participant-transparency`);
        return text;
    } finally {
        await close(page);
    }
}

/** The administrator clicks through the platform privacy page: the button, the confirmation, the result. */
async function adminConfirms(tag, button, apply) {
    const page = await login(browser, 'admin');
    try {
        await open(page, '/local/magistere/admin/platform.php');
        await screenshot(page, `${tag}-admin-platform`);
        await Promise.all([page.waitForNavigation(), page.click(button)]);
        const changes = await page.locator('#local-magistere-changes li, #local-magistere-undo-changes li').allInnerTexts();
        await screenshot(page, `${tag}-admin-confirmation`);
        await Promise.all([page.waitForNavigation(), page.click(apply)]);
        const notice = await page.locator('.alert, .notifications').allInnerTexts();
        await screenshot(page, `${tag}-admin-done`);
        return { changes, notice: notice.join(' ') };
    } finally {
        await close(page);
    }
}

test('platform privacy: Moodle shows connection data before the fix, none after, and the undo restores it', async () => {
    const security = await login(browser, 'admin');
    await open(security, '/report/security/index.php');
    assert.ok((await security.getByText('Connection data shown by Moodle (m@gistère)').count()) > 0,
        'the check is listed among the security checks');
    await screenshot(security, 'before-admin-security-checks');
    await close(security);

    const before = await trainerSees('before');
    assert.ok(before.column, `before the fix the participants page has "Last access to course" (${before.headers})`);
    assert.ok(before.filter, 'before the fix the participants page offers "Inactive for more than"');
    assert.ok(before.profile, 'before the fix the profile shows "Last access to course"');
    assert.deepEqual(before.reports, ["Today's logs", 'All logs', 'Outline report', 'Complete report']);
    assert.ok(before.names > 0, 'the trainer page lists the participants');
    assert.equal(before.links, 0, 'before the fix no name links to Moodle\'s profile');
    const exposed = await transparency('before');
    assert.match(exposed, /Your trainers \(/, 'the transparency page says what the trainers can see');
    assert.match(exposed, /Reports > Logs/);
    assert.doesNotMatch(exposed, /Nobody, not even you, ever sees/);

    const fix = await adminConfirms('fix', '#local-magistere-fix', '#local-magistere-apply');
    assert.ok(fix.changes.some((c) => c.startsWith('Setting hiddenuserfields')), fix.changes.join('\n'));
    assert.ok(fix.changes.some((c) => c.includes('report/log:view') && c.endsWith('becomes Prohibit')));
    assert.match(fix.notice, /change\(s\) applied/);
    assert.match(fix.notice, /Moodle shows no connection data/);

    const afterfix = await trainerSees('after');
    assert.ok(!afterfix.column, `after the fix no "Last access to course" column (${afterfix.headers})`);
    assert.ok(!afterfix.filter, 'after the fix no "Inactive for more than" filter');
    assert.ok(!afterfix.profile, 'after the fix the profile shows no last access');
    assert.deepEqual(afterfix.reports, [], 'after the fix the profile links to no log or activity report');
    assert.equal(afterfix.links, afterfix.names, 'after the fix every name links to the profile');
    const clean = await transparency('after');
    assert.match(clean, /Nobody, not even you, ever sees/);
    assert.doesNotMatch(clean, /Your trainers \(/);

    const undo = await adminConfirms('undo', '#local-magistere-undo', '#local-magistere-apply-undo');
    assert.ok(undo.changes.some((c) => c.includes('report/log:view') && c.endsWith('becomes Allow')), undo.changes.join('\n'));
    assert.match(undo.notice, /The fix was undone/);
    const undone = await trainerSees('undone');
    assert.ok(undone.column && undone.filter && undone.profile, 'the undo brings the connection data back');
    assert.equal(undone.reports.length, 4);
    assert.equal(undone.links, 0);
});
