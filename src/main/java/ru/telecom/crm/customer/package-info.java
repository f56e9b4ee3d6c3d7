/**
 * Clients and their orders, and the intake lookup of DESIGN §5: ours first, then LegacyDB
 * (copied once and enriched), else created. {@link ru.telecom.crm.customer.CustomerApi}
 * is the module's face.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "legacy", "directory" })
package ru.telecom.crm.customer;
