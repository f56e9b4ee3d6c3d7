/**
 * The history of requests and incidents: one status record per transition, written in the
 * transaction of the change, and an activity journal for everything else.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package ru.telecom.crm.status;
