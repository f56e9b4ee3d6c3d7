package ru.telecom.crm.sla;

import java.util.Optional;

import ru.telecom.crm.shared.Priority;

/**
 * The service levels kept in our database: the calendars of the work groups and the
 * helpdesk, the policies per service and priority, and the clocks built from them.
 */
public interface SlaApi {

	/** Every calendar and policy, in the import's shape. */
	SlaSetup setup();

	/**
	 * Replaces every calendar and policy, all or nothing, and publishes
	 * {@link SlaSetupReplaced}.
	 * @return what is stored now, as {@link #setup()} reads it
	 * @throws ru.telecom.crm.shared.InvalidInputException naming every offending field;
	 * nothing changed then
	 */
	SlaSetup replace(SlaSetup setup);

	Optional<BusinessCalendar> calendar(String code);

	/** The calendar the work group works by, if it has one. */
	Optional<BusinessCalendar> workGroupCalendar(int workGroupCode);

	/** The calendar of the helpdesk (first line), if there is one. */
	Optional<BusinessCalendar> helpdeskCalendar();

	/**
	 * The policy an incident of the service at the priority is held to: the service's
	 * own, else the default of the priority.
	 */
	Optional<SlaPolicy> policy(int serviceCode, Priority priority);

	/**
	 * The clocks of an incident of the service, routed to the work group, at the
	 * priority: its policy over its group's calendar. Empty when either is missing; then
	 * the incident has no service level.
	 */
	default Optional<SlaClock> clock(int serviceCode, int workGroupCode, Priority priority) {
		return policy(serviceCode, priority)
			.flatMap((policy) -> workGroupCalendar(workGroupCode).map((calendar) -> new SlaClock(calendar, policy)));
	}

	/**
	 * The alarms of an incident of the service, routed to the work group, at the
	 * priority: its {@link #clock clock} with the configured escalation step and the
	 * helpdesk's hours. Empty when it has no clock.
	 */
	Optional<AlarmSchedule> schedule(int serviceCode, int workGroupCode, Priority priority);

}
