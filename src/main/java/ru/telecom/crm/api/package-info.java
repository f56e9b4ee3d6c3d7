/**
 * The integrators' API over requests and incidents, and who may see and change what
 * (DESIGN §3), enforced here in the service layer for every list, read and action: an
 * item the caller may not see is not listed and is "not found" when addressed; one the
 * caller may only read refuses changes. Actions go through the BPMN processes. The
 * console applies the same {@link ru.telecom.crm.api.AccessPolicy}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "access", "customer",
		"servicerequest", "incident", "catalog", "directory", "status" })
package ru.telecom.crm.api;
