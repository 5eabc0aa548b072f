// Helpers of the browser tests: launch Debian's chromium through playwright-core, log in to the Moodle site of
// scripts/site/site.sh as a user of its manifest, keep screenshots as artefacts.
//
// Environment (scripts/suites/70-browser.sh sets it; `eval "$(scripts/site/site.sh env)"` does too):
//   MAGISTERE_SITE_URL, MAGISTERE_SITE_MANIFEST   the running site and its users (scripts/site/setup.php)
//   MAGISTERE_SITE_ADMIN_PASSWORD                the admin's password
//   MAGISTERE_BROWSER_ARTIFACTS                  folder of the screenshots (default .build/browser-artifacts)
//   MAGISTERE_CHROMIUM                           the browser (default /usr/bin/chromium)
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

// The flags the brief of the project fixes for Debian's chromium (no sandbox as root, nothing fetched).
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function required(name) {
    const value = process.env[name];
    if (!value) {
        throw new Error(`${name} is not set: start the site with scripts/site/site.sh first`);
    }
    return value;
}

/** The running site: its URL and manifest (users, courses, password). */
function site() {
    const url = required('MAGISTERE_SITE_URL').replace(/\/$/, '');
    const manifest = JSON.parse(fs.readFileSync(required('MAGISTERE_SITE_MANIFEST'), 'utf8'));
    return { url, manifest };
}

/** Launches the browser. */
async function launch() {
    return chromium.launch({
        executablePath: process.env.MAGISTERE_CHROMIUM || '/usr/bin/chromium',
        args: CHROMIUM_ARGS,
        headless: true,
    });
}

/**
 * Logs a user in, in a fresh browser context (own cookies), and returns the page. Fails when Moodle refuses.
 *
 * @param {import('playwright-core').Browser} browser
 * @param {string} username a user of the manifest, or 'admin'
 * @returns {Promise<import('playwright-core').Page>}
 */
async function login(browser, username) {
    const { url, manifest } = site();
    const password = username === 'admin' ? required('MAGISTERE_SITE_ADMIN_PASSWORD') : manifest.password;
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    page.setDefaultTimeout(60000);
    await page.goto(`${url}/login/index.php`);
    await page.fill('#username', username);
    await page.fill('#password', password);
    await Promise.all([page.waitForNavigation(), page.click('#loginbtn')]);
    if (page.url().includes('/login/index.php')) {
        const error = await page.locator('.loginerrors, .alert-danger, #loginerrormessage').allInnerTexts();
        throw new Error(`${username} could not log in: ${error.join(' ') || page.url()}`);
    }
    return page;
}

/** Opens a path of the site and checks that Moodle answered without an error page. */
async function open(page, pathname) {
    const { url } = site();
    const response = await page.goto(url + pathname);
    if (!response || response.status() >= 400) {
        throw new Error(`${pathname}: HTTP ${response ? response.status() : 'none'}`);
    }
    if (await page.locator('.errorbox, [data-rel="fatalerror"]').count()) {
        throw new Error(`${pathname}: Moodle error: ${(await page.locator('.errorbox').allInnerTexts()).join(' ')}`);
    }
    return response;
}

/** Saves a full-page screenshot as an artefact and returns its path. */
async function screenshot(page, name) {
    const dir = process.env.MAGISTERE_BROWSER_ARTIFACTS ||
        path.join(__dirname, '..', '..', '..', '.build', 'browser-artifacts');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
}

/** Closes a page's context (logs out by forgetting the cookies). */
async function close(page) {
    await page.context().close();
}

module.exports = { CHROMIUM_ARGS, site, launch, login, open, screenshot, close };
