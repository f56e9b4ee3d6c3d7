package ru.telecom.crm.channel.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import ru.telecom.crm.customer.CustomerApi;
import ru.telecom.crm.shared.DomainException;

/**
 * The order a free-text message (Telegram, SMS) names (DESIGN §5): a word that looks like
 * an order code counts only when that order exists, ours or LegacyDB's, so that a stray
 * word never becomes a new order. Structured intake (an agent, the ESB) names its order
 * code outright and is not read here.
 */
@Component
class OrderCodes {

	private static final Logger log = LoggerFactory.getLogger(OrderCodes.class);

	/** A word as customers write an order code: ORD-1001, ord-1001. */
	private static final Pattern CANDIDATE = Pattern.compile("(?i)\\b([a-z]{2,10}-\\d{1,10})\\b");

	/**
	 * Enough for any real message; a text full of codes is not looked up word by word.
	 */
	private static final int MAX_CANDIDATES = 10;

	private final CustomerApi customers;

	OrderCodes(CustomerApi customers) {
		this.customers = customers;
	}

	/** The code of an existing order the text names, or null (see {@link #read}). */
	String namedIn(String text) {
		return read(text).code();
	}

	/**
	 * The code of an existing order the text names. While LegacyDB is down a code of ours
	 * is found; when none of ours is named, the candidates are handed on unchecked
	 * ({@link Named#toCheck}), the message is taken all the same, and the caller's lookup
	 * (a job retried until LegacyDB answers) checks them: the message ends with the order
	 * it would have had.
	 */
	Named read(String text) {
		List<String> candidates = candidates(text);
		if (candidates.isEmpty()) {
			return Named.NONE;
		}
		try {
			return new Named(this.customers.existingOrderCode(candidates).orElse(null), List.of());
		}
		catch (DomainException ex) {
			if (ex.kind() != DomainException.Kind.UNAVAILABLE) {
				throw ex;
			}
			log.info("Order codes {} not checked ({}); the caller's lookup checks them", candidates, ex.getMessage());
			return new Named(null, candidates);
		}
	}

	/** An existing order's code (or null), or the candidates still to check. */
	record Named(String code, List<String> toCheck) {

		static final Named NONE = new Named(null, List.of());

	}

	/** The words of the text that look like order codes, upper case, first seen first. */
	static List<String> candidates(String text) {
		Set<String> found = new LinkedHashSet<>();
		Matcher matcher = CANDIDATE.matcher((text != null) ? text : "");
		while (matcher.find() && found.size() < MAX_CANDIDATES) {
			found.add(matcher.group(1).toUpperCase(Locale.ROOT));
		}
		return List.copyOf(found);
	}

}
