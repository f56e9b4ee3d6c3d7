// Language, time and access (issue 13, item 7): the console in Russian with every code as
// a word of the right gender (заявка "Новая", инцидент "Новый"), Tasklist's own words in
// Russian, times in the user's own zone, the language switch (on the sign-in page too)
// that sticks, lists that keep their column names as cards on a phone, no Camunda 8
// banner on Tasklist and Cockpit, and every console page without a WCAG 2 AA violation.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertAccessible } from '../lib/axe.mjs';
import { BASE_URL, LOGIN, eventually, launchBrowser, screenshot, signIn } from '../lib/app.mjs';
import { awaitTasklist } from '../lib/tasklist.mjs';

const POPOV = '+79007778899';

describe('language, time and access', () => {
	let browser;
	let requestPath;
	let incidentPath;
	before(async () => {
		browser = await launchBrowser();
	});
	after(async () => {
		await browser?.close();
	});

	test('the console\'s sign-in page switches to Russian and keeps it', { skip: LOGIN === 'keycloak' && 'Keycloak signs users in on its own page' }, async () => {
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
		const page = await context.newPage();
		await page.goto(`${BASE_URL}/login`);
		await page.getByRole('heading', { name: 'Sign in' }).waitFor();
		await assertAccessible(page, 'the sign-in page');
		await page.getByRole('link', { name: 'Русский' }).click();
		await page.getByRole('heading', { name: 'Вход' }).waitFor();
		assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
		await assertAccessible(page, 'the sign-in page in Russian');
		await screenshot(page, 'visitor', 'login-in-russian');

		await page.goto(`${BASE_URL}/login`);
		await page.getByRole('heading', { name: 'Вход' }).waitFor();
		await page.getByLabel('Имя пользователя').fill('anna');
		await page.getByLabel('Пароль').fill('anna');
		await page.getByRole('button', { name: 'Войти' }).click();
		await page.getByRole('heading', { name: 'Заявки' }).waitFor();
		await screenshot(page, 'anna', 'signed-in-in-russian');
		await context.close();
	});

	test('an agent reads the console in Russian: every code a word, each status in its item\'s gender', async () => {
		const { context, page } = await signIn(browser, 'anna', '/requests');
		await page.getByRole('link', { name: 'Русский' }).click();
		await page.getByRole('heading', { name: 'Заявки' }).waitFor();
		await page.goto(`${BASE_URL}/clients?q=${encodeURIComponent(POPOV)}`);
		assert.equal(await page.locator('html').getAttribute('lang'), 'ru', 'the choice sticks');
		await page.locator('#results tbody tr').filter({ hasText: 'Popov' }).first().getByRole('link').click();
		await page.getByLabel('Заказ', { exact: true }).selectOption('ORD-3001');
		await page.getByLabel('Что сообщает клиент').fill('Нет сигнала после грозы');
		await page.getByRole('button', { name: 'Открыть заявку' }).click();
		await page.getByText('Заявка открыта.').waitFor();
		requestPath = new URL(page.url()).pathname;
		const facts = await page.locator('.facts').innerText();
		assert.match(facts, /Телефон/, 'the channel as a word');
		assert.match(facts, /Обычный/, 'the priority as a word');
		assert.equal((await page.locator('.status.big').innerText()).trim(), 'Новая');
		assert.match(await page.locator('.history table').innerText(), /Новая/, 'the history by status names');
		await screenshot(page, 'anna', 'request-in-russian');

		await page.getByLabel('Услуга').selectOption('1001');
		await page.getByRole('button', { name: 'Открыть инцидент' }).click();
		await page.getByText('Инцидент открыт.').waitFor();
		incidentPath = new URL(page.url()).pathname;
		assert.equal((await page.locator('.status.big').innerText()).trim(), 'Новый', 'the incident, masculine');
		// the work group's mail goes out as a job of the process: its activity, by name
		await eventually(async () => {
			await page.reload();
			assert.match(await page.locator('.activity').innerText(), /Письмо (не )?отправлено/);
		}, 20_000);
		await screenshot(page, 'anna', 'incident-in-russian');
		await page.goto(BASE_URL + requestPath);
		assert.equal((await page.locator('.facts .status').innerText()).trim(), 'Новый', 'its incident, masculine');
		assert.ok(['Новая', 'В работе'].includes((await page.locator('.status.big').innerText()).trim()), 'the request\'s own');
		await screenshot(page, 'anna', 'request-with-its-incident-in-russian');

		// every status by name in the filters: a request is Закрыта, an incident Закрыт
		await page.goto(`${BASE_URL}/requests`);
		const requestStatuses = await page.getByLabel('Статус').locator('option').allInnerTexts();
		assert.deepEqual(requestStatuses.slice(1), ['Новая', 'В работе', 'Закрыта']);
		await page.goto(`${BASE_URL}/incidents`);
		const incidentStatuses = await page.getByLabel('Статус').locator('option').allInnerTexts();
		assert.deepEqual(incidentStatuses.slice(1), ['Новый', 'Назначен', 'В работе', 'Приостановлен', 'Закрыт']);
		await page.goto(`${BASE_URL}/requests?lang=en`);
		await page.getByRole('heading', { name: 'Service requests' }).waitFor();
		await context.close();
	});

	test('times show in the user\'s own time zone, Moscow until chosen', async () => {
		const { context, page } = await signIn(browser, 'anna', requestPath);
		const created = () => page.locator('.facts dd').filter({ hasText: / · / }).first().innerText();
		assert.match(await created(), /\d{4}-\d\d-\d\d \d\d:\d\d MSK/);
		await page.getByRole('link', { name: 'Settings' }).click();
		assert.equal(await page.getByLabel('Time zone').inputValue(), 'Europe/Moscow');
		await assertAccessible(page, 'the settings');
		await page.getByLabel('Time zone').selectOption('Asia/Vladivostok');
		await page.getByRole('button', { name: 'Save' }).click();
		await page.getByText('The settings are saved.').waitFor();
		await screenshot(page, 'anna', 'time-zone-chosen');
		await page.goto(BASE_URL + requestPath);
		const moscow = /(\d\d):(\d\d) MSK/;
		assert.match(await created(), /\d\d:\d\d VLAT/);
		await screenshot(page, 'anna', 'request-times-in-vladivostok');
		await page.goto(`${BASE_URL}/requests`);
		assert.match(await page.locator('#results tbody tr').first().innerText(), /VLAT/);
		assert.doesNotMatch(await page.locator('#results tbody').innerText(), moscow);

		await page.goto(`${BASE_URL}/settings`);
		await page.getByLabel('Time zone').selectOption('Europe/Moscow');
		await page.getByRole('button', { name: 'Save' }).click();
		await page.getByText('The settings are saved.').waitFor();
		await context.close();
	});

	test('on a phone each card keeps its column names', async () => {
		const { context, page } = await signIn(browser, 'olga', '/incidents?lang=ru');
		await page.setViewportSize({ width: 390, height: 844 });
		await page.reload();
		const row = page.locator('#results tbody tr').first();
		await row.waitFor();
		assert.equal(await page.locator('#results thead').isVisible(), false);
		const shown = await row.locator('td').evaluateAll((cells) => cells.map((cell) => getComputedStyle(cell, '::before').content));
		const headers = await page.locator('#results thead th').evaluateAll((ths) => ths.map((th) => th.textContent.trim()));
		assert.deepEqual(shown, headers.map((name) => `"${name}: "`));
		assert.ok(shown.includes('"Статус: "'));
		await assertAccessible(page, 'the incidents on a phone');
		await screenshot(page, 'olga', 'incidents-cards-on-a-phone');
		await page.goto(`${BASE_URL}${incidentPath}`);
		await assertAccessible(page, 'an incident on a phone');
		await screenshot(page, 'olga', 'incident-on-a-phone');
		await page.goto(`${BASE_URL}/incidents?lang=en`);
		await context.close();
	});

	test('Tasklist speaks Russian to a Russian browser, and neither Tasklist nor Cockpit shows the Camunda 8 banner', async () => {
		const { context, page } = await signIn(browser, 'anna', '/camunda/app/tasklist/default/', undefined, 'ru-RU');
		await awaitTasklist(page);
		await page.getByText('Начать процесс').first().waitFor();
		assert.equal(await page.getByText('Start process').count(), 0, 'no English left in the header');
		const banner = page.locator('.ce-eol-banner');
		assert.ok(await banner.count() > 0, 'Camunda 7 CE renders its banner');
		assert.equal(await banner.first().isVisible(), false, 'and our user-styles.css hides it');
		await screenshot(page, 'anna', 'tasklist-in-russian');
		await context.close();

		const manager = await signIn(browser, 'maria', '/camunda/app/cockpit/default/');
		await manager.page.locator('.ce-eol-banner').first().waitFor({ state: 'attached' });
		assert.equal(await manager.page.locator('.ce-eol-banner').first().isVisible(), false);
		await manager.page.getByText('Process Definitions').first().waitFor().catch(() => {});
		await screenshot(manager.page, 'maria', 'cockpit-without-banner');
		await manager.context.close();
	});

	test('every console page passes axe (WCAG 2 AA) in English and Russian', async () => {
		const { context, page } = await signIn(browser, 'anna', '/requests');
		const clientId = await (async () => {
			await page.goto(`${BASE_URL}/clients?q=${encodeURIComponent(POPOV)}`);
			const href = await page.locator('#results tbody tr').filter({ hasText: 'Popov' }).first().getByRole('link').getAttribute('href');
			return href.split('/').pop();
		})();
		const pages = {
			'the requests': '/requests',
			'a request with its notes': requestPath,
			'the incidents': '/incidents',
			'an incident with its notes': incidentPath,
			'the clients': `/clients?q=${encodeURIComponent(POPOV)}`,
			'a client': `/clients/${clientId}`,
			'the client form': `/clients/${clientId}/edit`,
			'the new client form': '/clients/new',
			'the orders': '/orders',
			'the new order form': `/orders/new?clientId=${clientId}`,
			'the settings': '/settings',
			'a page not found': '/incidents/999999999',
		};
		for (const lang of ['en', 'ru']) {
			for (const [what, path] of Object.entries(pages)) {
				await page.goto(`${BASE_URL}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
				await assertAccessible(page, `${what} (${lang})`);
			}
		}
		// with a refusal shown on its field
		await page.goto(`${BASE_URL}/clients/${clientId}/edit?lang=en`);
		await page.getByLabel('INN').fill('7707083894');
		await page.getByRole('button', { name: 'Save' }).click();
		await page.locator('.field-error').first().waitFor();
		await assertAccessible(page, 'the client form with a refusal');
		await screenshot(page, 'anna', 'axe-client-form-refused');
		await context.close();
	});
});
