// Feedback at every step and less typing (issue 13, items 3 and 5): the console's request
// form refused keeps what was typed and shows the error on its field; closing without an
// incident asks for a reason; the engineer picker shows each engineer's open load and an
// assigned incident is reassigned; Tasklist's AssignEngineer lists the group's engineers
// with their load; Tasklist says an order of another client in one sentence.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { BASE_URL, launchBrowser, screenshot, signIn } from '../lib/app.mjs';
import { claim, choose, complete, dismissNotices, openTask } from '../lib/tasklist.mjs';

const stamp = String(Date.now()).slice(-6);
const MARK = `forms-${stamp}`;

/** Popov's page in the console (ours from the start). */
async function openPopov(page) {
	await page.goto(`${BASE_URL}/clients?q=%2B79007778899`);
	await page.locator('#results tbody tr').filter({ hasText: 'Popov' }).getByRole('link').click();
	await page.getByLabel('Order', { exact: true }).waitFor();
}

/** Opens a request for Popov's ORD-3001 and its incident for 1001; returns the incident's path. */
async function openIncident(page, description) {
	await openPopov(page);
	await page.getByLabel('Order', { exact: true }).selectOption('ORD-3001');
	await page.getByLabel('What the client reports').fill(description);
	await page.getByRole('button', { name: 'Open the request' }).click();
	await page.getByText('The request is open.').waitFor();
	await page.getByLabel('Service').selectOption('1001');
	await page.getByRole('button', { name: 'Open an incident' }).click();
	await page.getByText('The incident is open.').waitFor();
	return new URL(page.url()).pathname;
}

