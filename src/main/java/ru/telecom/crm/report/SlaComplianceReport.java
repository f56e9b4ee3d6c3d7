package ru.telecom.crm.report;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How the incidents created in a period stand against their response and resolution
 * targets, as of the period's end (or now, while it lasts).
 *
 * @param asOf the instant the clocks are read at: {@code to}, or now when {@code to} is
 * still ahead
 * @param rows one per group, service or priority that has incidents, in order
 * @param total every incident of the report
 */
public record SlaComplianceReport(Instant from, Instant to, Instant asOf, ReportGrouping groupBy, List<Row> rows,
		Row total) {

	/**
	 * The figures of one group, service or priority.
	 *
	 * @param key the work group's or service's code, or the priority
	 * @param label what the console shows: code and name, or the priority
	 * @param incidents how many incidents were created in the period
	 * @param withoutPolicy of those, how many have no policy or no calendar, and so are
	 * in neither target's figures
	 */
	public record Row(String key, String label, long incidents, long withoutPolicy, Target response,
			Target resolution) {
	}

	/**
	 * One target's figures: {@code met + breached + open} is the number of incidents with
	 * a policy.
	 *
	 * @param met stopped at or before the due instant
	 * @param breached the due instant passed with the clock still running (or paused),
	 * whether it stopped later or not
	 * @param open neither stopped nor breached yet
	 * @param atRisk of the open ones, those past the policy's warning share
	 */
	@Schema(description = "met + breached + open = the incidents with a policy; atRisk is a part of open")
	public record Target(long met, long breached, long open, long atRisk) {

		public static final Target NONE = new Target(0, 0, 0, 0);

		public Target plus(Target other) {
			return new Target(this.met + other.met, this.breached + other.breached, this.open + other.open,
					this.atRisk + other.atRisk);
		}

	}

}
