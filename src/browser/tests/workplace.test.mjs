// Issue 13's "done when", as the helpdesk works: anna takes a call from Kuznetsova, who is
// only in LegacyDB, finds her by a phone written another way (no "New client" next to it),
// opens her (which copies her into ours), opens a request for her LegacyDB order and the
// incident for it, and reads both numbers to the caller from the page she is on. olga
// gives the incident to ivan with the picker that shows each engineer's load; ivan sees
// its number, priority, client and opening time in his Tasklist queue, writes a note,
// attaches a file and hands it on to petr. The header's search finds the request by its
// number and by the note's text; an engineer of another work group finds nothing of it.
// The embedded default walks it in English, Keycloak in Russian (a fresh app each).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { BASE_URL, LOGIN, cspViolations, launchBrowser, screenshot, signIn } from '../lib/app.mjs';
import { awaitTasklist } from '../lib/tasklist.mjs';

const stamp = String(Date.now()).slice(-6);
const NOTE = `ticket-${stamp} confirmed by the caller`;

/** The console's words this walk reads and clicks, in the language of the run. */
const WORDS = {
	en: {
		locale: 'en-US', apply: 'Apply', copied: 'Copied from LegacyDB.', order: 'Order',
		reports: 'What the client reports', priority: 'Priority', openRequest: 'Open the request',
		requestOpen: 'The request is open.', service: 'Service', openIncident: 'Open an incident',
		incidentOpen: 'The incident is open.', request: 'Service request', incident: 'Incident', high: 'High',
		assign: 'Assign', saved: 'Saved.', addNote: 'Add a note', addTheNote: 'Add the note',
		noteAdded: 'The note is added.', file: 'File', upload: 'Upload', fileAttached: 'The file is attached.',
		reassign: 'Reassign', search: 'Search everything', find: 'Find', nothing: 'Nothing found.', load: '\\d+ open',
	},
	ru: {
		locale: 'ru-RU', apply: 'Применить', copied: 'Скопировано из LegacyDB.', order: 'Заказ',
		reports: 'Что сообщает клиент', priority: 'Приоритет', openRequest: 'Открыть заявку',
		requestOpen: 'Заявка открыта.', service: 'Услуга', openIncident: 'Открыть инцидент',
		incidentOpen: 'Инцидент открыт.', request: 'Заявка', incident: 'Инцидент', high: 'Высокий',
		assign: 'Назначить', saved: 'Сохранено.', addNote: 'Добавить заметку', addTheNote: 'Добавить заметку',
		noteAdded: 'Заметка добавлена.', file: 'Файл', upload: 'Загрузить', fileAttached: 'Файл прикреплён.',
		reassign: 'Переназначить', search: 'Поиск по всему', find: 'Найти', nothing: 'Ничего не найдено.',
		load: 'открыто: \\d+',
	},
};
const LANG = process.env.CRM_WORKPLACE_LANG ?? (LOGIN === 'keycloak' ? 'ru' : 'en');
const W = WORDS[LANG];

