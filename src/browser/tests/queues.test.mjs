// Queues that show what matters (issue 13, item 2): an agent lands on his own requests in
// the console and opens two incidents of different priorities; the engineer sees in his
// work group's Tasklist queue each task's item number, priority, client and opening
// time, the most urgent first, and sorts the queue by the opening time. The work group's
// manager lands on the overview (issue 14) and follows a count to the items it counts.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertAccessible } from '../lib/axe.mjs';
import { BASE_URL, launchBrowser, screenshot, signIn } from '../lib/app.mjs';
import { awaitTasklist } from '../lib/tasklist.mjs';

const QUEUE = 'Queue: Network operations (100)';

describe('queues', () => {
	let browser;
	const incidents = {};
	before(async () => {
		browser = await launchBrowser();
		// Tasklist's first page after a cold start can take longer than a sign-in waits
		const warm = await browser.newPage();
		await warm.goto(`${BASE_URL}/camunda/app/tasklist/default/`, { timeout: 90_000 });
		await warm.close();
	});
	after(async () => {
		await browser?.close();
	});

	test('the agent lands on his own requests and opens a low and a critical incident', async () => {
		const { context, page } = await signIn(browser, 'boris', '/');
		await page.waitForURL((url) => url.pathname === '/requests' && url.searchParams.get('assignee') === 'me');
		const mine = page.getByRole('link', { name: 'Mine', exact: true });
		assert.equal(await mine.getAttribute('aria-current'), 'page');
		await screenshot(page, 'boris', 'lands-on-his-requests');
		for (const priority of ['LOW', 'CRITICAL']) {
			await page.goto(`${BASE_URL}/clients?q=%2B79007778899`);
			await page.locator('#results tbody tr').filter({ hasText: 'Popov' }).getByRole('link').click();
			await page.getByLabel('Order', { exact: true }).selectOption('ORD-3001');
			await page.getByLabel('What the client reports').fill(`Queue test, ${priority}`);
			await page.getByLabel('Priority').selectOption(priority);
			await page.getByRole('button', { name: 'Open the request' }).click();
			await page.getByText('The request is open.').waitFor();
			await page.getByLabel('Service').selectOption('1001');
			await page.getByRole('button', { name: 'Open an incident' }).click();
			await page.getByText('The incident is open.').waitFor();
			incidents[priority] = new URL(page.url()).pathname.split('/').pop();
		}
		await page.goto(`${BASE_URL}/requests?assignee=me&order=priority`);
		const rows = page.locator('#results tbody tr');
		assert.match(await rows.first().innerText(), /Critical/);
		assert.match(await rows.first().innerText(), /\d+ min/);
		await screenshot(page, 'boris', 'his-requests-most-urgent-first');
		await context.close();
	});

	test('the engineer sees number, priority, client and opening time in his queue, and sorts by it', async () => {
		const { context, page } = await signIn(browser, 'ivan');
		await awaitTasklist(page);
		await page.locator('.task-filter').filter({ hasText: QUEUE }).first().click();
		const tasks = page.locator('.tasks-list li.task');
		const critical = tasks.filter({ hasText: `Incident ${incidents.CRITICAL} · CRITICAL · Popov D. S.` });
		const low = tasks.filter({ hasText: `Incident ${incidents.LOW} · LOW · Popov D. S.` });
		await critical.first().waitFor();
		await low.first().waitFor();
		const names = await tasks.locator('.names, h4, .task-name').allInnerTexts();
		const all = (await tasks.allInnerTexts()).join('\n');
		const criticalAt = all.indexOf(`Incident ${incidents.CRITICAL} ·`);
		const lowAt = all.indexOf(`Incident ${incidents.LOW} ·`);
		assert.ok(criticalAt >= 0 && criticalAt < lowAt, `the most urgent first:\n${names.join('\n')}`);
		assert.match(await critical.first().innerText(), /Opened/);
		await screenshot(page, 'ivan', 'queue-most-urgent-first');

		// Tasklist sorts by its own choice (the task's creation, newest first, unless the
		// person picks another): the engineer sorts by priority, then by the opening time
		const sortings = page.locator('.sorting-choice');
		await sortings.first().locator('.dropdown-toggle').first().click();
		await page.locator('.dropdown-menu:visible').getByText('Priority', { exact: true }).first().click();
		await page.waitForURL((url) => decodeURIComponent(url.hash).includes('"sortBy":"priority"'));
		await page.locator('.sorting-choice + li, .sorting-choices > li').last().locator('a, button').first().click();
		const added = page.locator('.dropdown-menu:visible').last();
		await added.getByText('Task Variable', { exact: true }).click();
		const inputs = added.locator('.variable-inputs:visible');
		await inputs.getByPlaceholder('Variable name').fill('openedAt');
		await inputs.locator('select').selectOption('Date');
		await inputs.getByRole('button', { name: 'Add' }).click();
		await page.waitForURL((url) => decodeURIComponent(url.hash).includes('openedAt'));
		await critical.first().waitFor();
		const sorted = (await tasks.allInnerTexts()).join('\n');
		assert.ok(sorted.indexOf(`Incident ${incidents.CRITICAL} ·`) < sorted.indexOf(`Incident ${incidents.LOW} ·`));
		await screenshot(page, 'ivan', 'queue-sorted-by-priority-and-opening-time');
		await context.close();
	});

	test('the manager lands on the overview and a count leads to the items it counts', async () => {
		const { context, page } = await signIn(browser, 'olga', '/');
		await page.waitForURL((url) => url.pathname === '/overview');
		const unassigned = page.locator('#unassigned-incidents tbody tr');
		// the oldest waiting first: the other tests' incidents may come before these
		assert.match(await unassigned.first().innerText(), /\d+ (min|h)/);
		await assertAccessible(page, 'the overview');
		await screenshot(page, 'olga', 'overview');
		const critical = page.locator('a.count[href="/incidents?open=true&priority=CRITICAL"]');
		const counted = Number(await critical.innerText());
		assert.ok(counted >= 1);
		await critical.click();
		await page.waitForURL((url) => url.pathname === '/incidents' && url.searchParams.get('priority') === 'CRITICAL');
		const rows = page.locator('#results tbody tr');
		assert.equal(await rows.count(), Math.min(counted, 20), 'a page holds 20');
		assert.match(await rows.first().innerText(), /Critical/);
		assert.ok(await page.getByLabel('open only').isChecked());
		await screenshot(page, 'olga', 'overview-count-to-its-list');
		await page.goto(`${BASE_URL}/overview?lang=ru`);
		await page.getByRole('heading', { name: 'Обзор' }).waitFor();
		await assertAccessible(page, 'the overview in Russian');
		await screenshot(page, 'olga', 'overview-in-russian');
		await context.close();
	});
});
