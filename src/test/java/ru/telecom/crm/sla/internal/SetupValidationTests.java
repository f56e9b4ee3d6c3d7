package ru.telecom.crm.sla.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ru.telecom.crm.catalog.CatalogApi;
import ru.telecom.crm.catalog.ServiceView;
import ru.telecom.crm.catalog.WorkGroupView;
import ru.telecom.crm.shared.InvalidInputException;
import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.sla.Escalation;
import ru.telecom.crm.sla.EscalationLevel;
import ru.telecom.crm.sla.SlaSetup;
import ru.telecom.crm.sla.SlaSetup.CalendarEntry;
import ru.telecom.crm.sla.SlaSetup.HolidayEntry;
import ru.telecom.crm.sla.SlaSetup.HoursEntry;
import ru.telecom.crm.sla.SlaSetup.PolicyEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class SetupValidationTests {

	private final CatalogApi catalog = catalogWithGroup100AndService1001();

	@Test
	void aGoodSetupBecomesCalendarsAndPoliciesAndReadsBackTheSame() {
		SlaSetup setup = new SlaSetup(
				List.of(office(),
						new CalendarEntry("night", "Night shift", "Europe/Moscow",
								List.of(new HoursEntry("monday", "22:00", "24:00"),
										new HoursEntry("TUESDAY", "00:00", "06:00")),
								null)),
				Map.of("100", "office"), "night", defaultsAnd(new PolicyEntry(1001, "HIGH", 30, 240,
						new BigDecimal("0.750"), List.of("engineer", "HEAD_OF_SUPPORT: head@telecom.example"))));

		SlaDefinition definition = SetupValidation.check(setup, this.catalog);

		assertThat(definition.workGroupCalendar(100).orElseThrow().holidays())
			.containsExactly(LocalDate.parse("2026-01-01"));
		assertThat(definition.helpdeskCalendarValue().orElseThrow().hours()).hasSize(2);
		assertThat(definition.policy(1001, Priority.HIGH).orElseThrow()).satisfies((policy) -> {
			assertThat(policy.response()).isEqualTo(Duration.ofMinutes(30));
			assertThat(policy.warnAt()).isEqualByComparingTo("0.75");
			assertThat(policy.escalation()).containsExactly(new Escalation(EscalationLevel.ENGINEER, null),
					new Escalation(EscalationLevel.HEAD_OF_SUPPORT, "head@telecom.example"));
		});
		// a service without its own policy at a priority takes the default
		assertThat(definition.policy(1001, Priority.LOW).orElseThrow().isDefault()).isTrue();
		SlaSetup exported = definition.toSetup();
		assertThat(SetupValidation.check(exported, this.catalog).toSetup()).isEqualTo(exported);
		assertThat(exported.calendars().get(0).hours().get(0)).isEqualTo(new HoursEntry("MONDAY", "22:00", "24:00"));
		assertThat(exported.policies()).extracting(PolicyEntry::service).containsExactly(null, null, null, null, 1001);
		assertThat(exported.policies().get(4).escalation()).containsExactly("ENGINEER",
				"HEAD_OF_SUPPORT:head@telecom.example");
	}

	@Test
	void everyMistakeIsNamedByItsField() {
		CalendarEntry broken = new CalendarEntry("office", "", "Mars/Olympus",
				List.of(new HoursEntry("MONDAY", "09:00", "13:00"), new HoursEntry("MONDAY", "12:00", "18:00"),
						new HoursEntry("TUESDAY", "22:00", "06:00"), new HoursEntry("FUNDAY", "9", "25:00")),
				List.of(new HolidayEntry("2026-02-30", "Nope")));
		Map<String, String> groups = new LinkedHashMap<>();
		groups.put("100", "elsewhere");
		groups.put("999", "office");
		SlaSetup setup = new SlaSetup(List.of(broken), groups, null,
				List.of(new PolicyEntry(4242, "URGENT", -5, 0, new BigDecimal("1.2"),
						List.of("CEO", "HEAD_OF_SUPPORT", "ENGINEER:ivan@example.com")),
						new PolicyEntry(null, "LOW", 60, 120, new BigDecimal("0.8"), List.of("ENGINEER", "ENGINEER")),
						new PolicyEntry(null, "LOW", 60, 120, null, null),
						new PolicyEntry(1001, "LOW", 60, 120, new BigDecimal("0.12345"), null)));

		assertThatThrownBy(() -> SetupValidation.check(setup, this.catalog)).isInstanceOf(InvalidInputException.class)
			.satisfies((ex) -> assertThat(((InvalidInputException) ex).fieldErrors()).containsOnlyKeys(
					"calendars[0].name", "calendars[0].zone", "calendars[0].hours[1]", "calendars[0].hours[2].to",
					"calendars[0].hours[3].day", "calendars[0].hours[3].from", "calendars[0].hours[3].to",
					"calendars[0].holidays[0].date", "groupCalendars.100", "groupCalendars.999", "helpdeskCalendar",
					"policies[0].service", "policies[0].priority", "policies[0].responseMinutes",
					"policies[0].resolutionMinutes", "policies[0].warnAt", "policies[0].escalation[0]",
					"policies[0].escalation[1]", "policies[0].escalation[2]", "policies[1].escalation[1]",
					"policies[2]", "policies[3].warnAt", "policies"));
	}

	@Test
	void nothingAtAllIsNotASetup() {
		assertThatThrownBy(() -> SetupValidation.check(new SlaSetup(null, null, null, null), this.catalog))
			.isInstanceOf(InvalidInputException.class)
			.satisfies((ex) -> assertThat(((InvalidInputException) ex).fieldErrors()).containsOnlyKeys("calendars",
					"helpdeskCalendar", "policies"));
	}

	@Test
	void aCalendarWithoutHoursWouldNeverEndAClock() {
		SlaSetup setup = new SlaSetup(List.of(new CalendarEntry("idle", "Idle", "UTC", List.of(), List.of())), Map.of(),
				"idle", defaultsAnd());

		assertThatThrownBy(() -> SetupValidation.check(setup, this.catalog)).isInstanceOf(InvalidInputException.class)
			.satisfies((ex) -> assertThat(((InvalidInputException) ex).fieldErrors())
				.containsOnlyKeys("calendars[0].hours"));
	}

	private static CalendarEntry office() {
		return new CalendarEntry("office", "Office", "Europe/Moscow",
				List.of(new HoursEntry("MONDAY", "09:00", "13:00"), new HoursEntry("MONDAY", "14:00", "18:00")),
				List.of(new HolidayEntry("2026-01-01", "New Year")));
	}

	private static List<PolicyEntry> defaultsAnd(PolicyEntry... more) {
		List<PolicyEntry> policies = new ArrayList<>();
		for (Priority priority : Priority.values()) {
			policies.add(new PolicyEntry(null, priority.name(), 60, 480, null, List.of("ENGINEER")));
		}
		policies.addAll(List.of(more));
		return policies;
	}

	private static CatalogApi catalogWithGroup100AndService1001() {
		CatalogApi catalog = mock(CatalogApi.class);
		given(catalog.findWorkGroup(anyInt())).willReturn(Optional.empty());
		given(catalog.findService(anyInt())).willReturn(Optional.empty());
		given(catalog.findWorkGroup(100))
			.willReturn(Optional.of(new WorkGroupView(1, 100, "Network operations", null, "olga", false)));
		given(catalog.findService(1001))
			.willReturn(Optional.of(new ServiceView(1, 1001, "Home internet", 1, 100, false)));
		return catalog;
	}

}
