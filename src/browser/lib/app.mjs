// What every browser test needs: the app's address, how users sign in (Camunda's own
// login in the embedded default, Keycloak's form with SSO), and screenshots kept as
// build artifacts, numbered in the order they were taken.
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.CRM_BASE_URL ?? 'http://localhost:8080').replace(/\/$/, '');
/** `camunda` (the embedded default) or `keycloak` (SSO through the crm realm). */
export const LOGIN = process.env.CRM_LOGIN ?? 'camunda';
export const SHOTS = process.env.CRM_SCREENSHOTS ?? 'target/screenshots';
/** The demo's passwords are the user names; another deployment passes its own. */
const password = (user) => process.env[`CRM_PASSWORD_${user.toUpperCase()}`] ?? user;

/**
 * What Chromium refused on the console's pages because of their Content-Security-Policy
 * (Camunda's webapps have a policy of their own and are not the console's business).
 */
export const cspViolations = [];

let shotNumber = 0;
/** Each test file runs in a process of its own: its screenshots are named after it. */
const suite = basename(process.argv[1] ?? 'browser', '.test.mjs');

export async function launchBrowser() {
	return chromium.launch({
		executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
			'--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
	});
}

/**
 * A fresh browser session of one user, signed in; lands on `path`. With `shot`, the
 * login page is kept as a screenshot of that name; `locale` is the browser's language.
 */
export async function signIn(browser, user, path = '/camunda/app/tasklist/default/', shot = undefined,
	locale = 'en-US') {
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale });
	context.setDefaultTimeout(20_000);
	const page = await context.newPage();
	page.on('pageerror', (error) => console.error(`[${user}] page error: ${error.message}`));
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text()) && !new URL(page.url()).pathname.startsWith('/camunda/')) {
			cspViolations.push(`[${user}] ${page.url()}: ${message.text()}`);
		}
	});
	await page.goto(BASE_URL + path);
	if (LOGIN === 'keycloak') {
		await page.locator('#username').fill(user);
		if (shot) {
			await screenshot(page, user, shot);
		}
		await page.locator('#password').fill(password(user));
		await page.locator('#kc-login').click();
	}
	else {
		// Camunda's login page is an Angular app: a click before it is ready submits
		// nothing, so try again until the password field is gone
		for (let attempt = 1; ; attempt += 1) {
			await page.locator('input[type=text]').first().fill(user);
			if (shot && attempt === 1) {
				await screenshot(page, user, shot);
			}
			await page.locator('input[type=password]').fill(password(user));
			await page.locator('button[type=submit]').click();
			try {
				await page.locator('input[type=password]').waitFor({ state: 'detached', timeout: 10_000 });
				break;
			}
			catch (error) {
				if (attempt === 3) {
					await screenshot(page, user, 'login-failed');
					throw error;
				}
			}
		}
	}
	return { context, page, user };
}

/** Saves what the page shows now as `<test file>-<n>-<user>-<what>.png`. */
export async function screenshot(page, user, what) {
	mkdirSync(SHOTS, { recursive: true });
	shotNumber += 1;
	const file = join(SHOTS, `${suite}-${String(shotNumber).padStart(2, '0')}-${user}-${what}.png`);
	await page.screenshot({ path: file, fullPage: true });
	return file;
}

/** Retries `check` (which throws while not yet true) until it passes or `ms` elapse. */
export async function eventually(check, ms = 10_000) {
	const deadline = Date.now() + ms;
	for (;;) {
		try {
			return await check();
		}
		catch (error) {
			if (Date.now() > deadline) {
				throw error;
			}
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	}
}
