package ru.telecom.crm.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;

import ru.telecom.crm.shared.CappedPage;

/**
 * How the console writes moments: {@code ${@fmt.at(instant)}}, UTC, to the minute; and
 * whether a page's total is exact: {@code ${@fmt.exact(page)}}.
 */
@Component("fmt")
class ConsoleFormat {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	public String at(Instant moment) {
		return (moment != null) ? MINUTES.format(moment) : "";
	}

	/** Whether the page's total is the list's size, not "more than" (a capped count). */
	public boolean exact(Page<?> page) {
		return !(page instanceof CappedPage<?> capped) || capped.isTotalExact();
	}

}
