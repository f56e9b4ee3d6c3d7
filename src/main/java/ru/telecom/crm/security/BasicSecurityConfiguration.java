package ru.telecom.crm.security;

import org.camunda.bpm.engine.IdentityService;

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
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import ru.telecom.crm.directory.Directory;

/**
 * The embedded default's security, two chains in plain sight: the APIs (stateless, HTTP
 * Basic against Camunda's identity store) and everything else (the Camunda webapps, which
 * log users in themselves).
 */
@Configuration(proxyBeanMethods = false)
@Profile("!keycloak")
class BasicSecurityConfiguration {

	@Bean
	AuthenticationManager camundaIdentityAuthentication(IdentityService identity, Directory directory) {
		return new ProviderManager(new CamundaIdentityAuthenticationProvider(identity, directory));
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, AuthenticationManager camundaIdentityAuthentication,
			IdentityService identity) throws Exception {
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
				.requestMatchers(paths.matcher("/api/admin/**"))
				.hasAuthority("GROUP_" + Directory.ADMIN_GROUP)
				.anyRequest()
				.authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint((request, response, ex) -> {
				response.setHeader("WWW-Authenticate", "Basic realm=\"helpdesk\"");
				ProblemResponses.unauthorized(response);
			}))
			.exceptionHandling((exceptions) -> exceptions
				.accessDeniedHandler((request, response, ex) -> ProblemResponses.forbidden(response)))
			.addFilterAfter(new CamundaAuthenticationFilter(identity), BasicAuthenticationFilter.class)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webappChain(HttpSecurity http) throws Exception {
		// Camunda's webapps authenticate on their own and carry their own CSRF token
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf
				.ignoringRequestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**")))
			.headers((headers) -> headers.frameOptions((frame) -> frame.sameOrigin()))
			.build();
	}

}
