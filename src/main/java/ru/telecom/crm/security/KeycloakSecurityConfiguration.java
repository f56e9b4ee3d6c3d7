package ru.telecom.crm.security;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.servlet.DispatcherType;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import ru.telecom.crm.directory.Directory;
import ru.telecom.crm.directory.KeycloakSettings;
import ru.telecom.crm.directory.Role;

/**
 * Security with Keycloak, in plain sight: the APIs are stateless resource servers taking
 * Keycloak bearer tokens (issuer and audience checked); the webapps sign in through
 * Keycloak (OAuth2 login) and hand the user to Camunda; logging out ends the Keycloak
 * session too, so the next page asks for a password again. While Keycloak is down, valid
 * tokens and signed-in sessions go on; a sign-in gets our page saying why, and a token
 * that only Keycloak could check gets 503.
 */
@Configuration(proxyBeanMethods = false)
@Profile("keycloak")
class KeycloakSecurityConfiguration {

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * Bearer tokens checked with Keycloak's keys as last read ({@link KeycloakKeys}), so
	 * that they go on being checked while Keycloak is down; issuer, audience and times by
	 * Spring's validators.
	 */
	@Bean
	JwtDecoder jwtDecoder(KeycloakSettings keycloak) {
		Set<JWSAlgorithm> algorithms = new HashSet<>(JWSAlgorithm.Family.RSA);
		algorithms.addAll(JWSAlgorithm.Family.EC);
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms,
				new KeycloakKeys(keycloak.jwkSetUri(), keycloak.probeTimeout(), keycloak.outageTolerance())));
		// the validators below judge the claims
		processor.setJWTClaimsSetVerifier((claims, context) -> {
		});
		NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
		OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>("aud",
				(aud) -> aud != null && aud.contains(keycloak.audience()));
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(keycloak.clockSkew()),
				new JwtIssuerValidator(keycloak.issuer()), audience));
		return decoder;
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, JwtDecoder jwtDecoder, IdentityService identity,
			ProcessEngine engine, Directory directory) throws Exception {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		return http.securityMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/engine-rest/**")))
			.authorizeHttpRequests((requests) -> requests
				// Telegram and the SMS gateway sign in with what they send: their secret,
				// their signature
				.requestMatchers(paths.matcher(HttpMethod.POST, "/api/channels/telegram"),
						paths.matcher(HttpMethod.POST, "/api/channels/sms"))
				.permitAll()
				// the test clock (shared.TestClockController) is there only when
				// crm.clock.controllable
				.requestMatchers(paths.matcher("/api/admin/**"), paths.matcher("/api/test/**"))
				.hasAuthority(Directory.groupAuthority(Directory.ADMIN_GROUP))
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer((server) -> server
				.jwt((jwt) -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(new KeycloakJwtConverter()))
				.authenticationEntryPoint((request, response, ex) -> {
					response.setHeader("WWW-Authenticate", "Bearer");
					ProblemResponses.unauthorized(response);
				}))
			.exceptionHandling((exceptions) -> exceptions
				.accessDeniedHandler((request, response, ex) -> ProblemResponses.forbidden(response)))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.addFilterBefore(new KeycloakOutageAnswer(), BearerTokenAuthenticationFilter.class)
			.addFilterAfter(new CamundaAuthenticationFilter(identity), BearerTokenAuthenticationFilter.class)
			.addFilterAfter(new EngineDoor(engine, directory), AuthorizationFilter.class)
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webappChain(HttpSecurity http, ClientRegistrationRepository registrations,
			KeycloakBackChannelLogout keycloakLogout, IdentityService identity, ProcessEngine engine,
			Directory directory, KeycloakSettings keycloak) throws Exception {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		KeycloakSignInCheck signInCheck = new KeycloakSignInCheck(keycloak.issuer(), keycloak.probeTimeout());
		OidcClientInitiatedLogoutSuccessHandler rpInitiated = new OidcClientInitiatedLogoutSuccessHandler(
				registrations);
		rpInitiated.setPostLogoutRedirectUri("{baseUrl}/camunda/app/");
		HttpStatusReturningLogoutSuccessHandler xhr = new HttpStatusReturningLogoutSuccessHandler();
		// Camunda's own logout button posts here: end the Keycloak session behind its
		// back
		var camundaLogout = paths.matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/{engine}/logout");
		LogoutSuccessHandler success = (request, response, authentication) -> {
			if (camundaLogout.matches(request)) {
				xhr.onLogoutSuccess(request, response, authentication);
			}
			else if (!signInCheck.keycloakAnswersNow()) {
				// our session is over; Keycloak's own sign-out page cannot be reached
				response.sendRedirect(request.getContextPath() + KeycloakSignInCheck.SIGNED_OUT_PAGE);
			}
			else {
				rpInitiated.onLogoutSuccess(request, response, authentication);
			}
		};
		return http
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(paths.matcher("/actuator/health/**"), paths.matcher("/error"),
						paths.matcher("/v3/api-docs/**"), paths.matcher("/swagger-ui/**"),
						paths.matcher("/swagger-ui.html"), paths.matcher("/webjars/**"), paths.matcher("/console/**"),
						paths.matcher(KeycloakSignInCheck.PAGE), paths.matcher(KeycloakSignInCheck.SIGNED_OUT_PAGE))
				.permitAll()
				.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.anyRequest()
				.authenticated())
			.oauth2Login((login) -> login
				.authorizationEndpoint(
						(authorization) -> authorization.authorizationRequestResolver(pkce(registrations)))
				.userInfoEndpoint((user) -> user.oidcUserService(oidcUserService()))
				.failureHandler(signInCheck))
			.logout((logout) -> logout
				.logoutRequestMatcher(new OrRequestMatcher(paths.matcher("/logout"), camundaLogout))
				.addLogoutHandler(keycloakLogout)
				.logoutSuccessHandler(success))
			.csrf((csrf) -> csrf.ignoringRequestMatchers(paths.matcher("/camunda/**")))
			.headers((headers) -> headers.frameOptions((frame) -> frame.sameOrigin()))
			.addFilterBefore(signInCheck, OAuth2AuthorizationRequestRedirectFilter.class)
			.addFilterAfter(new CamundaAuthenticationFilter(identity), AuthorizationFilter.class)
			.addFilterAfter(new EngineDoor(engine, directory), AuthorizationFilter.class)
			.build();
	}

	/** Camunda's webapps take the user Spring Security signed in. */
	@Bean
	FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaContainerAuthentication() {
		FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ContainerBasedAuthenticationFilter());
		registration.setInitParameters(
				Map.of("authentication-provider", SpringSecurityCamundaAuthenticationProvider.class.getName()));
		registration.addUrlPatterns("/camunda/*");
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
		return registration;
	}

	/**
	 * The tokens of a user signed in through Keycloak live in their HTTP session, which
	 * is in our database (Spring Session JDBC), not in one node's memory (Spring Boot's
	 * default): on another node, or after a restart, the logout still finds the refresh
	 * token it ends the Keycloak session with.
	 */
	@Bean
	OAuth2AuthorizedClientRepository authorizedClientRepository() {
		return new HttpSessionOAuth2AuthorizedClientRepository();
	}

	@Bean
	KeycloakBackChannelLogout keycloakBackChannelLogout(KeycloakSettings keycloak,
			OAuth2AuthorizedClientRepository clients) {
		return new KeycloakBackChannelLogout(keycloak, clients);
	}

	/** Authorization requests with PKCE, which the realm's client requires. */
	private static OAuth2AuthorizationRequestResolver pkce(ClientRegistrationRepository registrations) {
		DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
				registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
		resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		return resolver;
	}

	/** The signed-in user's roles and groups, from the access token Keycloak issued. */
	private static OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService() {
		OidcUserService delegate = new OidcUserService();
		return (request) -> {
			OidcUser user = delegate.loadUser(request);
			List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
			authorities.addAll(authoritiesOf(claimsOf(request.getAccessToken().getTokenValue())));
			return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "preferred_username");
		};
	}

	/** The payload of a token that came straight from Keycloak's token endpoint. */
	private static JsonNode claimsOf(String token) {
		try {
			return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
		}
		catch (java.io.IOException | RuntimeException ex) {
			throw new IllegalStateException("Keycloak issued an access token that is not a JWT", ex);
		}
	}

	static Collection<GrantedAuthority> authoritiesOf(JsonNode claims) {
		List<String> roles = new ArrayList<>();
		claims.path("realm_access").path("roles").forEach((role) -> roles.add(role.asText()));
		List<String> groups = new ArrayList<>();
		claims.path("groups").forEach((group) -> groups.add(group.asText()));
		return authoritiesOf(roles, groups);
	}

	/**
	 * {@code ROLE_<realm role>} and {@code GROUP_<group>}: what the app and Camunda
	 * check.
	 */
	static Collection<GrantedAuthority> authoritiesOf(Collection<String> roles, Collection<String> groups) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		roles.stream()
			.map(Role::byName)
			.flatMap(Optional::stream)
			.forEach((role) -> authorities.add(new SimpleGrantedAuthority(role.authority())));
		groups.forEach((group) -> authorities
			.add(new SimpleGrantedAuthority(Directory.groupAuthority(group.replaceFirst("^/", "")))));
		return authorities;
	}

	/** A bearer token's user: the username, realm roles and groups. */
	static class KeycloakJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

		@Override
		public AbstractAuthenticationToken convert(Jwt jwt) {
			Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
			List<String> roles = new ArrayList<>();
			if (realmAccess != null && realmAccess.get("roles") instanceof Collection<?> names) {
				names.forEach((name) -> roles.add(String.valueOf(name)));
			}
			List<String> groups = jwt.hasClaim("groups") ? jwt.getClaimAsStringList("groups") : List.of();
			String username = jwt.getClaimAsString("preferred_username");
			return new JwtAuthenticationToken(jwt, authoritiesOf(roles, groups),
					(username != null) ? username : jwt.getSubject());
		}

	}

}
