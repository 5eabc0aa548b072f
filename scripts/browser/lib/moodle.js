// Helpers of the browser tests: launch Debian's chromium through playwright-core, log in to the Moodle site of
// scripts/site/site.sh as a user of its manifest, keep screenshots and downloads as artefacts, read the site's
// database (scripts/site/read.php) to check what a page said.
//
// Environment (scripts/suites/70-browser.sh sets it; `eval "$(scripts/site/site.sh env)"` does too):
//   MAGISTERE_SITE_URL, MAGISTERE_SITE_MANIFEST   the running site and its users (scripts/site/setup.php)
//   MAGISTERE_SITE_ADMIN_PASSWORD                the admin's password
//   MAGISTERE_BROWSER_ARTIFACTS                  folder of the screenshots (default .build/browser-artifacts)
//   MAGISTERE_CHROMIUM                           the browser (default /usr/bin/chromium)
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
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
    // The login page's own scripts call the web services with the not-yet-logged-in session (media_videojs
    // asks for its language strings). Submitting while such a call is in flight races the login: when Moodle
    // handles the call after the login has replaced that session, it finds no session for the call's old
    // cookie, starts an empty one and sends its cookie, which replaces the logged-in one; the next page says
    // "Your session has timed out" (seen once on Moodle 4.5: the call's POST ended after the login's in the
    // access log). A person does not type that fast: wait until the page is quiet.
    await page.goto(`${url}/login/index.php`, { waitUntil: 'networkidle' });
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

/** The folder of the artefacts (created). */
function artifacts() {
    const dir = process.env.MAGISTERE_BROWSER_ARTIFACTS ||
        path.join(__dirname, '..', '..', '..', '.build', 'browser-artifacts');
    fs.mkdirSync(dir, { recursive: true });
    return dir;
}

/** Saves a full-page screenshot as an artefact and returns its path. */
async function screenshot(page, name) {
    const file = path.join(artifacts(), `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
}

/**
 * Clicks what starts a download, waits for it, keeps the file as an artefact (under its name prefixed with TAG) and
 * returns its name as the site sent it and its bytes. Fails when the download fails.
 *
 * @param {import('playwright-core').Page} page
 * @param {() => Promise<unknown>} start
 * @param {string} tag
 * @returns {Promise<{name: string, file: string, bytes: Buffer}>}
 */
async function download(page, start, tag) {
    const [dl] = await Promise.all([page.waitForEvent('download'), start()]);
    const failure = await dl.failure();
    if (failure) {
        throw new Error(`the download of ${dl.suggestedFilename()} failed: ${failure}`);
    }
    const name = dl.suggestedFilename();
    const file = path.join(artifacts(), `${tag}-${name}`);
    await dl.saveAs(file);
    return { name, file, bytes: fs.readFileSync(file) };
}

/**
 * Runs scripts/site/read.php on the running site (scripts/site/site.sh php) and returns its standard output.
 *
 * @param {...string} args
 * @returns {Buffer}
 */
function readSite(...args) {
    const root = path.join(__dirname, '..', '..', '..');
    return execFileSync(path.join(root, 'scripts', 'site', 'site.sh'),
        ['php', path.join(root, 'scripts', 'site', 'read.php'), ...args], { maxBuffer: 64 << 20 });
}

/**
 * Parses CSV text as Moodle's CSV dataformat writes it (comma, double quotes doubled, optional UTF-8 BOM): the rows
 * as arrays of strings. Fails on an unterminated quote.
 *
 * @param {string} text
 * @returns {string[][]}
 */
function parseCsv(text) {
    const rows = [];
    let row = [];
    let field = '';
    let quoted = false;
    let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    for (; i < text.length; i++) {
        const c = text[i];
        if (quoted) {
            if (c === '"' && text[i + 1] === '"') {
                field += '"';
                i++;
            } else if (c === '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c === '"') {
            quoted = true;
        } else if (c === ',') {
            row.push(field);
            field = '';
        } else if (c === '\n' || c === '\r') {
            if (c === '\r' && text[i + 1] === '\n') {
                i++;
            }
            row.push(field);
            rows.push(row);
            row = [];
            field = '';
        } else {
            field += c;
        }
    }
    if (quoted) {
        throw new Error('CSV: unterminated quoted field');
    }
    if (field !== '' || row.length) {
        row.push(field);
        rows.push(row);
    }
    return rows;
}

/** Runs scripts/browser/lib/files.php (PHP's XML and ZIP readers) on a file and returns its JSON answer. */
function readFile(kind, file) {
    return JSON.parse(execFileSync('php', [path.join(__dirname, 'files.php'), kind, file]).toString('utf8'));
}

/** Checks FILE is well-formed XML (fails otherwise) and returns {root, namespace} of its root element. */
function readXml(file) {
    return readFile('xml', file);
}

/** Reads the first sheet of an OpenDocument spreadsheet (fails when it is not a well-formed one): rows of texts. */
function readOds(file) {
    return readFile('ods', file);
}

/** Closes a page's context (logs out by forgetting the cookies). */
async function close(page) {
    await page.context().close();
}

module.exports = {
    CHROMIUM_ARGS, site, launch, login, open, artifacts, screenshot, download, readSite, parseCsv, readXml, readOds, close,
};
