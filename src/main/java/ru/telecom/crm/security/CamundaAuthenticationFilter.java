package ru.telecom.crm.security;

import java.io.IOException;
import java.util.Collection;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import ru.telecom.crm.directory.Directory;

/**
 * Tells the engine who calls, for the length of the request: the engine REST API, our API
 * and the console then run with the caller's Camunda authorizations and history names the
 * caller. Camunda's webapps tell the engine themselves.
 */
class CamundaAuthenticationFilter extends OncePerRequestFilter {

	private static final String GROUP_PREFIX = Directory.groupAuthority("");

	private final IdentityService identity;

	CamundaAuthenticationFilter(IdentityService identity) {
		this.identity = identity;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/camunda/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		if (caller == null || !caller.isAuthenticated() || caller instanceof AnonymousAuthenticationToken) {
			chain.doFilter(request, response);
			return;
		}
		this.identity.setAuthentication(caller.getName(), groupsOf(caller.getAuthorities()));
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

	static List<String> groupsOf(Collection<? extends GrantedAuthority> authorities) {
		return authorities.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority.startsWith(GROUP_PREFIX))
			.map((authority) -> authority.substring(GROUP_PREFIX.length()))
			.toList();
	}

}
