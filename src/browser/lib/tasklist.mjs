// Camunda Tasklist as a person uses it: filters on the left, the task list, the task's
// Camunda Form on the right, "Start process" in the header.
import assert from 'node:assert/strict';

import { screenshot } from './app.mjs';

/** Waits until Tasklist shows its filters, i.e. the user is signed in. */
export async function awaitTasklist(page) {
	try {
		await page.locator('.task-filter').first().waitFor();
	}
	catch (error) {
		await screenshot(page, 'failed', 'no-tasklist');
		throw error;
	}
}

export async function filterNames(page) {
	await awaitTasklist(page);
	return (await page.locator(".task-filter .name a").allInnerTexts())
		.map((name) => name.replace(/\s*\d+\s*$/, '').trim());
}

/** Fills a Camunda Form field found by its label. */
export async function fill(scope, label, value) {
	await scope.getByLabel(label, { exact: false }).first().fill(value);
}

/**
 * Picks an option of a Camunda Form radio group by the option's label: its English
 * words, which the bilingual label ("English / Русский") starts with.
 */
export async function choose(scope, option) {
	const escaped = option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	await scope.getByLabel(new RegExp(`^${escaped}( / .*)?$`)).first().check();
}

/** Starts a service request from the header's "Start process" with the start form. */
export async function startServiceRequest(page, fields) {
	await page.getByText('Start process').first().click();
	const modal = page.locator('.modal-dialog');
	await modal.getByText('Service request').click();
	await modal.getByLabel('Client phone', { exact: false }).first().waitFor();
	for (const [label, value] of Object.entries(fields)) {
		await fill(modal, label, value);
	}
	await modal.locator('button:has-text("Start")').last().click();
	await modal.waitFor({ state: 'detached' });
	await page.getByText('The process has been started.').first().waitFor();
	await dismissNotices(page);
}

/** Closes Tasklist's notices, which would otherwise cover the form in screenshots. */
export async function dismissNotices(page) {
	for (const close of await page.locator('[notifications-panel] .close').all()) {
		await close.click({ timeout: 1000 }).catch(() => {});
	}
}

/** Opens a filter, then the task of that name whose row shows `showing`. */
export async function openTask(page, filter, taskName, showing) {
	await awaitTasklist(page);
	await page.locator('.task-filter').filter({ hasText: filter }).first().click();
	const row = page.locator('.tasks-list li.task').filter({ hasText: taskName }).filter({ hasText: showing });
	await row.first().waitFor();
	await row.first().locator('a, h4').first().click();
	const form = page.locator('.task-details, [cam-tasklist-task]').first();
	await form.getByText(taskName).first().waitFor();
	await form.locator('.fjs-form-field').first().waitFor();
	return form;
}

/** Claims the open task if it is not the user's yet. */
export async function claim(page) {
	const button = page.locator('.task-details').getByText('Claim', { exact: true });
	if (await button.count()) {
		await button.first().click();
		await button.first().waitFor({ state: 'detached' });
	}
}

/** Completes the open task's form and waits until Tasklist takes it away. */
export async function complete(page) {
	const button = page.locator('button:has-text("Complete")');
	await button.first().click();
	await page.getByText('Select a task in the list.').first().waitFor();
	await dismissNotices(page);
}

/** Asserts the texts are on show: as text or as the values of (read-only) fields. */
export async function assertShows(scope, ...texts) {
	const fields = await scope.locator('input, textarea').evaluateAll((inputs) => inputs.map((input) => input.value));
	const shown = [await scope.innerText(), ...fields].join('\n');
	for (const text of texts) {
		assert.ok(shown.includes(text), `expected "${text}" in:\n${shown}`);
	}
}

/** Picks an option of a Camunda Form select (a drop-down list of its own, not <select>). */
export async function select(scope, label, option) {
	await scope.locator('.fjs-form-field-select').filter({ hasText: label }).locator('.fjs-input-group').first()
		.click();
	await scope.locator('.fjs-dropdownlist-item').filter({ hasText: option }).first().click();
}
