package ru.telecom.crm.report;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import ru.telecom.crm.shared.InvalidInputException;
import ru.telecom.crm.shared.Priority;

/**
 * What a report's rows are: one per work group (the group an incident was routed to), per
 * service or per priority. Named in requests by {@link #parameter()}.
 */
public enum ReportGrouping {

	/** By work group code. */
	GROUP("group"),
	/** By service code. */
	SERVICE("service"),
	/** By priority, the most urgent first. */
	PRIORITY("priority");

	private final String parameter;

	ReportGrouping(String parameter) {
		this.parameter = parameter;
	}

	/** How a request names it: {@code group}, {@code service} or {@code priority}. */
	public String parameter() {
		return this.parameter;
	}

	/**
	 * The grouping a request names; {@link #GROUP} when it names none.
	 * @throws InvalidInputException naming {@code groupBy} for anything not allowed
	 */
	public static ReportGrouping of(String value, Set<ReportGrouping> allowed) {
		if (value == null || value.isBlank()) {
			return GROUP;
		}
		String wanted = value.strip().toLowerCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter((grouping) -> allowed.contains(grouping) && grouping.parameter.equals(wanted))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("groupBy", "must be one of "
					+ allowed.stream().sorted().map(ReportGrouping::parameter).collect(Collectors.joining(", "))));
	}

	/** The order of the rows: codes ascending, priorities the most urgent first. */
	public Comparator<String> keyOrder() {
		if (this == PRIORITY) {
			return Comparator.comparing(Priority::valueOf, Comparator.reverseOrder());
		}
		return Comparator.comparingLong(Long::parseLong);
	}

}
