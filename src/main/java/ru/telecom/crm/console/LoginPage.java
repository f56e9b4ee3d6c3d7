package ru.telecom.crm.console;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's sign-in in the embedded default (Camunda's identity store; the same
 * session as Tasklist). With Keycloak, Keycloak's own page signs users in.
 */
@Controller
@Profile("!keycloak")
class LoginPage {

	@GetMapping("/login")
	String login() {
		return "console/login";
	}

}