describe('feedback and less typing', () => {
	let browser;
	let incidentPath;
	before(async () => {
		browser = await launchBrowser();
	});
	after(async () => {
		await browser?.close();
	});

	test('a refused request form keeps what was typed and shows the error on the field', async () => {
		const { context, page } = await signIn(browser, 'anna', '/requests');
		await openPopov(page);
		const service = page.getByLabel('Order', { exact: true });
		assert.deepEqual((await service.locator('option').allInnerTexts()).slice(0, 1), ['Choose the order']);
		await service.selectOption('NEW');
		await page.getByLabel('New order\'s code').fill('ORD-1001');
		await page.getByLabel('What the client reports').fill(`Router blinks red (${MARK})`);
		await page.getByRole('button', { name: 'Open the request' }).click();

		const field = page.locator('#newOrderCode');
		await page.locator('#newOrderCode-error').waitFor();
		assert.equal(await field.getAttribute('aria-invalid'), 'true');
		assert.equal(await field.getAttribute('aria-describedby'), 'newOrderCode-error');
		assert.match(await page.locator('#newOrderCode-error').innerText(), /ORD-1001 belongs to another client/);
		assert.equal(await field.inputValue(), 'ORD-1001');
		assert.equal(await page.getByLabel('What the client reports').inputValue(), `Router blinks red (${MARK})`);
		assert.equal(await page.evaluate(() => document.activeElement?.id), 'newOrderCode', 'the error is in view');
		await screenshot(page, 'anna', 'request-form-refused-keeps-typing');
		await context.close();
	});

	test('closing a request without an incident asks for a reason', async () => {
		const { context, page } = await signIn(browser, 'anna', '/requests');
		await openPopov(page);
		await page.getByLabel('Order', { exact: true }).selectOption('ORD-3001');
		await page.getByLabel('What the client reports').fill(`Asks when the bill comes (${MARK})`);
		await page.getByRole('button', { name: 'Open the request' }).click();
		await page.getByText('The request is open.').waitFor();
		assert.equal(await page.getByLabel('Service').inputValue(), '', 'no service is chosen for the agent');

		await page.locator('summary').filter({ hasText: 'Close without an incident' }).click();
		const reason = page.getByLabel('Why no incident can be opened');
		await reason.waitFor();
		assert.equal(await reason.getAttribute('required'), '');
		await screenshot(page, 'anna', 'close-asks-for-a-reason');
		await page.getByRole('button', { name: 'Close the request' }).click();
		assert.equal(await reason.evaluate((input) => input.validity.valueMissing), true, 'not without a reason');
		await reason.fill('The client only asked about the bill date');
		await page.getByRole('button', { name: 'Close the request' }).click();
		await page.getByText('The request is closed.').waitFor();
		await page.locator('.history').getByText('The client only asked about the bill date').waitFor();
		await screenshot(page, 'anna', 'closed-with-reason');
		await context.close();
	});

	test('the manager picks an engineer by load and the engineer reassigns in the console', async () => {
		const anna = await signIn(browser, 'anna', '/requests');
		incidentPath = await openIncident(anna.page, `Picker in the console (${MARK})`);
		await anna.context.close();

		const olga = await signIn(browser, 'olga', incidentPath);
		const picker = olga.page.locator('#assignee-ASSIGNED');
		await picker.waitFor();
		const options = await picker.locator('option').allInnerTexts();
		assert.ok(options.some((o) => /\(ivan\) — \d+ open/.test(o)), options.join(' | '));
		assert.ok(!options.some((o) => /sergey/.test(o)), 'only the group\'s engineers');
		await picker.selectOption('ivan');
		await screenshot(olga.page, 'olga', 'console-engineer-picker');
		await olga.page.locator('form').filter({ has: picker }).getByRole('button').click();
		await olga.page.getByText('Saved.').waitFor();
		await olga.context.close();

		const ivan = await signIn(browser, 'ivan', incidentPath);
		const reassign = ivan.page.locator('#reassign-to');
		await reassign.waitFor();
		await reassign.selectOption('petr');
		await screenshot(ivan.page, 'ivan', 'console-reassign');
		await ivan.page.getByRole('button', { name: 'Reassign' }).click();
		// no longer his: he lands on his list, with the notice
		await ivan.page.getByText('Saved.').waitFor();
		await ivan.context.close();

		const petr = await signIn(browser, 'petr', incidentPath);
		await petr.page.locator('.facts').waitFor();
		assert.match(await petr.page.locator('.facts').innerText(), /Assignee\s+petr/);
		await screenshot(petr.page, 'petr', 'console-reassigned-to-petr');
		await petr.context.close();
	});

	test('Tasklist\'s AssignEngineer lists the group\'s engineers with their load', async () => {
		const anna = await signIn(browser, 'anna', '/requests');
		await openIncident(anna.page, `Picker in Tasklist (${MARK})`);
		await anna.context.close();

		const { context, page } = await signIn(browser, 'olga');
		const form = await openTask(page, 'Queue: Network operations (100)', 'Assign an engineer', 'Popov');
		await claim(page);
		await choose(form, 'Assign (the engineer starts later)');
		await form.locator('.fjs-form-field-select').filter({ hasText: 'Engineer' }).locator('.fjs-input-group')
			.first().click();
		const items = form.locator('.fjs-dropdownlist-item');
		await items.first().waitFor();
		const shown = await items.allInnerTexts();
		assert.ok(shown.some((o) => /\(petr\) — \d+ open \/ открыто: \d+/.test(o)), shown.join(' | '));
		assert.ok(!shown.some((o) => /sergey/.test(o)), 'only the group\'s engineers');
		await screenshot(page, 'olga', 'tasklist-engineer-picker');
		await items.filter({ hasText: '(petr)' }).first().click();
		await complete(page);
		await context.close();
	});

	test('Tasklist says an order of another client in one sentence', async () => {
		const { context, page } = await signIn(browser, 'anna');
		await page.locator('.task-filter').first().waitFor();
		await page.getByText('Start process').first().click();
		const modal = page.locator('.modal-dialog');
		await modal.getByText('Service request').click();
		await modal.getByLabel('Client phone', { exact: false }).first().fill('+7 900 777 88 99');
		await modal.getByLabel('Order code', { exact: false }).first().fill('ORD-1001');
		await modal.locator('button:has-text("Start")').last().click();
		const notice = page.getByText('Order ORD-1001 belongs to another client.').first();
		await notice.waitFor();
		await notice.scrollIntoViewIfNeeded();
		const text = await notice.innerText();
		assert.doesNotMatch(text, /Exception|ru\.telecom|org\.camunda|\{/);
		await screenshot(page, 'anna', 'tasklist-refusal-one-sentence');
		await dismissNotices(page);
		await context.close();
	});
});
