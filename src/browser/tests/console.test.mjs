// The CRM console (DESIGN §9) as the demo users use it: an agent finds a client by a phone
// typed differently, edits the email, creates an order, opens a request from the client's
// page and follows the link into Tasklist; a work group's manager filters the group's
// open items; an engineer of another group gets "not found" on the incident's address.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { BASE_URL, cspViolations, eventually, launchBrowser, screenshot, signIn } from '../lib/app.mjs';

const stamp = String(Date.now()).slice(-6);
const ORDER = `ORD-7${stamp}`;
const EMAIL = `d.popov.${stamp}@example.com`;

describe('the CRM console', () => {
	let browser;
	let incidentPath;
	before(async () => {
		browser = await launchBrowser();
	});
	after(async () => {
		await browser?.close();
	});

	test('an agent finds a client by phone, edits the email and creates an order', async () => {
		const { context, page } = await signIn(browser, 'anna', '/clients', 'console-login');
		await page.getByRole('searchbox').fill('8 (900) 777 88-99');
		await page.getByRole('button', { name: 'Apply' }).click();
		const row = page.locator('#results tbody tr').filter({ hasText: 'Popov Dmitry Sergeevich' });
		await page.waitForURL((url) => url.searchParams.has('q'));
		// htmx swaps the results in as one types: wait for the answer to the whole number
		await eventually(async () => {
			const found = await page.locator('#results tbody tr').allInnerTexts();
			assert.ok(found.length > 0);
			for (const text of found) {
				assert.match(text, /\+79007778899/, 'only clients with that phone');
			}
		});
		await screenshot(page, 'anna', 'console-client-found-by-phone');

		await row.getByRole('link').click();
		await page.getByRole('link', { name: 'Edit client' }).click();
		// an INN whose checksum fails: refused with a readable message, nothing saved
		await page.getByLabel('INN').fill('7707083894');
		await page.getByLabel('Email').fill(EMAIL);
		await page.getByRole('button', { name: 'Save' }).click();
		await page.locator('.problem').waitFor();
		assert.match(await page.locator('.field-error').first().innerText(), /\S/);
		await screenshot(page, 'anna', 'console-client-bad-inn');

		await page.getByLabel('INN').fill('');
		await page.getByRole('button', { name: 'Save' }).click();
		await page.getByText('Saved.').waitFor();
		assert.ok((await page.locator('.facts').innerText()).includes(EMAIL));
		await screenshot(page, 'anna', 'console-client-email-saved');

		await page.getByRole('link', { name: 'New order' }).click();
		await page.getByLabel('Code').fill(ORDER);
		await page.getByLabel('Name').fill('Static IPv6 block');
		await page.getByLabel('Price').fill('99.50');
		await page.getByRole('button', { name: 'Save' }).click();
		await page.locator('table.list').first().getByText(ORDER).waitFor();
		await screenshot(page, 'anna', 'console-order-created');
		await context.close();
	});

	test('the agent opens a request from the client\'s page, an incident from it, and follows the link into Tasklist', async () => {
		const { context, page } = await signIn(browser, 'anna', '/clients?q=%2B79007778899');
		await page.locator('#results tbody tr').filter({ hasText: 'Popov' }).getByRole('link').click();
		await page.getByLabel('Order', { exact: true }).selectOption(ORDER);
		await page.getByLabel('What the client reports').fill('IPv6 block not routed');
		await page.getByRole('button', { name: 'Open the request' }).click();
		await page.getByText('The request is open.').waitFor();
		assert.ok((await page.locator('.facts').innerText()).includes(ORDER));
		const taskLink = page.getByRole('link', { name: 'Open "Qualify the request" in Tasklist' });
		await taskLink.waitFor();
		await screenshot(page, 'anna', 'console-request-opened');
		const requestPath = new URL(page.url()).pathname;

		await taskLink.click();
		await page.locator('.fjs-form-field').first().waitFor();
		const fields = await page.locator('input, textarea').evaluateAll((inputs) => inputs.map((input) => input.value));
		assert.ok(fields.some((value) => value.includes(ORDER)), 'Tasklist shows the request\'s task');
		await screenshot(page, 'anna', 'console-link-into-tasklist');

		await page.goto(BASE_URL + requestPath);
		await page.getByLabel('Service').selectOption('1001');
		await page.getByRole('button', { name: 'Open an incident' }).click();
		await page.getByText('The incident is open.').waitFor();
		incidentPath = new URL(page.url()).pathname;
		await screenshot(page, 'anna', 'console-incident-opened');
		await context.close();
	});

	test('the work group\'s manager filters the group\'s open items', async () => {
		const { context, page } = await signIn(browser, 'olga', '/incidents');
		await page.getByLabel('Work group').selectOption('100');
		await page.getByLabel('Status').selectOption('NEW');
		await page.getByRole('button', { name: 'Apply' }).click();
		await page.waitForURL((url) => url.searchParams.get('group') === '100'
			&& url.searchParams.get('status') === 'NEW');
		const rows = page.locator('#results tbody tr');
		// htmx swaps the results in as the filters change: wait for the last answer
		await eventually(async () => {
			const texts = await rows.allInnerTexts();
			assert.ok(texts.some((text) => text.includes(incidentPath.split('/').pop()) || text.includes('Popov')));
			for (const text of texts) {
				assert.match(text, /\tNew$/);
			}
		});
		await screenshot(page, 'olga', 'console-group-open-incidents');
		// on a phone the table folds into one card per incident
		await page.setViewportSize({ width: 390, height: 844 });
		assert.equal(await page.locator('#results thead').isVisible(), false);
		await screenshot(page, 'olga', 'console-incidents-on-a-phone');
		await page.setViewportSize({ width: 1440, height: 900 });
		await page.goto(`${BASE_URL}${incidentPath}?lang=ru`);
		await page.getByText('История статусов').waitFor();
		await screenshot(page, 'olga', 'console-incident-in-russian');
		await page.goto(`${BASE_URL}/incidents?lang=en`);
		await context.close();
	});

	test('an engineer of another work group gets "not found" on the incident\'s address', async () => {
		const { context, page } = await signIn(browser, 'sergey', '/incidents');
		const response = await page.goto(BASE_URL + incidentPath);
		assert.equal(response.status(), 404);
		await page.getByText('Not found').first().waitFor();
		await screenshot(page, 'sergey', 'console-hidden-incident-404');
		await page.goto(`${BASE_URL}/incidents`);
		assert.equal(await page.locator(`a[href="${incidentPath}"]`).count(), 0, 'not listed either');
		await context.close();
	});

	test('the console\'s pages broke no rule of their Content-Security-Policy', () => {
		assert.deepEqual(cspViolations, []);
	});
});
