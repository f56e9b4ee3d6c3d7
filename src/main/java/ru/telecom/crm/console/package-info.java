/**
 * The CRM console (DESIGN §9): server-rendered pages at {@code /} for what is not a task
 * — clients, orders, requests and incidents to list, search, read and edit — for the same
 * users under the same rules as the API ({@link ru.telecom.crm.api.AccessPolicy}): hidden
 * items are not listed and are "not found" when addressed, read-only items offer no
 * action, and every action goes through the same BPMN processes. Thymeleaf with htmx from
 * a webjar; English and Russian labels.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "search", "api", "access", "shared", "customer",
		"servicerequest", "incident", "catalog", "directory", "status", "notes", "preference", "report" })
package ru.telecom.crm.console;
