/**
 * The clocks of incidents' service levels at work (DESIGN §12): one
 * {@code IncidentSlaClock} process per incident with a service level, whose timer waits
 * for the next alarm of the incident's clocks and whose step sounds each alarm exactly
 * once: the warning, the breach (recorded on the incident in the timer step's
 * transaction), every escalation level, each an {@code activity} row and a mail. Changes
 * of status, priority or calendar move the clocks at once, by a message to the process.
 * <p>
 * It sits above the incident module (it reads the incident's clocks there) and the SLA
 * module (the schedule), and queues mails through the notification module.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "incident", "sla", "status", "notification" })
package ru.telecom.crm.slaclock;
