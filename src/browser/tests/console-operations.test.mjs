// The rest of the seed's operations in the console: create a client, search orders, open
// a request for the new client and close it without an incident, and walk an incident
// through its state machine (start, hold, resume, unlink, close) as its engineer.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { BASE_URL, cspViolations, launchBrowser, screenshot, signIn } from '../lib/app.mjs';

const stamp = String(Date.now()).slice(-6);
const PHONE = `+7 901 ${stamp.slice(0, 3)} ${stamp.slice(3, 5)} ${stamp.slice(5)}0`;
const ORDER = `ORD-8${stamp}`;

describe('the console\'s other operations', () => {
	let browser;
	let incidentPath;
	before(async () => {
		browser = await launchBrowser();
	});
	after(async () => {
		await browser?.close();
	});

	test('an agent creates a client, opens a request for a new order and closes it without an incident', async () => {
		const { context, page } = await signIn(browser, 'anna', '/clients/new', 'console-login');
		await page.getByLabel('Last name').fill('Orlova');
		await page.getByLabel('First name').fill('Vera');
		await page.getByLabel('Phone').fill(PHONE);
		await page.getByLabel('Email').fill(`v.orlova.${stamp}@example.com`);
		await page.getByRole('button', { name: 'Save' }).click();
		await page.getByText('Saved.').waitFor();
		await screenshot(page, 'anna', 'client-created');

		await page.getByLabel('Order', { exact: true }).selectOption('NEW');
		await page.getByLabel('New order\'s code').fill(ORDER);
		await page.getByLabel('Order name (new orders only)').fill('Home internet 1 Gbit/s');
		await page.getByLabel('What the client reports').fill('Asks about the connection date');
		await page.getByRole('button', { name: 'Open the request' }).click();
		await page.getByText('The request is open.').waitFor();
		await page.locator('summary').filter({ hasText: 'Close without an incident' }).click();
		await page.getByLabel('Why no incident can be opened').fill('The client only asked about the date');
		await page.getByRole('button', { name: 'Close the request' }).click();
		await page.getByText('The request is closed.').waitFor();
		assert.match(await page.locator('.facts').innerText(), /no incident/);
		assert.equal(await page.locator('.actions-box').count(), 0);
		await screenshot(page, 'anna', 'request-closed-without-incident');

		await page.goto(`${BASE_URL}/orders?q=${ORDER}`);
		const row = page.locator('#results tbody tr').filter({ hasText: ORDER });
		await row.waitFor();
		assert.equal(await page.locator('#results tbody tr').count(), 1);
		await screenshot(page, 'anna', 'orders-search');

		await page.goto(`${BASE_URL}/clients?q=popov`);
		await page.locator('#results tbody tr').filter({ hasText: 'Popov' }).getByRole('link').click();
		await page.getByLabel('Order', { exact: true }).selectOption('ORD-3001');
		await page.getByLabel('What the client reports').fill('Slow speed in the evenings');
		await page.getByRole('button', { name: 'Open the request' }).click();
		await page.getByLabel('Service').selectOption('1001');
		await page.getByRole('button', { name: 'Open an incident' }).click();
		await page.getByText('The incident is open.').waitFor();
		incidentPath = new URL(page.url()).pathname;
		await context.close();
	});

	test('the engineer walks the incident through its states in the console', async () => {
		const { context, page } = await signIn(browser, 'ivan', incidentPath);
		const status = page.locator('.head .status');
		await page.getByRole('button', { name: 'Start work' }).click();
		await page.getByText('Saved.').waitFor();
		assert.equal(await status.innerText(), 'In work');

		await page.getByLabel('On hold because').fill('Waiting for the client to be at home');
		await page.getByRole('button', { name: 'Put on hold' }).click();
		await page.getByText('Saved.').waitFor();
		assert.equal(await status.innerText(), 'On hold');
		await screenshot(page, 'ivan', 'incident-on-hold');

		await page.getByRole('button', { name: 'Start work' }).click();
		await page.getByText('Saved.').waitFor();
		await page.getByRole('button', { name: 'Unlink from its request' }).click();
		await page.getByText('Saved.').waitFor();
		assert.match(await page.locator('.facts').innerText(), /unlinked/);

		await page.getByLabel('Narrative').fill('Replaced the line card; speed is back to the tariff.');
		await page.getByRole('button', { name: 'Close', exact: true }).click();
		await page.getByText('Saved.').waitFor();
		assert.equal(await status.innerText(), 'Closed');
		const history = await page.locator('.history').innerText();
		for (const state of ['Assigned', 'In work', 'On hold', 'Closed']) {
			assert.ok(history.includes(state), `history shows ${state}`);
		}
		await screenshot(page, 'ivan', 'incident-closed-with-history');

		await page.locator('.facts').getByRole('link', { name: /^#/ }).click();
		assert.match(await page.locator('.facts').innerText(), /its incident was unlinked/);
		await screenshot(page, 'ivan', 'request-closed-by-unlink');
		await context.close();
	});

	test('the console\'s pages broke no rule of their Content-Security-Policy', () => {
		assert.deepEqual(cspViolations, []);
	});
});
