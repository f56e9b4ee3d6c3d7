package ru.telecom.crm.retention;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RetentionSettingsTests {

	@ParameterizedTest
	@CsvSource({ "01:00, 05:00, 00:59, false", "01:00, 05:00, 01:00, true", "01:00, 05:00, 04:59, true",
			"01:00, 05:00, 05:00, false", "22:00, 02:00, 23:30, true", "22:00, 02:00, 01:59, true",
			"22:00, 02:00, 02:00, false", "22:00, 02:00, 12:00, false", "03:00, 03:00, 03:00, false" })
	void theWindowIsOpenFromItsStartUntilItsEnd(LocalTime start, LocalTime end, LocalTime time, boolean open) {
		RetentionSettings settings = new RetentionSettings(start, end, 10_000, Duration.ofMinutes(10), Map.of(),
				Map.of());

		assertThat(settings.inWindow(time)).isEqualTo(open);
	}

	@Test
	void aPurgeWithoutItsKeepingTimeIsAMistakeAtStart() {
		RetentionSettings settings = new RetentionSettings(LocalTime.of(1, 0), LocalTime.of(5, 0), 10_000,
				Duration.ofMinutes(10), Map.of("idempotency-keys", Duration.ofHours(24)), Map.of());

		assertThat(settings.keep("idempotency-keys")).isEqualTo(Duration.ofHours(24));
		assertThatIllegalStateException().isThrownBy(() -> settings.keep("raw-messages"))
			.withMessageContaining("crm.retention.keep.raw-messages");
	}

}
