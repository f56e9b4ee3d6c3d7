package ru.telecom.crm.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How long since a moment, in its two largest units, in the page's language. */
class ConsoleFormatTests {

	private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

	private final ConsoleFormat fmt = new ConsoleFormat(messages(), Clock.fixed(NOW, ZoneOffset.UTC));

	@AfterEach
	void pageLanguageForgotten() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void sinceSaysTheTwoLargestUnitsInEnglishAndRussian() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(this.fmt.since(ago(Duration.ofHours(3).plusMinutes(12)))).isEqualTo("3 h 12 min");
		assertThat(this.fmt.since(ago(Duration.ofDays(2).plusHours(5).plusMinutes(59)))).isEqualTo("2 d 5 h");
		assertThat(this.fmt.since(ago(Duration.ofMinutes(7).plusSeconds(40)))).isEqualTo("7 min");
		assertThat(this.fmt.since(NOW.plusSeconds(30))).as("a clock a little ahead").isEqualTo("0 min");
		assertThat(this.fmt.since(null)).isEmpty();

		LocaleContextHolder.setLocale(Locale.forLanguageTag("ru"));
		assertThat(this.fmt.since(ago(Duration.ofHours(3).plusMinutes(12)))).isEqualTo("3 ч 12 мин");
		assertThat(this.fmt.since(ago(Duration.ofDays(2).plusHours(5)))).isEqualTo("2 дн. 5 ч");
	}

	private static Instant ago(Duration duration) {
		return NOW.minus(duration);
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("console/messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