describe(`the agent's and the engineer's workplace (${LANG})`, () => {
	let browser;
	let requestPath;
	let incidentPath;
	before(async () => {
		browser = await launchBrowser();
	});
	after(async () => {
		await browser?.close();
	});

	const as = (user, path) => signIn(browser, user, path, undefined, W.locale);

	test('the agent opens a request and an incident for a LegacyDB-only caller and reads both numbers', async () => {
		const { context, page } = await as('anna', '/clients');
		await page.getByRole('searchbox').fill('8 900 444 55 66');
		await page.getByRole('button', { name: W.apply }).click();
		await page.waitForURL((url) => url.searchParams.has('q'));
		const row = page.locator('#results tbody tr').filter({ hasText: 'Kuznetsova Irina Olegovna' });
		await row.waitFor();
		assert.match(await row.innerText(), /LegacyDB/);
		assert.equal(await page.locator('a[href="/clients/new"]').count(), 0,
			'no "New client" next to a phone LegacyDB knows');
		await screenshot(page, 'anna', 'legacy-client-found-by-phone');

		await row.getByRole('button', { name: 'Kuznetsova Irina Olegovna' }).click();
		await page.getByText(W.copied).waitFor();
		assert.match(new URL(page.url()).pathname, /^\/clients\/\d+$/);
		assert.ok((await page.locator('.facts').innerText()).includes('+79004445566'));
		const legacyOrder = page.locator('table.list').first().locator('tr').filter({ hasText: 'ORD-2001' });
		assert.match(await legacyOrder.innerText(), /LegacyDB/, 'her LegacyDB order is listed');
		await screenshot(page, 'anna', 'legacy-client-copied');

		await page.getByLabel(W.order, { exact: true }).selectOption('ORD-2001');
		await page.getByLabel(W.reports).fill(`Office internet down since the morning (${stamp})`);
		await page.getByLabel(W.priority).selectOption('HIGH');
		await page.getByRole('button', { name: W.openRequest }).click();
		await page.getByText(W.requestOpen).waitFor();
		requestPath = new URL(page.url()).pathname;
		const requestNumber = requestPath.split('/').pop();
		assert.equal(await page.locator('h1').innerText(), `${W.request} ${requestNumber}`, 'the request\'s number');
		await screenshot(page, 'anna', 'request-opened');

		await page.getByLabel(W.service).selectOption('1001');
		await page.getByRole('button', { name: W.openIncident }).click();
		await page.getByText(W.incidentOpen).waitFor();
		incidentPath = new URL(page.url()).pathname;
		const incidentNumber = incidentPath.split('/').pop();
		// both numbers on the page she is on, to read to the caller
		assert.equal(await page.locator('h1').innerText(), `${W.incident} ${incidentNumber}`);
		assert.match(await page.locator('.facts').innerText(), new RegExp(`#${requestNumber}\\b`));
		assert.match(await page.locator('.facts').innerText(), new RegExp(W.high));
		await screenshot(page, 'anna', 'incident-opened-both-numbers');
		await context.close();
	});

	test('the work group\'s manager gives the incident to an engineer picked by his load', async () => {
		const { context, page } = await as('olga', incidentPath);
		const picker = page.locator('#assignee-ASSIGNED');
		await picker.waitFor();
		const options = await picker.locator('option').allInnerTexts();
		assert.ok(options.some((o) => new RegExp(`\\(ivan\\) — ${W.load}`).test(o)), options.join(' | '));
		await picker.selectOption('ivan');
		await screenshot(page, 'olga', 'engineer-picker');
		await page.locator('form').filter({ has: picker }).getByRole('button', { name: W.assign }).click();
		await page.getByText(W.saved).waitFor();
		await context.close();
	});

	test('the engineer sees number, priority, client and opening time in his queue', async () => {
		const number = incidentPath.split('/').pop();
		const { context, page } = await as('ivan');
		await awaitTasklist(page);
		await page.locator('.task-filter').first().click();
		const task = page.locator('.tasks-list li.task').filter({ hasText: `Incident ${number} · HIGH · Kuznetsova I. O.` });
		await task.first().waitFor();
		const shown = await task.first().innerText();
		assert.match(shown, /\b75\b/, 'the task has the item\'s priority');
		assert.match(shown, /Opened/, 'the item\'s opening time is a column');
		await screenshot(page, 'ivan', 'his-queue');

		// the console lands him on his own incidents, with the item's age and priority
		await page.goto(`${BASE_URL}/`);
		await page.waitForURL((url) => url.pathname === '/incidents' && url.searchParams.get('assignee') === 'me');
		const row = page.locator('#results tbody tr').filter({ has: page.locator(`a[href="${incidentPath}"]`) });
		assert.match(await row.innerText(), new RegExp(`\\d+ (min|мин|h|ч)[\\s\\S]*${W.high}`));
		await screenshot(page, 'ivan', 'his-incidents');
		await context.close();
	});

	test('the engineer writes a note, attaches a file and hands the incident on', async () => {
		const { context, page } = await as('ivan', incidentPath);
		await page.getByLabel(W.addNote, { exact: false }).fill(NOTE);
		await page.getByRole('button', { name: W.addTheNote }).click();
		await page.getByText(W.noteAdded).waitFor();
		await page.getByLabel(W.file, { exact: false }).setInputFiles({ name: 'line-test.txt', mimeType: 'text/plain',
			buffer: Buffer.from('Line test from the exchange: no errors.\n') });
		await page.getByRole('button', { name: W.upload }).click();
		await page.getByText(W.fileAttached).waitFor();
		await page.locator('.attachment-list').getByRole('link', { name: 'line-test.txt' }).waitFor();
		await screenshot(page, 'ivan', 'note-and-file');

		await page.locator('#reassign-to').selectOption('petr');
		await page.getByRole('button', { name: W.reassign }).click();
		await page.getByText(W.saved).waitFor();
		await context.close();

		const petr = await as('petr', incidentPath);
		assert.match(await petr.page.locator('.facts').innerText(), /petr/);
		// the incident's own notes (the page also lists its request's)
		await petr.page.locator('.notes .note-list').filter({ hasText: NOTE }).waitFor();
		await screenshot(petr.page, 'petr', 'handed-on-to-petr');
		await petr.context.close();
	});

	test('the header search finds the request by its number and by the note\'s text', async () => {
		const { context, page } = await as('anna', '/requests');
		const number = requestPath.split('/').pop();
		const box = page.getByRole('textbox', { name: W.search });
		await box.fill(`#${number}`);
		await box.press('Enter');
		await page.waitForURL((url) => url.pathname === '/search');
		await page.locator(`#search-requests a[href="${requestPath}"]`).waitFor();
		await screenshot(page, 'anna', 'header-search-by-number');

		await page.getByRole('textbox', { name: W.search }).fill(`ticket-${stamp}`);
		await page.getByRole('button', { name: W.find }).click();
		await page.locator(`#search-incidents a[href="${incidentPath}"]`).waitFor();
		await screenshot(page, 'anna', 'header-search-by-note');
		await context.close();
	});

	test('an engineer of another work group finds none of it', async () => {
		const { context, page } = await as('sergey', '/incidents');
		await page.getByRole('textbox', { name: W.search }).fill(`ticket-${stamp}`);
		await page.getByRole('button', { name: W.find }).click();
		await page.waitForURL((url) => url.pathname === '/search');
		await page.getByText(W.nothing).first().waitFor();
		assert.equal(await page.locator(`a[href="${requestPath}"], a[href="${incidentPath}"]`).count(), 0);
		await screenshot(page, 'sergey', 'header-search-hidden');
		await context.close();
	});

	test('the workplace\'s pages broke no rule of their Content-Security-Policy', () => {
		assert.deepEqual(cspViolations, []);
	});
});
