/**
 * The integrators' API over requests, incidents, clients and orders. Who may see and
 * change what (DESIGN §3) is asked of the {@code access} module for every list, read and
 * action: an item the caller may not see is not listed and is "not found" when addressed;
 * one the caller may only read refuses changes. Actions go through the BPMN processes.
 * The console asks the same {@link ru.telecom.crm.access.AccessPolicy}.
 * <p>
 * The clients and orders controllers live here, not in {@code customer}: {@code access}
 * sits above {@code customer} (it reads requests, which read clients), so the customer
 * module cannot ask the policy without a cycle; the web layer, which may depend on both,
 * asks it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "search", "shared", "access", "customer",
		"servicerequest", "incident", "catalog", "directory", "status", "notes" })
package ru.telecom.crm.api;
