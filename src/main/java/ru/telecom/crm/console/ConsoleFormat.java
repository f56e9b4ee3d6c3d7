package ru.telecom.crm.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** How the console writes moments: {@code ${@fmt.at(instant)}}, UTC, to the minute. */
@Component("fmt")
class ConsoleFormat {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	public String at(Instant moment) {
		return (moment != null) ? MINUTES.format(moment) : "";
	}

}
