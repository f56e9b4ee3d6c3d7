/**
 * Service requests (обращения): opened by an agent on a call or by an unattended channel,
 * bound to a client's order, closed by their incident, by the agent, or by an unlink.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "customer", "status", "incident", "catalog", "retention" })
package ru.telecom.crm.servicerequest;
