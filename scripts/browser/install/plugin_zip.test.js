// Issue 13, the plugin's release archive through Moodle's own plugin installer, in a real browser, on a bare site
// (scripts/site/site.sh with MAGISTERE_SITE_PLUGIN=no: Moodle without local_magistere, the installer enabled). The
// administrator goes to Site administration > Plugins > Install plugins, uploads the ZIP of scripts/package.sh with
// the file picker, "Install plugin from the ZIP file", sees the validation pass, continues, checks the plugins and
// upgrades the database, saves the new settings; then Moodle lists local_magistere at the ZIP's version and the
// plugin's pages answer (the extension loaded by the site's PHP-FPM). Screenshots of every step.
//
// Environment: MAGISTERE_PLUGIN_ZIP, the archive (scripts/suites/70-browser.sh builds it with scripts/package.sh).
'use strict';

const fs = require('node:fs');
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const { site, launch, login, open, screenshot, close } = require('../lib/moodle');

let browser;
const zip = process.env.MAGISTERE_PLUGIN_ZIP || '';

before(async () => {
    browser = await launch();
});

after(async () => {
    if (browser) {
        await browser.close();
    }
});

/** The plugin version inside the ZIP (magistere/version.php), read with PHP's ZIP reader. */
function zipVersion() {
    const code = 'if (($z = new ZipArchive())->open($argv[1]) !== true) { exit(1); }' +
        ' preg_match("/plugin->version\\s*=\\s*(\\d+)/", $z->getFromName("magistere/version.php"), $m);' +
        ' echo $m[1] ?? "";';
    return execFileSync('php', ['-r', code, zip]).toString('utf8').trim();
}

/** Clicks a button (by its exact name) that loads a new page, and waits for it. */
async function press(page, name) {
    await Promise.all([page.waitForNavigation({ timeout: 300000 }),
        page.getByRole('button', { name, exact: true }).first().click()]);
}

test('the plugin ZIP installs through Moodle\'s plugin installer, then its pages work', async () => {
    assert.ok(site().manifest.bare, 'the site is a bare one (MAGISTERE_SITE_PLUGIN=no)');
    assert.ok(zip && fs.existsSync(zip), `MAGISTERE_PLUGIN_ZIP names the archive (${zip || 'unset'})`);
    const version = zipVersion();
    assert.match(version, /^\d{10}$/, 'the ZIP has magistere/version.php');
    const page = await login(browser, 'admin');
    page.setDefaultTimeout(300000);
    try {
        // Before: Moodle does not know the plugin.
        await open(page, '/admin/plugins.php');
        assert.equal(await page.locator('tr[class*="local_magistere"], tr#local_magistere').count(), 0,
            'local_magistere is not installed yet');

        await open(page, '/admin/tool/installaddon/index.php');
        await screenshot(page, 'install-1-installer');
        // The file picker: "Choose a file...", the "Upload a file" repository, the file, "Upload this file".
        await page.locator('input.fp-btn-choose').first().click();
        const picker = page.locator('.file-picker.fp-generallayout').filter({ visible: true }).first();
        await picker.locator('.fp-repo-name', { hasText: 'Upload a file' }).click();
        await picker.locator('.fp-upload-form input[type="file"]').setInputFiles(zip);
        await picker.locator('.fp-upload-btn').click();
        await page.locator('.filepicker-filename').filter({ hasText: '.zip' }).first().waitFor();
        await screenshot(page, 'install-2-chosen');
        await press(page, 'Install plugin from the ZIP file');

        // The validation of the package.
        const validation = await page.locator('body').innerText();
        await screenshot(page, 'install-3-validation');
        assert.match(validation, /Validation successful, installation can continue/, validation.slice(0, 2000));
        assert.match(validation, /\[OK\] Full component name \[local_magistere\]/);
        assert.match(validation, new RegExp(`\\[OK\\] Plugin version \\[${version}\\]`));
        assert.doesNotMatch(validation, /\[Error\]/);
        await press(page, 'Continue');

        // Moodle's upgrade pages, as they come: the environment check (Continue), the plugins check (Upgrade
        // Moodle database now), the result of the upgrade (Continue), the new settings (Save changes).
        const seen = [];
        for (let step = 4; step < 14; step++) {
            await page.waitForLoadState();
            const text = await page.locator('body').innerText();
            const url = page.url();
            const button = async (name) => (await page.getByRole('button', { name, exact: true }).count()) > 0;
            if (await button('Upgrade Moodle database now')) {
                seen.push('plugins check');
                await screenshot(page, `install-${step}-plugins-check`);
                assert.match(text, /Plugins check/);
                assert.match(text, new RegExp(`/local/magistere\\s+${version}[\\s\\S]*?To be installed`),
                    'the plugins check lists the plugin to install, at the ZIP\'s version');
                await press(page, 'Upgrade Moodle database now');
            } else if (/Upgrading to new version|local_magistere[\s\S]*Success/.test(text) && await button('Continue')) {
                seen.push('upgrade');
                await screenshot(page, `install-${step}-upgrade`);
                assert.match(text, /local_magistere\n[\s\S]*?Success/, 'the plugin installed with success');
                assert.doesNotMatch(text, /Error writing to database|Exception|Coding error/);
                await press(page, 'Continue');
            } else if (url.includes('/admin/upgradesettings.php')) {
                seen.push('new settings');
                await screenshot(page, `install-${step}-new-settings`);
                await press(page, 'Save changes');
            } else if (/Server checks/.test(text) && await button('Continue')) {
                seen.push('environment');
                await screenshot(page, `install-${step}-environment`);
                await press(page, 'Continue');
            } else {
                break;
            }
        }
        await screenshot(page, 'install-after-upgrade');
        assert.ok(seen.includes('plugins check') && seen.includes('upgrade'),
            `the plugins check and the upgrade were seen (${seen.join(', ')}; now at ${page.url()})`);

        // After: Moodle lists the plugin at the ZIP's version, and its page answers.
        await open(page, '/admin/plugins.php');
        const row = page.locator('tr').filter({ hasText: 'local_magistere' });
        assert.equal(await row.count(), 1, 'local_magistere is listed among the plugins');
        assert.match(await row.innerText(), new RegExp(version));
        await screenshot(page, 'install-plugins-overview');
        // The administrator, in no parcours, has nothing in "My trainings" (and the page works: the extension is
        // loaded and answers).
        await open(page, '/local/magistere/index.php');
        const mine = await page.locator('.local-magistere-mytrainings').innerText();
        assert.match(mine, /You take part in no parcours yet\./, mine);
        assert.equal(await page.getByText('extension is not loaded', { exact: false }).count(), 0);
        await screenshot(page, 'install-plugin-page');
    } finally {
        await close(page);
    }
});
