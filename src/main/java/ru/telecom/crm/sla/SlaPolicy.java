package ru.telecom.crm.sla;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import ru.telecom.crm.shared.Priority;

/**
 * The targets an incident of a service at a priority is held to, in working time of its
 * work group's calendar.
 *
 * @param serviceCode the service the policy is for; {@code null} for the default of the
 * priority, which holds for services without their own
 * @param response until the incident is first {@code INWORK}
 * @param resolution until it is {@code CLOSED}, not counting time {@code ON_HOLD}
 * @param warnAt the share of a target at which a warning is due, strictly between 0 and 1
 * @param escalation the levels a breach is escalated to, in order
 */
public record SlaPolicy(Integer serviceCode, Priority priority, Duration response, Duration resolution,
		BigDecimal warnAt, List<Escalation> escalation) {

	/** The warning share when a policy names none. */
	public static final BigDecimal DEFAULT_WARN_AT = new BigDecimal("0.8");

	public SlaPolicy {
		Objects.requireNonNull(priority, "priority");
		requirePositive(response, "response");
		requirePositive(resolution, "resolution");
		warnAt = (warnAt != null) ? warnAt : DEFAULT_WARN_AT;
		if (warnAt.signum() <= 0 || warnAt.compareTo(BigDecimal.ONE) >= 0) {
			throw new IllegalArgumentException("the warning share lies strictly between 0 and 1: " + warnAt);
		}
		escalation = (escalation != null) ? List.copyOf(escalation) : List.of();
	}

	/** The working time after which a warning is due: {@code warnAt} of the target. */
	public Duration warningAfter(Duration target) {
		BigDecimal nanos = new BigDecimal(target.toNanos()).multiply(this.warnAt).setScale(0, RoundingMode.HALF_UP);
		return Duration.ofNanos(nanos.longValueExact());
	}

	/** Whether this is the default of its priority rather than a service's own. */
	public boolean isDefault() {
		return this.serviceCode == null;
	}

	private static void requirePositive(Duration target, String name) {
		if (target == null || target.isNegative() || target.isZero()) {
			throw new IllegalArgumentException("the " + name + " target must be positive: " + target);
		}
	}

}
