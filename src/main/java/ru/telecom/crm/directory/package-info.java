/**
 * Who a user is: roles, groups, manager and email. Answered from Keycloak with Keycloak
 * and from Camunda's identity store in the embedded default, where the demo users are
 * seeded with the same roles, groups and manager ids, so every scenario runs the same.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package ru.telecom.crm.directory;
