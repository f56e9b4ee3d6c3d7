package ru.telecom.crm.bench;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Request bodies for the four lookup cases of the README, in turn: (1) Popov and
 * ORD-3001, both ours; (2) Popov and one of his LegacyDB orders, which is copied; (3) a
 * LegacyDB customer, copied, with his LegacyDB order (copied) or a new code (created);
 * (4) a phone and a code nobody has, both created. Cases 2 to 4 use each LegacyDB row and
 * each new phone once per run (see {@link LegacyRows}), so they stay what they are.
 */
final class IntakeMix {

	static final String POPOV = "+7 900 777-88-99";

	private static final String[] TEXTS = { "No internet since this morning", "IPTV freezes every evening",
			"Router blinking red after a storm", "Slow speed in the evening", "Static IP stopped answering",
			"Wrong amount on the bill" };

	private final AtomicLong turn = new AtomicLong();

	private final AtomicLong legacyOrder = new AtomicLong();

	private final AtomicLong legacyCustomer = new AtomicLong();

	private final AtomicLong fresh = new AtomicLong();

	private final int legacyRows;

	IntakeMix(int legacyRows) {
		this.legacyRows = legacyRows;
	}

	/** The next request, the cases in turn. */
	String next() {
		long n = this.turn.getAndIncrement();
		return body((int) (n % 4) + 1, n);
	}

	/** A request of case 1, whose lookup finds both at once (the lifecycle's opening). */
	String known(String text) {
		return open(POPOV, "ORD-3001", null, text);
	}

	/** The next LegacyDB customer's row, shared with case 3 so that each is new once. */
	long legacyCustomerRow() {
		return LegacyRows.number(this.legacyCustomer, this.legacyRows);
	}

	/** The next phone nobody has, shared with case 4. */
	String freshPhone() {
		return "+7 902 %07d".formatted(this.fresh.incrementAndGet());
	}

	private String body(int lookupCase, long n) {
		String text = TEXTS[(int) (n % TEXTS.length)];
		return switch (lookupCase) {
			case 1 -> known(text);
			case 2 -> open("89007778899", "BLP-" + LegacyRows.number(this.legacyOrder, this.legacyRows), null, text);
			case 3 -> {
				long row = LegacyRows.number(this.legacyCustomer, this.legacyRows);
				// his LegacyDB order, or a code new to both databases
				String code = (row % 2 == 0) ? "BLC-" + row : "BNC-" + row;
				yield open(LegacyRows.phone(row), code, null, text);
			}
			default -> {
				long row = this.fresh.incrementAndGet();
				yield open("+7 902 %07d".formatted(row), "BNW-" + row, "Benchmark", text);
			}
		};
	}

	private static String open(String phone, String code, String lastName, String text) {
		return "{\"clientPhone\":"
				+ Json.quote(phone) + ",\"orderCode\":" + Json.quote(code) + ((lastName != null)
						? ",\"clientLastName\":" + Json.quote(lastName) + ",\"clientFirstName\":\"Load\"" : "")
				+ ",\"description\":" + Json.quote(text) + ",\"priority\":\"NORMAL\"}";
	}

}
