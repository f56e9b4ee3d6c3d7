package ru.telecom.crm.sla.internal;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.sla.BusinessCalendar;
import ru.telecom.crm.sla.Escalation;
import ru.telecom.crm.sla.SlaPolicy;
import ru.telecom.crm.sla.WorkingHours;
import ru.telecom.crm.sla.internal.SlaDefinition.NamedCalendar;

/**
 * The {@code sla_*} tables: read whole, replaced whole. Plain JDBC on the app's data
 * source, so that it joins the transaction the JPA transaction manager holds.
 */
@Repository
class SlaStore {

	private final JdbcTemplate jdbc;

	SlaStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * {@link #read()} in a transaction of its own that sees one state of the tables:
	 * every table as of one instant, never half of an import committing meanwhile (what
	 * the cache keeps).
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW, isolation = Isolation.REPEATABLE_READ, readOnly = true)
	SlaDefinition readConsistently() {
		return read();
	}

	SlaDefinition read() {
		Map<String, List<WorkingHours>> hours = new HashMap<>();
		this.jdbc.query("select calendar_code, day_of_week, from_minute, to_minute from sla_calendar_hours", (rs) -> {
			hours.computeIfAbsent(rs.getString("calendar_code"), (code) -> new ArrayList<>())
				.add(new WorkingHours(DayOfWeek.of(rs.getInt("day_of_week")), rs.getInt("from_minute"),
						rs.getInt("to_minute")));
		});
		Map<String, SortedMap<LocalDate, String>> holidays = new HashMap<>();
		this.jdbc.query("select calendar_code, holiday_date, name from sla_holiday", (rs) -> {
			holidays.computeIfAbsent(rs.getString("calendar_code"), (code) -> new TreeMap<>())
				.put(rs.getObject("holiday_date", LocalDate.class), rs.getString("name"));
		});
		List<NamedCalendar> calendars = this.jdbc.query("select code, name, time_zone from sla_calendar", (rs, row) -> {
			String code = rs.getString("code");
			SortedMap<LocalDate, String> days = holidays.getOrDefault(code, new TreeMap<>());
			return new NamedCalendar(rs.getString("name"), new BusinessCalendar(code,
					ZoneId.of(rs.getString("time_zone")), hours.getOrDefault(code, List.of()), days.keySet()), days);
		});
		Map<Integer, String> groups = new LinkedHashMap<>();
		this.jdbc.query("select work_group_code, calendar_code from sla_group_calendar",
				(RowCallbackHandler) (rs) -> groups.put(rs.getInt("work_group_code"), rs.getString("calendar_code")));
		String helpdesk = this.jdbc.query("select calendar_code from sla_helpdesk_calendar",
				(rs) -> rs.next() ? rs.getString(1) : null);
		List<SlaPolicy> policies = this.jdbc.query(
				"select service_code, priority, response_minutes, resolution_minutes, warn_at, escalation from sla_policy",
				(rs, row) -> new SlaPolicy(rs.getObject("service_code", Integer.class),
						Priority.valueOf(rs.getString("priority")), Duration.ofMinutes(rs.getInt("response_minutes")),
						Duration.ofMinutes(rs.getInt("resolution_minutes")),
						rs.getBigDecimal("warn_at").stripTrailingZeros(), escalation(rs.getString("escalation"))));
		return new SlaDefinition(calendars, groups, helpdesk, policies);
	}

	/** Deletes every row and writes the definition's, in the caller's transaction. */
	void replace(SlaDefinition definition) {
		this.jdbc.update("delete from sla_policy");
		this.jdbc.update("delete from sla_helpdesk_calendar");
		this.jdbc.update("delete from sla_group_calendar");
		this.jdbc.update("delete from sla_holiday");
		this.jdbc.update("delete from sla_calendar_hours");
		this.jdbc.update("delete from sla_calendar");
		List<Object[]> calendars = new ArrayList<>();
		List<Object[]> hours = new ArrayList<>();
		List<Object[]> holidays = new ArrayList<>();
		for (NamedCalendar named : definition.calendars()) {
			BusinessCalendar calendar = named.calendar();
			calendars.add(new Object[] { calendar.code(), named.name(), calendar.zone().getId() });
			calendar.hours()
				.forEach((interval) -> hours.add(new Object[] { calendar.code(), interval.day().getValue(),
						interval.fromMinute(), interval.toMinute() }));
			named.holidays()
				.forEach((date, name) -> holidays.add(new Object[] { calendar.code(), Date.valueOf(date), name }));
		}
		this.jdbc.batchUpdate("insert into sla_calendar (code, name, time_zone) values (?, ?, ?)", calendars);
		this.jdbc.batchUpdate(
				"insert into sla_calendar_hours (calendar_code, day_of_week, from_minute, to_minute) values (?, ?, ?, ?)",
				hours);
		this.jdbc.batchUpdate("insert into sla_holiday (calendar_code, holiday_date, name) values (?, ?, ?)", holidays);
		this.jdbc.batchUpdate("insert into sla_group_calendar (work_group_code, calendar_code) values (?, ?)",
				definition.groupCalendars()
					.entrySet()
					.stream()
					.map((group) -> new Object[] { group.getKey(), group.getValue() })
					.toList());
		if (definition.helpdeskCalendar() != null) {
			this.jdbc.update("insert into sla_helpdesk_calendar (id, calendar_code) values (1, ?)",
					definition.helpdeskCalendar());
		}
		this.jdbc.batchUpdate(
				"insert into sla_policy (service_code, priority, response_minutes, resolution_minutes, warn_at, escalation) "
						+ "values (?, ?, ?, ?, ?, ?)",
				definition.policies()
					.stream()
					.map((policy) -> new Object[] { policy.serviceCode(), policy.priority().name(),
							(int) policy.response().toMinutes(), (int) policy.resolution().toMinutes(), policy.warnAt(),
							policy.escalation().stream().map(Escalation::toString).collect(Collectors.joining(",")) })
					.toList());
	}

	private static List<Escalation> escalation(String text) {
		return (text == null || text.isBlank()) ? List.of()
				: Arrays.stream(text.split(",")).map(Escalation::parse).toList();
	}

}
