package ru.telecom.crm.support;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh Russian mobile numbers, so that tests sharing a database never meet. */
public final class TestPhones {

	private TestPhones() {
	}

	/**
	 * A valid number nobody used yet, written as an agent might:
	 * {@code 8 (9xx) xxx-xx-xx}.
	 */
	public static String fresh() {
		long subscriber = ThreadLocalRandom.current().nextLong(1_000_000L, 9_999_999L);
		String digits = "900" + subscriber;
		return "8 (" + digits.substring(0, 3) + ") " + digits.substring(3, 6) + "-" + digits.substring(6, 8) + "-"
				+ digits.substring(8);
	}

	/** The same number in E.164. */
	public static String e164(String typed) {
		return "+7" + typed.replaceAll("\\D", "").substring(1);
	}

}
