/**
 * The search across everything (issue 13, item 6): one query finds requests and incidents
 * (by number, client, phone, order, text of description, narrative and notes), clients
 * and orders (ours and LegacyDB's), top 20 of each kind, only what the caller may read
 * (DESIGN §3, asked of {@code access}). The API and the console's header ask it.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "access", "customer", "servicerequest", "incident", "notes", "status" })
package ru.telecom.crm.search;
