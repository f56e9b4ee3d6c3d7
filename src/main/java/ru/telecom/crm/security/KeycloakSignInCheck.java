package ru.telecom.crm.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.LongSupplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import ru.telecom.crm.shared.KeycloakUnavailableException;

/**
 * Before a browser is sent to Keycloak to sign in, a short look whether Keycloak answers:
 * when it does not, the browser stays here and gets our page saying so (503, in the
 * console's languages) instead of a browser error about a host that does not answer. The
 * answer is kept a few seconds, so a crowd signing in asks Keycloak once. The way back
 * from Keycloak (the code for a token) fails the same way when Keycloak dies meanwhile.
 */
final class KeycloakSignInCheck extends OncePerRequestFilter implements AuthenticationFailureHandler {

	/** The console's page that says so (console.SignInUnavailablePage). */
	static final String PAGE = "/sign-in-unavailable";

	/**
	 * Where a sign-out lands while Keycloak does not answer, instead of Keycloak's own
	 * sign-out page.
	 */
	static final String SIGNED_OUT_PAGE = "/signed-out";

	private static final Logger log = LoggerFactory.getLogger(KeycloakSignInCheck.class);

	private static final Duration KEEP_ANSWER = Duration.ofSeconds(5);

	private static final String SIGN_IN = "/oauth2/authorization/";

	private final URI discovery;

	private final Duration timeout;

	private final HttpClient http;

	private final LongSupplier clock = System::nanoTime;

	private final AuthenticationFailureHandler otherFailures = new SimpleUrlAuthenticationFailureHandler(
			"/login?error");

	private volatile long checkedAt = Long.MIN_VALUE;

	private volatile boolean answers;

	KeycloakSignInCheck(String issuer, Duration timeout) {
		this.discovery = URI.create(issuer + "/.well-known/openid-configuration");
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(request.getContextPath() + SIGN_IN);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (keycloakAnswers()) {
			chain.doFilter(request, response);
			return;
		}
		request.getRequestDispatcher(PAGE).forward(request, response);
	}

	/** oauth2Login's failures: Keycloak gone while the user was there is our page. */
	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		if (KeycloakUnavailableException.isOutage(exception)) {
			log.warn("Sign-in failed: Keycloak cannot be reached ({})", exception.getMessage());
			this.checkedAt = Long.MIN_VALUE;
			request.getRequestDispatcher(PAGE).forward(request, response);
			return;
		}
		this.otherFailures.onAuthenticationFailure(request, response, exception);
	}

	boolean keycloakAnswers() {
		long now = this.clock.getAsLong();
		if (this.checkedAt != Long.MIN_VALUE && now - this.checkedAt < KEEP_ANSWER.toNanos()) {
			return this.answers;
		}
		return keycloakAnswersNow();
	}

	/**
	 * Whether Keycloak answers, asked now (for a sign-out, which is rare, and which a
	 * kept answer could send to a Keycloak that went away since).
	 */
	boolean keycloakAnswersNow() {
		boolean answered;
		try {
			answered = this.http
				.send(HttpRequest.newBuilder(this.discovery).timeout(this.timeout).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200;
		}
		catch (IOException ex) {
			answered = false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			answered = false;
		}
		if (!answered && this.answers) {
			log.warn("Keycloak does not answer at {}: sign-ins get the page that says so", this.discovery);
		}
		this.answers = answered;
		this.checkedAt = this.clock.getAsLong();
		return answered;
	}

}
