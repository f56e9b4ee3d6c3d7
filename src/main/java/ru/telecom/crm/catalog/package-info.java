/**
 * The catalog: work groups and the services routed to them. Reference data kept outside
 * this system, upserted by code through an admin-only import and read-only otherwise.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package ru.telecom.crm.catalog;
