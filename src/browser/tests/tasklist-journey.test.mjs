// DESIGN §4, clicked through Tasklist by the demo users: an agent opens a request for each
// of the four lookup cases and opens an incident from one; the work group's manager
// assigns it; the engineer starts work and closes it with a narrative; the agent's
// manager sees the request closed. Every step leaves a screenshot.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { launchBrowser, screenshot, signIn } from '../lib/app.mjs';
import {
	assertShows, choose, claim, complete, filterNames, openTask, select, startServiceRequest,
} from '../lib/tasklist.mjs';

// a client and an order nobody has yet, so that case 4 holds on a database used before
const stamp = String(Date.now()).slice(-6);
const NEW_PHONE = `+7 900 5${stamp.slice(0, 2)} ${stamp.slice(2, 4)} ${stamp.slice(4, 6)}`;
const NEW_ORDER = `ORD-9${stamp}`;

describe('DESIGN §4 in Tasklist', () => {
	let browser;
	before(async () => {
		browser = await launchBrowser();
	});
	after(async () => {
		await browser?.close();
	});

	test('the agent sees her own tasks and the helpdesk queue, nothing else', async () => {
		const { context, page } = await signIn(browser, 'anna', undefined, 'login');
		assert.deepEqual(await filterNames(page), ['My tasks', 'Helpdesk queue']);
		await screenshot(page, 'anna', 'tasklist-filters');
		await context.close();
	});

	test('the agent opens a request for each of the four lookup cases from the start form', async () => {
		const { context, page } = await signIn(browser, 'anna');
		const cases = [
			// 1: client and order in our database, the phone typed another way
			{ fields: { 'Client phone': '8 (900) 777-88-99', 'Order code': 'ORD-3001',
				'What the client reports': 'No internet since the morning' },
			shows: ['Popov Dmitry Sergeevich', 'ORD-3001 Home internet 100 Mbit/s'] },
			// 2: client in ours, the order only in LegacyDB
			{ fields: { 'Client phone': '+7 900 777 88 99', 'Order code': 'ORD-3002',
				'What the client reports': 'The static IP changed' },
			shows: ['Popov Dmitry Sergeevich', 'ORD-3002 Static IP, 150.00'] },
			// 3: the client only in LegacyDB
			{ fields: { 'Client phone': '8 (900) 111-22-33', 'Order code': 'ORD-1001',
				'What the client reports': 'The router drops the line every hour' },
			shows: ['Smirnov Alexey Petrovich', 'a.smirnov@example.com', 'ORD-1001 Home internet 500 Mbit/s, 650.00'] },
			// 4: neither
			{ fields: { 'Client phone': NEW_PHONE, 'Order code': NEW_ORDER, 'Order name': 'Fibre 1 Gbit/s',
				'Client last name': 'Sidorov', 'Client first name': 'Nikolai',
				'What the client reports': 'Wants fibre connected' },
			shows: ['Sidorov Nikolai', `${NEW_ORDER} Fibre 1 Gbit/s`] },
		];
		for (const [index, request] of cases.entries()) {
			await startServiceRequest(page, request.fields);
			const form = await openTask(page, 'My tasks', 'Qualify the request', request.fields['Order code']);
			await assertShows(form, ...request.shows);
			await screenshot(page, 'anna', `case-${index + 1}-qualify-form`);
		}
		await context.close();
	});

	test('the agent opens an incident for the LegacyDB client\'s request', async () => {
		const { context, page } = await signIn(browser, 'anna');
		const form = await openTask(page, 'My tasks', 'Qualify the request', 'Smirnov Alexey Petrovich');
		await choose(form, 'Open an incident');
		await select(form, 'Service', '1001 Home internet');
		await screenshot(page, 'anna', 'qualify-open-incident');
		await complete(page);
		await page.locator('.tasks-list li.task').filter({ hasText: 'Smirnov' }).waitFor({ state: 'detached' });
		await screenshot(page, 'anna', 'incident-opened');
		await context.close();
	});

	test('the agent closes the new client\'s request without an incident', async () => {
		const { context, page } = await signIn(browser, 'anna');
		const form = await openTask(page, 'My tasks', 'Qualify the request', NEW_ORDER);
		await choose(form, 'Close without an incident');
		await screenshot(page, 'anna', 'qualify-close-without-incident');
		await complete(page);
		await page.locator('.tasks-list li.task').filter({ hasText: NEW_ORDER }).waitFor({ state: 'detached' });
		await context.close();
	});

	test('the work group\'s manager assigns the incident to an engineer', async () => {
		const { context, page } = await signIn(browser, 'olga');
		assert.deepEqual(await filterNames(page),
			['My tasks', 'Team\'s open items', 'Queue: Network operations (100)']);
		const form = await openTask(page, 'Queue: Network operations (100)', 'Assign an engineer', 'Smirnov');
		await assertShows(form, 'Service 1001 Home internet', 'The router drops the line every hour');
		await claim(page);
		await choose(form, 'Assign (the engineer starts later)');
		await form.getByLabel('Engineer (username)').first().fill('ivan');
		await screenshot(page, 'olga', 'assign-ivan');
		await complete(page);
		await screenshot(page, 'olga', 'assigned');
		await context.close();
	});

	test('the engineer starts work and closes the incident with a narrative', async () => {
		const { context, page } = await signIn(browser, 'ivan');
		let form = await openTask(page, 'My tasks', 'Start work', 'Smirnov');
		await choose(form, 'Start work');
		await screenshot(page, 'ivan', 'start-work');
		await complete(page);

		form = await openTask(page, 'My tasks', 'Work the incident', 'Smirnov');
		await choose(form, 'Close');
		await form.getByLabel('What was done', { exact: false }).first()
			.fill('Replaced the client\'s router; the line held for an hour of monitoring.');
		await screenshot(page, 'ivan', 'close-with-narrative');
		await complete(page);
		await page.locator('.tasks-list li.task').filter({ hasText: 'Smirnov' }).waitFor({ state: 'detached' });
		await screenshot(page, 'ivan', 'closed');
		await context.close();
	});

	test('the agent\'s manager sees the request closed, with its history', async () => {
		const { context, page } = await signIn(browser, 'maria', '/requests?status=CLOSED');
		const row = page.locator('#results tbody tr').filter({ hasText: 'The router drops the line every hour' });
		await row.waitFor();
		await row.getByRole('link').first().click();
		const facts = page.locator('.facts');
		await assertShows(facts, 'Smirnov Alexey Petrovich', 'its incident closed', 'anna');
		await assertShows(page.locator('.history'), 'IN_PROGRESS', 'CLOSED');
		assert.equal(await page.locator('.actions-box').count(), 0, 'a closed request offers no action');
		await screenshot(page, 'maria', 'request-closed');
		await context.close();
	});
});
