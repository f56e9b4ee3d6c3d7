package ru.telecom.crm.security;

import ru.telecom.crm.support.KeycloakIntegrationTest;

/** Tasklist and Cockpit visibility with Keycloak's users, groups and manager ids. */
@KeycloakIntegrationTest
class KeycloakTaskVisibilityIntegrationTests extends TaskVisibilityScenario {

}
