/**
 * Service levels (DESIGN §12): calendars of working time, the policies of response and
 * resolution targets per service and priority, and the clocks that measure an incident
 * against them.
 * <p>
 * The arithmetic is plain Java without Spring:
 * {@link ru.telecom.crm.sla.BusinessCalendar} (working hours per weekday, holidays, a
 * time zone), {@link ru.telecom.crm.sla.WorkingTime} (working time added to an instant,
 * and between two) and {@link ru.telecom.crm.sla.SlaClock} (an incident's due dates,
 * pauses, warnings and breaches, recomputed from its status history).
 * {@link ru.telecom.crm.sla.SlaApi} reads the calendars and policies kept in our database
 * and replaces them through the administrators' import.
 * <p>
 * The module sits below the incident module (it knows the incident's statuses by name,
 * {@link ru.telecom.crm.sla.TrackedStatus}), so that the incident's side may ask it for
 * due dates without a cycle.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "catalog" })
package ru.telecom.crm.sla;
