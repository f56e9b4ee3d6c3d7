package ru.telecom.crm.shared;

import java.util.ArrayList;
import java.util.List;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Phone numbers as people type them ({@code 8 (900) 111-22-33}, {@code +7 900 444-55-66})
 * turned into E.164 ({@code +79001112233}), the one form we store and compare.
 */
@Component
public class Phones {

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	private final String defaultRegion;

	public Phones(Settings settings) {
		this.defaultRegion = settings.defaultRegion();
	}

	/**
	 * The number in E.164.
	 * @param raw the number as typed
	 * @param field the input field it came from, named in the validation error
	 * @throws InvalidInputException when it is not a valid phone number
	 */
	public String normalize(String raw, String field) {
		return format(parse(raw, field), PhoneNumberFormat.E164);
	}

	/**
	 * The number as written in LegacyDB, if it is a valid one; {@code null} otherwise.
	 */
	public String normalizeOrNull(String raw) {
		try {
			return normalize(raw, "phone");
		}
		catch (InvalidInputException ex) {
			return null;
		}
	}

	/**
	 * The digit strings under which a number may be written without punctuation: country
	 * code and national number, national number with the trunk prefix (the Russian
	 * {@code 8}), national number alone.
	 */
	public List<String> digitForms(String e164) {
		PhoneNumber number = parse(e164, "phone");
		String national = UTIL.getNationalSignificantNumber(number);
		String region = UTIL.getRegionCodeForNumber(number);
		String trunk = (region != null) ? UTIL.getNddPrefixForRegion(region, true) : "";
		List<String> forms = new ArrayList<>();
		forms.add(number.getCountryCode() + national);
		if (trunk != null && !trunk.isEmpty()) {
			forms.add(trunk + national);
		}
		forms.add(national);
		return forms;
	}

	private PhoneNumber parse(String raw, String field) {
		if (raw == null || raw.isBlank()) {
			throw new InvalidInputException(field, "a phone number is required");
		}
		if (raw.length() > 32) {
			throw new InvalidInputException(field, "a phone number has at most 32 characters");
		}
		try {
			PhoneNumber number = UTIL.parse(raw, this.defaultRegion);
			if (!UTIL.isValidNumber(number)) {
				throw new InvalidInputException(field, "'" + raw + "' is not a valid phone number");
			}
			return number;
		}
		catch (NumberParseException ex) {
			throw new InvalidInputException(field, "'" + raw + "' is not a phone number");
		}
	}

	private static String format(PhoneNumber number, PhoneNumberFormat format) {
		return UTIL.format(number, format);
	}

	/**
	 * Phone settings.
	 *
	 * @param defaultRegion the region assumed for numbers written without a country code
	 */
	@ConfigurationProperties("crm.phone")
	public record Settings(@DefaultValue("RU") String defaultRegion) {
	}

}
