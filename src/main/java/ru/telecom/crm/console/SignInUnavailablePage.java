package ru.telecom.crm.console;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * What a browser gets instead of being sent to Keycloak while Keycloak does not answer
 * (security.KeycloakSignInCheck forwards here): 503 and a page in the console's languages
 * that says why and what to do, not a browser error about an unreachable host; and where
 * a sign-out lands meanwhile.
 */
@Controller
@Profile("keycloak")
class SignInUnavailablePage {

	/**
	 * Reached by the sign-in's GET and by the way back from Keycloak, a GET or a POST.
	 */
	@RequestMapping("/sign-in-unavailable")
	String page(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", "30");
		return "console/sign-in-unavailable";
	}

	/**
	 * Where a sign-out lands while Keycloak does not answer: signed out of the helpdesk,
	 * and told that Keycloak's own session could not be ended.
	 */
	@GetMapping("/signed-out")
	String signedOut() {
		return "console/signed-out";
	}

}
