package ru.telecom.crm.customer.domain;

import ru.telecom.crm.shared.InvalidInputException;

/**
 * The Russian taxpayer number (ИНН): 10 digits for an organisation, 12 for a person, the
 * last one or two being check digits.
 */
final class Inn {

	private static final int[] TEN = { 2, 4, 10, 3, 5, 9, 4, 6, 8 };

	private static final int[] ELEVEN = { 7, 2, 4, 10, 3, 5, 9, 4, 6, 8 };

	private static final int[] TWELVE = { 3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8 };

	private Inn() {
	}

	/**
	 * The INN without spaces, or {@code null} when none is given.
	 * @throws InvalidInputException when it is not 10 or 12 digits or a check digit is
	 * wrong
	 */
	static String validate(String raw, String field) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		String inn = raw.replaceAll("\\s", "");
		if (!isValid(inn)) {
			throw new InvalidInputException(field,
					"'" + raw + "' is not a valid INN (10 or 12 digits with check digits)");
		}
		return inn;
	}

	static boolean isValid(String inn) {
		if (inn == null || !inn.matches("\\d{10}|\\d{12}")) {
			return false;
		}
		if (inn.length() == 10) {
			return check(inn, TEN) == digit(inn, 9);
		}
		return check(inn, ELEVEN) == digit(inn, 10) && check(inn, TWELVE) == digit(inn, 11);
	}

	private static int check(String inn, int[] weights) {
		int sum = 0;
		for (int i = 0; i < weights.length; i++) {
			sum += weights[i] * digit(inn, i);
		}
		return sum % 11 % 10;
	}

	private static int digit(String inn, int index) {
		return inn.charAt(index) - '0';
	}

}
