package ru.telecom.crm.shared;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JobRetriesTests {

	@Test
	void theWaitsGrowToTheCapAndRepeatItUntilTheyAddUpToThePatience() {
		String cycle = JobRetries.cycleOf(JobRetrySettings.defaults());

		assertThat(cycle).startsWith("PT10S,PT30S,PT1M,PT2M,PT2M,");
		List<Duration> waits = List.of(cycle.split(",")).stream().map(Duration::parse).toList();
		assertThat(waits).allSatisfy((wait) -> assertThat(wait).isLessThanOrEqualTo(Duration.ofMinutes(2)));
		Duration total = waits.stream().reduce(Duration.ZERO, Duration::plus);
		assertThat(total).isBetween(Duration.ofHours(2), Duration.ofHours(2).plusMinutes(2));
	}

	@Test
	void aFirstWaitLongerThanTheCapIsCapped() {
		String cycle = JobRetries.cycleOf(new JobRetrySettings(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5)),
				Duration.ofMinutes(1), Duration.ofMinutes(3)));

		assertThat(cycle).isEqualTo("PT5S,PT1M,PT1M,PT1M");
	}

	@Test
	void withNoPatienceBeyondTheFirstWaitsOnlyThoseAreTried() {
		String cycle = JobRetries
			.cycleOf(new JobRetrySettings(List.of(Duration.ofSeconds(10)), Duration.ofMinutes(2), Duration.ZERO));

		assertThat(cycle).isEqualTo("PT10S");
	}

}
