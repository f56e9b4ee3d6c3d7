package ru.telecom.crm.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import ru.telecom.crm.metrics.MetricsSettings;

/**
 * {@code /actuator/prometheus} for a scraping client only, never a person's session: in
 * the embedded default the configured scrape user (HTTP Basic), with Keycloak a
 * client-credentials token carrying the realm role {@value #READER_ROLE} (the
 * {@code crm-metrics} client). What it serves carries no client data, but it does name
 * every open item and its assignee.
 */
@Configuration(proxyBeanMethods = false)
class MetricsSecurityConfiguration {

	static final String READER_ROLE = "metrics-reader";

	private static final String READER = "ROLE_" + READER_ROLE;

	private static final String PATH = "/actuator/prometheus";

	@Bean
	@Order(0)
	@Profile("!keycloak")
	SecurityFilterChain metricsChain(HttpSecurity http, MetricsSettings settings) throws Exception {
		// the scrape user alone: no person of the app signs in here
		return stateless(http).authenticationManager(new ProviderManager(new ScrapeUser(settings)))
			.httpBasic((basic) -> basic.authenticationEntryPoint((request, response, ex) -> {
				response.setHeader("WWW-Authenticate", "Basic realm=\"metrics\"");
				ProblemResponses.unauthorized(response);
			}))
			.build();
	}

	@Bean
	@Order(0)
	@Profile("keycloak")
	SecurityFilterChain keycloakMetricsChain(HttpSecurity http, JwtDecoder jwtDecoder) throws Exception {
		return stateless(http).oauth2ResourceServer((server) -> server
			.jwt((jwt) -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(MetricsSecurityConfiguration::reader))
			.authenticationEntryPoint((request, response, ex) -> {
				response.setHeader("WWW-Authenticate", "Bearer");
				ProblemResponses.unauthorized(response);
			})).addFilterBefore(new KeycloakOutageAnswer(), BearerTokenAuthenticationFilter.class).build();
	}

	private static HttpSecurity stateless(HttpSecurity http) throws Exception {
		return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(PATH))
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasAuthority(READER))
			.exceptionHandling((exceptions) -> exceptions
				.accessDeniedHandler((request, response, ex) -> ProblemResponses.forbidden(response)))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
	}

	/** A token's realm roles: only the reader's role counts here. */
	private static JwtAuthenticationToken reader(org.springframework.security.oauth2.jwt.Jwt jwt) {
		Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
		boolean reader = realmAccess != null && realmAccess.get("roles") instanceof Collection<?> roles
				&& roles.contains(READER_ROLE);
		return new JwtAuthenticationToken(jwt, reader ? List.of(new SimpleGrantedAuthority(READER)) : List.of(),
				jwt.getClaimAsString("azp"));
	}

	/**
	 * The configured scrape user, compared in constant time; no password configured, no
	 * scrape.
	 */
	static final class ScrapeUser implements AuthenticationProvider {

		private final String user;

		private final byte[] password;

		ScrapeUser(MetricsSettings settings) {
			this.user = settings.scrapeUser();
			this.password = settings.scrapePassword().getBytes(StandardCharsets.UTF_8);
		}

		@Override
		public Authentication authenticate(Authentication authentication) {
			byte[] given = String.valueOf(authentication.getCredentials()).getBytes(StandardCharsets.UTF_8);
			if (this.password.length == 0 || !this.user.equals(authentication.getName())
					|| !MessageDigest.isEqual(this.password, given)) {
				throw new BadCredentialsException("Not the scrape user");
			}
			return UsernamePasswordAuthenticationToken.authenticated(this.user, null,
					List.of(new SimpleGrantedAuthority(READER)));
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
		}

	}

}
