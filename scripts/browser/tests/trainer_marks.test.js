// Issue 13, the trainer's parcours page (R3) in a real browser: trainer1 ticks participants of "lecture" and marks
// them finished, then not finished, then undoes, then ticks a finished and a not finished one together; each time the confirmation names exactly the people ticked, the
// result message counts them, the page after a reload shows the new state, and the database holds the marks and one
// audit row per change, by trainer1. In "maths" (separate groups) trainer2, who is in group B only, sees group B.
// Screenshots of every step.
//
// Participants used: the last four of "lecture" (participant10 starts finished, the three others not); the other tests
// of the suite do not look at their marks.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { site, launch, login, open, screenshot, readSite, close } = require('../lib/moodle');

let browser;
const { manifest } = site();
const course = manifest.courses.lecture;
const trainer = manifest.users.trainer1;
const fullname = (username) => `${manifest.users[username].firstname} ${manifest.users[username].lastname}`;
const idof = (username) => manifest.users[username].id;
const [fourth, first, second, third] = course.participants.slice(-4);

before(async () => {
    browser = await launch();
});

after(async () => {
    if (browser) {
        await browser.close();
    }
});

/** Each participant's row of the trainer page: username => 'Finished' or 'Not finished' (the badge's text). */
async function states(page) {
    const result = {};
    for (const username of course.participants) {
        const row = page.locator(`table.local-magistere-table tbody tr[data-userid="${idof(username)}"]`);
        assert.equal(await row.count(), 1, `${username} has one row`);
        assert.match(await row.locator('th').innerText(), new RegExp(fullname(username).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
        result[username] = (await row.locator('.badge').first().innerText()).trim();
    }
    return result;
}

/**
 * The page loaded again, in a second tab of the same session (the first keeps its result message and its Undo link):
 * the states it shows, and that the message is not shown twice.
 */
async function reloaded(page, tag) {
    const again = await page.context().newPage();
    try {
        await open(again, `/local/magistere/course.php?id=${course.id}`);
        assert.equal(await notice(again), '', 'the result message is shown once');
        if (tag) {
            await screenshot(again, tag);
        }
        return await states(again);
    } finally {
        await again.close();
    }
}

/** The marks and the audit trail of the parcours in the database. */
function marks() {
    return JSON.parse(readSite('marks', String(course.id)).toString('utf8'));
}

/** Whether USERNAME's mark in the database is finished. */
function finishedInDb(data, username) {
    const mark = data.marks.find((m) => Number(m.userid) === idof(username));
    return mark !== undefined && Number(mark.finished) === 1;
}

/** The text of Moodle's notifications on the page. */
async function notice(page) {
    return (await page.locator('#user-notifications .alert, .notifications .alert').allInnerTexts()).join(' ');
}

/**
 * Ticks USERNAMES, clicks BUTTON (the page's bulk action), checks the confirmation names exactly the people
 * expected, confirms, and returns the result message.
 */
async function bulk(page, usernames, button, expected, tag) {
    for (const username of usernames) {
        await page.check(`#local-magistere-select-${idof(username)}`);
    }
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: button, exact: true }).click()]);
    assert.match(page.url(), /\/local\/magistere\/mark\.php/);
    const confirmation = await page.locator('#modal-body, .confirmation-message, [role="alertdialog"]').first().innerText();
    for (const username of usernames) {
        assert.ok(confirmation.includes(fullname(username)), `the confirmation names ${fullname(username)}:\n${confirmation}`);
    }
    for (const username of course.participants.filter((u) => !usernames.includes(u))) {
        assert.ok(!confirmation.includes(fullname(username)), `the confirmation does not name ${fullname(username)}`);
    }
    assert.match(confirmation, expected);
    await screenshot(page, `${tag}-confirmation`);
    await Promise.all([page.waitForNavigation(),
        page.locator('.confirmation-buttons, [role="alertdialog"]').first().getByRole('button', { name: button, exact: true }).click()]);
    assert.match(page.url(), /\/local\/magistere\/course\.php\?id=/);
    const message = await notice(page);
    await screenshot(page, `${tag}-result`);
    return message;
}

