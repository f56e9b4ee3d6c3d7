package ru.telecom.crm.sla.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.sla.BusinessCalendar;
import ru.telecom.crm.sla.Escalation;
import ru.telecom.crm.sla.SlaPolicy;
import ru.telecom.crm.sla.SlaSetup;
import ru.telecom.crm.sla.SlaSetup.CalendarEntry;
import ru.telecom.crm.sla.SlaSetup.HolidayEntry;
import ru.telecom.crm.sla.SlaSetup.HoursEntry;
import ru.telecom.crm.sla.SlaSetup.PolicyEntry;

/**
 * Every calendar and policy, checked: what the store writes and reads, and what the API
 * answers from (with lookups by code, service and priority).
 */
final class SlaDefinition {

	/**
	 * Defaults first, then by service code; within each by priority, least urgent first.
	 */
	static final Comparator<SlaPolicy> POLICY_ORDER = Comparator
		.comparing(SlaPolicy::serviceCode, Comparator.nullsFirst(Comparator.naturalOrder()))
		.thenComparing(SlaPolicy::priority);

	private final Map<String, NamedCalendar> calendars;

	private final SortedMap<Integer, String> groupCalendars;

	private final String helpdeskCalendar;

	private final List<SlaPolicy> policies;

	private final Map<PolicyKey, SlaPolicy> policyIndex;

	SlaDefinition(List<NamedCalendar> calendars, Map<Integer, String> groupCalendars, String helpdeskCalendar,
			List<SlaPolicy> policies) {
		this.calendars = calendars.stream()
			.sorted(Comparator.comparing(NamedCalendar::code))
			.collect(Collectors.toMap(NamedCalendar::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		this.groupCalendars = new TreeMap<>(groupCalendars);
		this.helpdeskCalendar = helpdeskCalendar;
		this.policies = policies.stream().sorted(POLICY_ORDER).toList();
		this.policyIndex = this.policies.stream()
			.collect(Collectors.toMap((policy) -> new PolicyKey(policy.serviceCode(), policy.priority()),
					Function.identity()));
	}

	Iterable<NamedCalendar> calendars() {
		return this.calendars.values();
	}

	int calendarCount() {
		return this.calendars.size();
	}

	SortedMap<Integer, String> groupCalendars() {
		return this.groupCalendars;
	}

	String helpdeskCalendar() {
		return this.helpdeskCalendar;
	}

	List<SlaPolicy> policies() {
		return this.policies;
	}

	Optional<BusinessCalendar> calendar(String code) {
		return Optional.ofNullable(this.calendars.get(code)).map(NamedCalendar::calendar);
	}

	Optional<BusinessCalendar> workGroupCalendar(int workGroupCode) {
		return Optional.ofNullable(this.groupCalendars.get(workGroupCode)).flatMap(this::calendar);
	}

	Optional<BusinessCalendar> helpdeskCalendarValue() {
		return Optional.ofNullable(this.helpdeskCalendar).flatMap(this::calendar);
	}

	Optional<SlaPolicy> policy(int serviceCode, Priority priority) {
		return Optional.ofNullable(this.policyIndex.get(new PolicyKey(serviceCode, priority)))
			.or(() -> Optional.ofNullable(this.policyIndex.get(new PolicyKey(null, priority))));
	}

	/** In the import's shape, ordered: what an export gives and an import takes back. */
	SlaSetup toSetup() {
		List<CalendarEntry> calendarEntries = this.calendars.values()
			.stream()
			.map((named) -> new CalendarEntry(named.code(), named.name(), named.calendar().zone().getId(),
					named.calendar()
						.hours()
						.stream()
						.map((hours) -> new HoursEntry(hours.day().name(), hours.from(), hours.to()))
						.toList(),
					named.holidays()
						.entrySet()
						.stream()
						.map((holiday) -> new HolidayEntry(holiday.getKey().toString(), holiday.getValue()))
						.toList()))
			.toList();
		Map<String, String> groups = new LinkedHashMap<>();
		this.groupCalendars.forEach((group, calendar) -> groups.put(String.valueOf(group), calendar));
		List<PolicyEntry> policyEntries = this.policies.stream()
			.map((policy) -> new PolicyEntry(policy.serviceCode(), policy.priority().name(),
					(int) policy.response().toMinutes(), (int) policy.resolution().toMinutes(),
					policy.warnAt().stripTrailingZeros(),
					policy.escalation().stream().map(Escalation::toString).toList()))
			.toList();
		return new SlaSetup(calendarEntries, groups, this.helpdeskCalendar, policyEntries);
	}

	/** A calendar with what only people read: its name and its holidays' names. */
	record NamedCalendar(String name, BusinessCalendar calendar, SortedMap<LocalDate, String> holidays) {

		String code() {
			return this.calendar.code();
		}

	}

	private record PolicyKey(Integer serviceCode, Priority priority) {
	}

}
