// Closing without an incident in Tasklist asks for the reason (issue 13, item 5): the
// QualifyRequest form shows a reason field only for that decision, will not complete
// without it, and the reason is kept in the request's activity, as the console shows.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { BASE_URL, launchBrowser, screenshot, signIn } from '../lib/app.mjs';
import { choose, complete, dismissNotices, fill, openTask, startServiceRequest } from '../lib/tasklist.mjs';

const stamp = String(Date.now()).slice(-6);
const PHONE = `+7 900 6${stamp.slice(0, 2)} ${stamp.slice(2, 4)} ${stamp.slice(4, 6)}`;
const ORDER = `ORD-8${stamp}`;
const DESCRIPTION = `Asks when the bill comes (${stamp})`;
const REASON = 'Only asked for the bill date; told on the phone.';

describe('the reason to close without an incident in Tasklist', () => {
	let browser;
	before(async () => {
		browser = await launchBrowser();
	});
	after(async () => {
		await browser?.close();
	});

	test('the reason is asked for only to close, required then, and kept in the activity', async () => {
		const { context, page } = await signIn(browser, 'anna');
		await startServiceRequest(page, { 'Client phone': PHONE, 'Order code': ORDER, 'Order name': 'Fibre 1 Gbit/s',
			'Client last name': 'Kuznetsova', 'What the client reports': DESCRIPTION });
		const form = await openTask(page, 'My tasks', 'Qualify the request', ORDER);
		const reason = form.locator('.fjs-form-field').filter({ hasText: 'Reason to close' });
		assert.equal(await reason.count(), 0, 'no reason field before a decision');

		await choose(form, 'Open an incident');
		assert.equal(await reason.count(), 0, 'no reason field to open an incident');

		await choose(form, 'Close without an incident');
		await reason.first().waitFor();
		assert.match(await reason.first().innerText(), /Причина закрытия/);
		await page.locator('button:has-text("Complete")').first().click();
		await reason.locator('.fjs-form-field-error').first().waitFor();
		assert.match(await reason.locator('.fjs-form-field-error').first().innerText(), /required/i);
		await screenshot(page, 'anna', 'close-reason-required');

		await dismissNotices(page);
		await fill(form, 'Reason to close', REASON);
		await screenshot(page, 'anna', 'close-reason-typed');
		await complete(page);
		await page.locator('.tasks-list li.task').filter({ hasText: ORDER }).waitFor({ state: 'detached' });

		await page.goto(`${BASE_URL}/requests?status=CLOSED`);
		const row = page.locator('#results tbody tr').filter({ hasText: DESCRIPTION });
		await row.waitFor();
		await row.getByRole('link').first().click();
		await page.getByText(REASON).first().waitFor();
		assert.ok((await page.content()).includes('Closed without an incident because'));
		await screenshot(page, 'anna', 'close-reason-in-activity');
		await context.close();
	});
});
