package ru.telecom.crm.security;

import jakarta.servlet.DispatcherType;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import ru.telecom.crm.directory.Directory;
import ru.telecom.crm.directory.DirectorySettings;

/**
 * The embedded default's security, two chains in plain sight: the APIs (stateless, HTTP
 * Basic against Camunda's identity store) and everything else: the Camunda webapps, which
 * log users in themselves, and the console, which shares their session.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!keycloak")
class BasicSecurityConfiguration {

	@Bean
	AuthenticationManager camundaIdentityAuthentication(IdentityService identity, Directory directory,
			DirectorySettings directorySettings) {
		return new ProviderManager(new CamundaIdentityAuthenticationProvider(
				new PasswordChecks(identity, directorySettings.cacheTtl()), directory));
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, AuthenticationManager camundaIdentityAuthentication,
			IdentityService identity, ProcessEngine engine, Directory directory) throws Exception {
		// path patterns, not MVC ones: the engine REST API is a servlet of its own
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		return http.securityMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/engine-rest/**")))
			.authenticationManager(camundaIdentityAuthentication)
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
			.httpBasic((basic) -> basic.authenticationEntryPoint((request, response, ex) -> {
				response.setHeader("WWW-Authenticate", "Basic realm=\"helpdesk\"");
				ProblemResponses.unauthorized(response);
			}))
			.exceptionHandling((exceptions) -> exceptions
				.accessDeniedHandler((request, response, ex) -> ProblemResponses.forbidden(response)))
			.addFilterAfter(new CamundaAuthenticationFilter(identity), BasicAuthenticationFilter.class)
			.addFilterAfter(new EngineDoor(engine, directory), AuthorizationFilter.class)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webappChain(HttpSecurity http, AuthenticationManager camundaIdentityAuthentication,
			ProcessEngine engine, Directory directory, IdentityService identity) throws Exception {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		// Camunda's webapps authenticate on their own and carry their own CSRF token; the
		// console signs in with the same session
		// (CamundaSessionSecurityContextRepository)
		return http.authenticationManager(camundaIdentityAuthentication)
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(paths.matcher("/camunda/**"), paths.matcher("/actuator/**"), paths.matcher("/error"),
						paths.matcher("/v3/api-docs/**"), paths.matcher("/swagger-ui/**"),
						paths.matcher("/swagger-ui.html"), paths.matcher("/webjars/**"), paths.matcher("/console/**"))
				.permitAll()
				// the sign-in page with any query: formLogin's own permitAll() matches
				// the
				// URL exactly, so its language switch (/login?lang=ru) was sent back to a
				// bare /login
				.requestMatchers(paths.matcher(HttpMethod.GET, "/login"))
				.permitAll()
				.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.anyRequest()
				.authenticated())
			.securityContext((context) -> context
				.securityContextRepository(new CamundaSessionSecurityContextRepository(engine, directory)))
			.formLogin((login) -> login.loginPage("/login").permitAll())
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
			.csrf((csrf) -> csrf.ignoringRequestMatchers(paths.matcher("/camunda/**")))
			.headers((headers) -> headers.frameOptions((frame) -> frame.sameOrigin()))
			.addFilterAfter(new CamundaAuthenticationFilter(identity), AuthorizationFilter.class)
			.addFilterAfter(new EngineDoor(engine, directory), AuthorizationFilter.class)
			.build();
	}

}
