package ru.telecom.crm.sla.internal;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import ru.telecom.crm.catalog.CatalogApi;
import ru.telecom.crm.shared.InvalidInputException;
import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.sla.BusinessCalendar;
import ru.telecom.crm.sla.Escalation;
import ru.telecom.crm.sla.SlaPolicy;
import ru.telecom.crm.sla.SlaSetup;
import ru.telecom.crm.sla.SlaSetup.CalendarEntry;
import ru.telecom.crm.sla.SlaSetup.HolidayEntry;
import ru.telecom.crm.sla.SlaSetup.HoursEntry;
import ru.telecom.crm.sla.SlaSetup.PolicyEntry;
import ru.telecom.crm.sla.WorkingHours;
import ru.telecom.crm.sla.internal.SlaDefinition.NamedCalendar;

/**
 * An import checked entry by entry before anything changes, every error reported at once
 * under the path of its field ({@code calendars[0].hours[1].to}).
 */
final class SetupValidation {

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,49}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s,]+@[^@\\s,]+\\.[^@\\s,]+");

	/** Ten years of minutes: far beyond any target, and safe in an int column. */
	static final int MAX_MINUTES = 10 * 366 * 24 * 60;

	/** Working intervals per calendar: far more than a week of shifts needs. */
	static final int MAX_INTERVALS = 200;

	private final CatalogApi catalog;

	private final Map<String, String> errors = new LinkedHashMap<>();

	private SetupValidation(CatalogApi catalog) {
		this.catalog = catalog;
	}

	/**
	 * The import as a definition to store.
	 * @throws InvalidInputException naming every offending field
	 */
	static SlaDefinition check(SlaSetup setup, CatalogApi catalog) {
		return new SetupValidation(catalog).definition(setup);
	}

	private SlaDefinition definition(SlaSetup setup) {
		List<NamedCalendar> calendars = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		if (setup.calendars().isEmpty()) {
			this.errors.put("calendars", "at least one calendar is required");
		}
		for (int i = 0; i < setup.calendars().size(); i++) {
			NamedCalendar calendar = calendar(setup.calendars().get(i), "calendars[" + i + "]", codes);
			if (calendar != null) {
				calendars.add(calendar);
			}
		}
		Map<Integer, String> groups = groupCalendars(setup.groupCalendars(), codes);
		String helpdesk = calendarReference(setup.helpdeskCalendar(), "helpdeskCalendar", codes);
		List<SlaPolicy> policies = policies(setup.policies());
		if (!this.errors.isEmpty()) {
			throw new InvalidInputException("The service levels have errors; nothing was changed", this.errors);
		}
		return new SlaDefinition(calendars, groups, helpdesk, policies);
	}

	private NamedCalendar calendar(CalendarEntry entry, String at, Set<String> codes) {
		if (entry == null) {
			this.errors.put(at, "a calendar is required");
			return null;
		}
		int before = this.errors.size();
		String code = strip(entry.code());
		if (code == null || !CODE.matcher(code).matches()) {
			this.errors.put(at + ".code", "a code of at most 50 letters, digits, '.', '_' or '-' is required");
		}
		else if (!codes.add(code)) {
			this.errors.put(at + ".code", "calendar " + code + " appears twice");
		}
		String name = name(entry.name(), at + ".name");
		ZoneId zone = zone(entry.zone(), at + ".zone");
		List<WorkingHours> hours = hours(entry.hours(), at);
		TreeMap<LocalDate, String> holidays = holidays(entry.holidays(), at);
		if (this.errors.size() > before) {
			return null;
		}
		return new NamedCalendar(name, new BusinessCalendar(code, zone, hours, holidays.keySet()), holidays);
	}

	private ZoneId zone(String text, String at) {
		String zone = strip(text);
		// region ids only: a fixed offset knows no daylight saving and no region's rules
		if (zone == null || !ZoneId.getAvailableZoneIds().contains(zone)) {
			this.errors.put(at, "'" + text + "' is not an IANA time zone such as Europe/Moscow");
			return null;
		}
		return ZoneId.of(zone);
	}

	private List<WorkingHours> hours(List<HoursEntry> entries, String at) {
		if (entries.isEmpty()) {
			this.errors.put(at + ".hours", "working hours are required: a clock on a calendar without them never ends");
		}
		if (entries.size() > MAX_INTERVALS) {
			// each interval is checked against the others: keep that small
			this.errors.put(at + ".hours", "at most " + MAX_INTERVALS + " intervals");
			return List.of();
		}
		List<WorkingHours> hours = new ArrayList<>();
		List<String> places = new ArrayList<>();
		for (int j = 0; j < entries.size(); j++) {
			String place = at + ".hours[" + j + "]";
			HoursEntry entry = entries.get(j);
			if (entry == null) {
				this.errors.put(place, "an interval is required");
				continue;
			}
			DayOfWeek day = day(entry.day(), place + ".day");
			Integer from = minute(entry.from(), place + ".from");
			Integer to = minute(entry.to(), place + ".to");
			if (from != null && to != null && from >= to) {
				this.errors.put(place + ".to", "ends at or before it starts; an interval may not cross midnight (an "
						+ "overnight shift is two intervals, the first ending at 24:00)");
			}
			else if (day != null && from != null && to != null) {
				WorkingHours interval = new WorkingHours(day, from, to);
				for (int k = 0; k < hours.size(); k++) {
					if (hours.get(k).overlaps(interval)) {
						this.errors.put(place, "overlaps " + hours.get(k) + " (" + places.get(k) + ")");
					}
				}
				hours.add(interval);
				places.add(place);
			}
		}
		return hours;
	}

	private DayOfWeek day(String text, String at) {
		try {
			return DayOfWeek.valueOf(String.valueOf(text).strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			this.errors.put(at, "'" + text + "' is not a weekday: MONDAY … SUNDAY");
			return null;
		}
	}

	private Integer minute(String text, String at) {
		try {
			return WorkingHours.minuteOf(text);
		}
		catch (IllegalArgumentException ex) {
			this.errors.put(at, "'" + text + "' is not a time HH:mm from 00:00 to 24:00");
			return null;
		}
	}

	private TreeMap<LocalDate, String> holidays(List<HolidayEntry> entries, String at) {
		TreeMap<LocalDate, String> holidays = new TreeMap<>();
		for (int j = 0; j < entries.size(); j++) {
			String place = at + ".holidays[" + j + "]";
			HolidayEntry entry = entries.get(j);
			if (entry == null) {
				this.errors.put(place, "a holiday is required");
				continue;
			}
			String name = name(entry.name(), place + ".name");
			try {
				LocalDate date = LocalDate.parse(String.valueOf(entry.date()).strip());
				if (holidays.putIfAbsent(date, name) != null) {
					this.errors.put(place + ".date", date + " appears twice");
				}
			}
			catch (DateTimeParseException ex) {
				this.errors.put(place + ".date", "'" + entry.date() + "' is not a date YYYY-MM-DD");
			}
		}
		return holidays;
	}

	private Map<Integer, String> groupCalendars(Map<String, String> entries, Set<String> codes) {
		Map<Integer, String> groups = new HashMap<>();
		entries.forEach((key, calendar) -> {
			String at = "groupCalendars." + key;
			Integer code = null;
			try {
				code = Integer.valueOf(String.valueOf(key).strip());
			}
			catch (NumberFormatException ex) {
				this.errors.put(at, "'" + key + "' is not a work group code");
			}
			if (code != null && this.catalog.findWorkGroup(code).isEmpty()) {
				this.errors.put(at, "no work group " + code + " in the catalog");
			}
			String reference = calendarReference(calendar, at, codes);
			if (code != null && reference != null && groups.put(code, reference) != null) {
				this.errors.put(at, "work group " + code + " appears twice");
			}
		});
		return groups;
	}

	private String calendarReference(String text, String at, Set<String> codes) {
		String code = strip(text);
		if (code == null) {
			this.errors.put(at, "a calendar code is required");
		}
		else if (!codes.contains(code)) {
			this.errors.put(at, "no calendar " + code + " in this import");
		}
		return code;
	}

	private List<SlaPolicy> policies(List<PolicyEntry> entries) {
		List<SlaPolicy> policies = new ArrayList<>();
		Map<String, String> seen = new HashMap<>();
		Set<Priority> defaults = EnumSet.noneOf(Priority.class);
		for (int i = 0; i < entries.size(); i++) {
			String at = "policies[" + i + "]";
			PolicyEntry entry = entries.get(i);
			if (entry == null) {
				this.errors.put(at, "a policy is required");
				continue;
			}
			int before = this.errors.size();
			if (entry.service() != null && this.catalog.findService(entry.service()).isEmpty()) {
				this.errors.put(at + ".service", "no service " + entry.service() + " in the catalog");
			}
			Priority priority = priority(entry.priority(), at + ".priority");
			Integer response = minutes(entry.responseMinutes(), at + ".responseMinutes");
			Integer resolution = minutes(entry.resolutionMinutes(), at + ".resolutionMinutes");
			BigDecimal warnAt = warnAt(entry.warnAt(), at + ".warnAt");
			List<Escalation> escalation = escalation(entry.escalation(), at + ".escalation");
			if (priority != null) {
				String key = ((entry.service() != null) ? "service " + entry.service() : "the default") + " at "
						+ priority;
				String first = seen.putIfAbsent(key, at);
				if (first != null) {
					this.errors.put(at, "a second policy for " + key + " (the first is " + first + ")");
				}
				if (entry.service() == null) {
					defaults.add(priority);
				}
			}
			if (this.errors.size() == before) {
				policies.add(new SlaPolicy(entry.service(), priority, Duration.ofMinutes(response),
						Duration.ofMinutes(resolution), warnAt, escalation));
			}
		}
		Set<Priority> missing = EnumSet.allOf(Priority.class);
		missing.removeAll(defaults);
		if (!missing.isEmpty()) {
			this.errors.putIfAbsent("policies",
					"a default policy (service null) is required for every priority; " + "missing for " + missing);
		}
		return policies;
	}

	private Priority priority(String text, String at) {
		try {
			return Priority.valueOf(String.valueOf(text).strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			this.errors.put(at, "'" + text + "' is not a priority: LOW, NORMAL, HIGH or CRITICAL");
			return null;
		}
	}

	private Integer minutes(Integer minutes, String at) {
		if (minutes == null || minutes <= 0 || minutes > MAX_MINUTES) {
			this.errors.put(at, "a positive number of working minutes is required (at most " + MAX_MINUTES + ")");
			return null;
		}
		return minutes;
	}

	private BigDecimal warnAt(BigDecimal warnAt, String at) {
		if (warnAt == null) {
			return SlaPolicy.DEFAULT_WARN_AT;
		}
		if (warnAt.signum() <= 0 || warnAt.compareTo(BigDecimal.ONE) >= 0) {
			this.errors.put(at, "a share strictly between 0 and 1 is required, such as 0.8");
			return null;
		}
		if (warnAt.stripTrailingZeros().scale() > 3) {
			this.errors.put(at, "at most three decimals");
			return null;
		}
		return warnAt.stripTrailingZeros();
	}

	private List<Escalation> escalation(List<String> entries, String at) {
		List<Escalation> chain = new ArrayList<>();
		for (int k = 0; k < entries.size(); k++) {
			String place = at + "[" + k + "]";
			try {
				Escalation level = Escalation.parse(entries.get(k));
				if (level.address() != null
						&& (level.address().length() > 254 || !EMAIL.matcher(level.address()).matches())) {
					this.errors.put(place, "'" + level.address() + "' is not an email address");
				}
				else if (chain.stream().anyMatch((earlier) -> earlier.level() == level.level())) {
					this.errors.put(place, level.level() + " appears twice: each level is reached once");
				}
				else {
					chain.add(level);
				}
			}
			catch (IllegalArgumentException ex) {
				this.errors.put(place, ex.getMessage());
			}
		}
		return chain;
	}

	private String name(String text, String at) {
		String name = strip(text);
		if (name == null) {
			this.errors.put(at, "a name is required");
		}
		else if (name.length() > 200) {
			this.errors.put(at, "at most 200 characters");
		}
		return name;
	}

	private static String strip(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
