// Issue 13, the participant's own pages in a real browser: "My trainings" (every participation with its progress as
// Moodle core computes it, its status, the hidden parcours and the credited time) and the parcours page of a
// participant (his progress, his activities one by one, "not finished", the trainers, the other participants).
// The expected figures come from scripts/site/setup.php: the i-th participant of "lecture" (from 0) has done the
// first (i mod 5) of its 4 activities; participant05 is marked finished there; participant01 is also finished in the
// hidden "sciences" (1 h 30 credited); stats1 is in no parcours. Screenshots of each page.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { site, launch, login, open, screenshot, close } = require('../lib/moodle');

let browser;
const { manifest } = site();
const lecture = manifest.courses.lecture;
const sciences = manifest.courses.sciences;
const fullname = (username) => `${manifest.users[username].firstname} ${manifest.users[username].lastname}`;

before(async () => {
    browser = await launch();
});

after(async () => {
    if (browser) {
        await browser.close();
    }
});

/** The rows of "My trainings": parcours name => the row's cells' text. */
async function myTrainings(page) {
    const rows = {};
    for (const row of await page.locator('.local-magistere-mytrainings table tbody tr').all()) {
        const name = (await row.locator('th').innerText()).trim();
        rows[name] = (await row.locator('td').allInnerTexts()).map((t) => t.trim());
        rows[name].unshift(name);
    }
    return rows;
}

test('my trainings: participant01 sees lecture (enrolled, 0 of 4) and the hidden sciences (finished, 1 h 30)', async () => {
    const username = lecture.participants[0];
    assert.ok(sciences.participants.includes(username));
    const page = await login(browser, username);
    try {
        await open(page, '/local/magistere/index.php');
        await screenshot(page, 'participant-mytrainings');
        const rows = await myTrainings(page);
        const names = Object.keys(rows);
        assert.equal(names.length, 2, `two participations: ${names.join(', ')}`);
        const lrow = rows[names.find((n) => n.startsWith(lecture.fullname))];
        const srow = rows[names.find((n) => n.startsWith(sciences.fullname))];
        assert.ok(lrow && srow, names.join(', '));
        assert.match(lrow[1], /0 of 4 activities done \(0 %\)/);
        assert.equal(lrow[2], 'Enrolled');
        assert.equal(lrow[3], '', 'no credited time before the training is finished');
        assert.match(srow[0], /Hidden parcours/);
        assert.match(srow[2], /^Finished/);
        assert.equal(srow[3], '1 h 30');
        assert.match(await page.locator('.local-magistere-mytrainings').innerText(), /Total credited time: 1 h 30/);
        // The parcours he is not in does not show.
        assert.doesNotMatch(await page.locator('.local-magistere-mytrainings').innerText(),
            new RegExp(manifest.courses.maths.fullname));
    } finally {
        await close(page);
    }
});

test('my trainings: participant05, finished in lecture with every activity done, 100 % and 3 h 00', async () => {
    const username = lecture.participants[4];
    const page = await login(browser, username);
    try {
        await open(page, '/local/magistere/index.php');
        await screenshot(page, 'participant-mytrainings-finished');
        const rows = await myTrainings(page);
        const lrow = rows[Object.keys(rows).find((n) => n.startsWith(lecture.fullname))];
        assert.ok(lrow, Object.keys(rows).join(', '));
        assert.match(lrow[1], /4 of 4 activities done \(100 %\)/);
        assert.match(lrow[2], /^Finished/);
        assert.equal(lrow[3], '3 h 00');
        const bar = page.locator('.local-magistere-mytrainings .progress').first();
        assert.equal(await bar.getAttribute('aria-valuenow'), '4');
        assert.equal(await bar.getAttribute('aria-valuemax'), '4');
    } finally {
        await close(page);
    }
});

test('parcours page of a participant: his progress and activities, not finished, trainers and participants', async () => {
    const username = lecture.participants[2];   // 2 of 4 activities done
    const page = await login(browser, username);
    try {
        await open(page, `/local/magistere/course.php?id=${lecture.id}`);
        await screenshot(page, 'participant-parcours');
        const view = page.locator('.local-magistere-participant');
        const text = await view.innerText();
        assert.match(text, /My progress/);
        assert.match(text, /2 of 4 activities done \(50 %\)/);
        assert.match(text, /Not finished/);
        const states = (await view.locator('table tbody tr').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
        assert.equal(states.length, 4, states.join('\n'));
        assert.match(states[0], /^Activité 1\b.*Done/);
        assert.match(states[1], /^Activité 2\b.*Done/);
        assert.match(states[2], /^Activité 3\b.*Not done/);
        assert.match(states[3], /^Activité 4\b.*Not done/);
        for (const trainer of lecture.trainers) {
            assert.ok(text.includes(fullname(trainer)), `the trainer ${fullname(trainer)} is named`);
        }
        for (const other of lecture.participants) {
            assert.ok(text.includes(fullname(other)), `the participant ${fullname(other)} is named`);
        }
        // Nothing of the trainer's view: no other participant's progress, no marking form.
        assert.equal(await page.locator('#local-magistere-markform, table.local-magistere-table').count(), 0);
    } finally {
        await close(page);
    }
});

test('my trainings: a user in no parcours (the statistician) is told he takes part in none, not shown an error', async () => {
    const page = await login(browser, 'stats1');
    try {
        await open(page, '/local/magistere/index.php');
        await screenshot(page, 'nobody-mytrainings');
        const text = await page.locator('.local-magistere-mytrainings').innerText();
        assert.match(text, /You take part in no parcours yet\./);
        assert.equal(await page.locator('.local-magistere-mytrainings table').count(), 0);
    } finally {
        await close(page);
    }
});
