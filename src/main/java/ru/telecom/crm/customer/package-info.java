/**
 * Clients and their orders, and the intake lookup of DESIGN §5: ours first, then LegacyDB
 * (copied once and enriched), else created. {@link ru.telecom.crm.customer.CustomerApi}
 * is the module's face. Its HTTP API ({@code /api/clients}, {@code /api/orders}) lives in
 * the {@code api} module, which asks the access policy who may use it; this module sits
 * below that policy and has no web layer of its own.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "legacy", "directory" })
package ru.telecom.crm.customer;
