// Accessibility checks with axe-core (Deque's engine, from npm): a page must have no
// violation of WCAG 2.0/2.1 A and AA. Axe is evaluated in the page through the browser's
// debugging protocol, which the console's Content-Security-Policy does not govern, so no
// page needs an exception for it.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const axe = createRequire(import.meta.url)('axe-core');

const WCAG_2_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The violations axe finds on what the page shows now, one readable line each. */
export async function axeViolations(page) {
	if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
		await page.evaluate(axe.source);
	}
	const result = await page.evaluate(
		(tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
		WCAG_2_AA);
	return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

/** Fails when the page has any WCAG 2 AA violation; `what` names the page in the message. */
export async function assertAccessible(page, what) {
	const violations = await axeViolations(page);
	assert.deepEqual(violations, [], `axe on ${what} (${page.url()})`);
}
