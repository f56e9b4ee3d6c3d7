package ru.telecom.crm.security;

import ru.telecom.crm.support.PostgresIntegrationTest;

/** Tasklist and Cockpit visibility with the embedded default's identity store. */
@PostgresIntegrationTest
class TaskVisibilityIntegrationTests extends TaskVisibilityScenario {

}
