/**
 * What each user has chosen for themselves, kept in our database under their user id so
 * it is the same in both identity modes (Camunda's store and Keycloak): today the time
 * zone the console shows times in. The API does not read it: it answers in UTC.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package ru.telecom.crm.preference;