test('trainer: ticks and unticks participants, the page and the database agree after a reload, the undo restores', async () => {
    const page = await login(browser, 'trainer1');
    try {
        await open(page, `/local/magistere/course.php?id=${course.id}`);
        await screenshot(page, 'trainer-parcours-before');
        const initial = await states(page);
        assert.equal(Object.keys(initial).length, course.participants.length);
        assert.equal(initial[first], 'Finished', `${first} starts finished (scripts/site/setup.php)`);
        assert.equal(initial[second], 'Not finished');
        assert.equal(initial[third], 'Not finished');
        assert.equal(initial[fourth], 'Not finished');
        const audit0 = marks().history.length;

        // Tick two participants: finished.
        let message = await bulk(page, [second, third], 'Mark as finished',
            /Mark the training of these 2 participant\(s\) as finished\?[\s\S]*3 h 00/, 'trainer-finish');
        assert.match(message, /2 participant\(s\) marked as finished\./);
        assert.ok(await page.getByRole('link', { name: 'Undo', exact: true }).count(), 'the result offers an undo');
        let now = await reloaded(page, 'trainer-finish-reloaded');
        assert.deepEqual([now[first], now[second], now[third]], ['Finished', 'Finished', 'Finished']);
        await page.reload();
        const row = page.locator(`tr[data-userid="${idof(second)}"]`);
        assert.match(await row.innerText(), new RegExp(`by ${trainer.firstname} ${trainer.lastname}`));
        assert.match(await row.innerText(), /3 h 00/, 'the credited time is the forecast duration');
        let data = marks();
        assert.ok(finishedInDb(data, second) && finishedInDb(data, third));
        let audit = data.history.slice(audit0);
        assert.deepEqual(audit.map((h) => [Number(h.userid), Number(h.finished), Number(h.modifiedby)]).sort(),
            [[idof(second), 1, trainer.id], [idof(third), 1, trainer.id]].sort(), 'one audit row per change, by trainer1');
        for (const username of course.participants.filter((u) => ![second, third].includes(u))) {
            assert.equal(now[username], initial[username], `${username} unchanged`);
        }

        // Untick two (one of them finished from the start): not finished.
        message = await bulk(page, [first, second], 'Mark as not finished',
            /Mark the training of these 2 participant\(s\) as not finished\?/, 'trainer-unfinish');
        assert.match(message, /2 participant\(s\) marked as not finished\./);
        now = await reloaded(page, 'trainer-unfinish-reloaded');
        assert.deepEqual([now[first], now[second], now[third]], ['Not finished', 'Not finished', 'Finished']);
        data = marks();
        assert.ok(!finishedInDb(data, first) && !finishedInDb(data, second) && finishedInDb(data, third));
        assert.equal(data.history.length, audit0 + 4);

        // The undo of the last change: both finished again, and the undo is audited too.
        await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Undo', exact: true }).click()]);
        message = await notice(page);
        await screenshot(page, 'trainer-undo-result');
        assert.match(message, /The change was undone for 2 participant\(s\)\./);
        now = await reloaded(page);
        assert.deepEqual([now[first], now[second], now[third]], ['Finished', 'Finished', 'Finished']);
        data = marks();
        assert.ok(finishedInDb(data, first) && finishedInDb(data, second) && finishedInDb(data, third));
        assert.equal(data.history.length, audit0 + 6, 'the change and its undo are both in the audit trail');
        assert.deepEqual(data.history.slice(-2).map((h) => [Number(h.userid), Number(h.finished), Number(h.modifiedby)]).sort(),
            [[idof(first), 1, trainer.id], [idof(second), 1, trainer.id]].sort());

        // One finished and one not finished ticked together: one changes, the other is named as unchanged.
        message = await bulk(page, [first, fourth], 'Mark as finished',
            /these 1 participant\(s\) as finished\?[\s\S]*These 1 selected participant\(s\) are already finished/, 'trainer-mixed');
        assert.match(message, /1 participant\(s\) marked as finished\. 1 already finished: unchanged/);
        now = await reloaded(page);
        assert.deepEqual([now[fourth], now[first], now[second], now[third]], ['Finished', 'Finished', 'Finished', 'Finished']);
        assert.equal(marks().history.length, audit0 + 7, 'an unchanged mark is not audited');
        await screenshot(page, 'trainer-parcours-after');
    } finally {
        await close(page);
    }
});

test('trainer in separate groups: trainer2 (group B only) sees the participants of group B and no one else', async () => {
    const maths = manifest.courses.maths;
    const page = await login(browser, 'trainer2');
    try {
        await open(page, `/local/magistere/course.php?id=${maths.id}`);
        await screenshot(page, 'trainer-groups');
        const shown = await page.locator('table.local-magistere-table tbody tr').evaluateAll(
            (rows) => rows.map((r) => Number(r.getAttribute('data-userid'))));
        const groupb = maths.groups['Groupe B'].map(idof);
        assert.ok(groupb.length > 0);
        assert.deepEqual(shown.sort(), groupb.sort());
    } finally {
        await close(page);
    }
});
