package ru.telecom.crm.sla;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import ru.telecom.crm.incident.IncidentStatus;

import static org.assertj.core.api.Assertions.assertThat;

class TrackedStatusTests {

	@Test
	void theClocksKnowEveryIncidentStatusByItsName() {
		assertThat(Arrays.stream(TrackedStatus.values()).map(Enum::name))
			.containsExactlyElementsOf(Arrays.stream(IncidentStatus.values()).map(Enum::name).toList());
	}

}
