// Issue 13, the ministry's statistics page (R5) in a real browser: stats1 sees the release scripts/site/setup.php
// published (and no live figures), its two tables, and downloads them. Checked:
// - the exchange file (XML) is well-formed and byte for byte the release stored on the site;
// - each table's CSV, ODS and JSON downloads hold exactly the rows and figures the page shows (one column per level,
//   protected figures as the same mark "x", credited time in minutes where the page shows hours);
// - an inspector, who may not see statistics, is refused the page.
// Screenshots of the page; the downloaded files are kept with them.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { site, launch, login, open, screenshot, download, readSite, parseCsv, readXml, readOds, close } =
    require('../lib/moodle');

let browser;
const { manifest } = site();
const release = (manifest.releases || [])[0];

before(async () => {
    browser = await launch();
});

after(async () => {
    if (browser) {
        await browser.close();
    }
});

/** A table of the page: rows of [label, figure...], a protected figure as 'x'. */
async function pageTable(page, name) {
    return page.locator(`table.local-magistere-stats-${name} tbody tr`).evaluateAll((rows) => rows.map((row) => [
        row.querySelector('th').textContent.trim(),
        ...Array.from(row.querySelectorAll('td'), (td) => (td.querySelector('[aria-hidden="true"]')
            ? td.querySelector('[aria-hidden="true"]').textContent.trim() : td.textContent.trim())),
    ]));
}

/** "3 h 05" as the page writes minutes. */
function hours(minutes) {
    return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * The rows of a download as the page shows them: the label is the deepest level's value ("Total" above), credited
 * minutes written as hours.
 */
function asPage(name, header, rows) {
    const levels = header.length - 3;
    return rows.map((row) => {
        const values = row.slice(0, levels).filter((v) => v !== 'Total');
        const figures = row.slice(levels).map((v, i) => (name === 'parcours' && i === 2 && /^\d+$/.test(v)
            ? hours(Number(v)) : v));
        return [values.length ? values[values.length - 1] : 'Total', ...figures];
    });
}

test('statistics: the published release, its tables and their downloads (XML, CSV, ODS, JSON) agree', async () => {
    assert.ok(release, 'scripts/site/setup.php published a release');
    const page = await login(browser, 'stats1');
    try {
        await open(page, '/local/magistere/statistics.php');
        await screenshot(page, 'statistics');
        const heading = await page.locator('.local-magistere-statistics h3.h4').innerText();
        assert.match(heading, new RegExp(`^Release of .*\\(${release.academie}, k = ${release.k}\\)$`));
        assert.equal(await page.locator('.local-magistere-statistics [aria-current="page"]').count(), 1,
            'one release listed, the one shown');
        assert.equal(await page.locator('form input[name="publish"]').count(), 0, 'a statistician does not publish');

        // The exchange file: the stored release, byte for byte, and well-formed.
        const xml = await download(page, () => page.getByRole('link', {
            name: 'Download the statistics exchange file (XML)' }).click(), 'statistics');
        assert.match(xml.name, new RegExp(`^statistics-${release.academie}-\\d{8}-\\d{6}\\.xml$`));
        const stored = readSite('release', String(release.id));
        assert.ok(stored.length > 0);
        assert.ok(xml.bytes.equals(stored), `the download is the stored release (${xml.bytes.length} and ${stored.length} bytes)`);
        const root = readXml(xml.file);
        assert.ok(root.root, JSON.stringify(root));

        for (const name of ['etablissements', 'parcours']) {
            const shown = await pageTable(page, name);
            assert.ok(shown.length >= 2, `${name}: a total and some groups (${shown.length} rows)`);
            assert.equal(shown[0][0], 'Total');
            const form = page.locator('form.dataformatselector').filter({
                has: page.locator(`input[name="table"][value="${name}"]`) });
            assert.equal(await form.count(), 1, `${name} has its download form`);

            await form.locator('select[name="download"]').selectOption('csv');
            const csv = await download(page, () => form.locator('button[type="submit"]').click(), 'statistics');
            assert.match(csv.name, new RegExp(`^statistics-${name}-\\d{8}-\\d{6}\\.csv$`));
            const [header, ...rows] = parseCsv(csv.bytes.toString('utf8'));
            assert.equal(shown[0].length, 4, `${name}: the page shows a group and 3 figures`);
            assert.ok(header.length >= 4, `${name}: the CSV has a column per level and 3 figures: ${header.join(', ')}`);
            assert.deepEqual(asPage(name, header, rows), shown, `${name}: the CSV holds what the page shows`);

            await form.locator('select[name="download"]').selectOption('ods');
            const ods = await download(page, () => form.locator('button[type="submit"]').click(), 'statistics');
            assert.match(ods.name, /\.ods$/);
            const sheet = readOds(ods.file);
            assert.deepEqual(sheet[0], header, `${name}: the ODS has the CSV's columns`);
            assert.deepEqual(sheet.slice(1).map((r) => header.map((_, i) => r[i] ?? '')), rows,
                `${name}: the ODS holds the CSV's rows`);

            await form.locator('select[name="download"]').selectOption('json');
            const json = await download(page, () => form.locator('button[type="submit"]').click(), 'statistics');
            // Moodle's JSON dataformat: a list of sheets, each a list of objects, one key per column in order.
            const objects = JSON.parse(json.bytes.toString('utf8')).flat();
            assert.ok(objects.every((o) => Object.keys(o).length === header.length));
            assert.deepEqual(objects.map((o) => Object.values(o).map(String)), rows,
                `${name}: the JSON holds the CSV's rows`);
        }
    } finally {
        await close(page);
    }
});

test('statistics: a user without the capability is refused the page and the file', async () => {
    const page = await login(browser, 'ien1');
    try {
        for (const path of ['/local/magistere/statistics.php', `/local/magistere/statistics.php?id=${release.id}&xml=1`]) {
            const response = await page.goto(site().url + path);
            const text = await page.locator('body').innerText();
            assert.match(text, /Sorry, but you do not currently have permissions to do that/, path);
            assert.ok(!response.headers()['content-disposition'], `${path}: no file sent`);
        }
        await screenshot(page, 'statistics-refused');
    } finally {
        await close(page);
    }
});
