/**
 * Incidents: third-line work opened from a service request for a catalog service, routed
 * to the service's work group, worked and closed by an engineer.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "catalog", "directory", "status", "sla" })
package ru.telecom.crm.incident;
