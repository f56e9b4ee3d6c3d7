package ru.telecom.crm.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;

import ru.telecom.crm.directory.Directory;

/**
 * One sign-in for the console and Camunda's webapps in the embedded default: the user
 * signed in is the one Camunda's webapps keep in the HTTP session. Signing in to Tasklist
 * signs in to the console; signing in to the console puts the user into Camunda's session
 * too, so Tasklist opens without asking again; logging out of either ends both.
 */
class CamundaSessionSecurityContextRepository implements SecurityContextRepository {

	private final ProcessEngine engine;

	private final Directory directory;

	CamundaSessionSecurityContextRepository(ProcessEngine engine, Directory directory) {
		this.engine = engine;
		this.directory = directory;
	}

	@Override
	@Deprecated
	public SecurityContext loadContext(HttpRequestResponseHolder holder) {
		return load(holder.getRequest());
	}

	private SecurityContext load(HttpServletRequest request) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		UserAuthentication camunda = camundaUser(request.getSession(false));
		if (camunda != null) {
			this.directory.findUser(camunda.getName())
				.ifPresent((user) -> context.setAuthentication(UsernamePasswordAuthenticationToken
					.authenticated(user.id(), null, CamundaIdentityAuthenticationProvider.authorities(user))));
		}
		return context;
	}

	@Override
	public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
		Authentication user = context.getAuthentication();
		if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
			return;
		}
		HttpSession session = request.getSession(false);
		UserAuthentication known = camundaUser(session);
		if (known != null && known.getName().equals(user.getName())) {
			return;
		}
		session = request.getSession(true);
		Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
		authentications.addOrReplace(AuthenticationUtil.createAuthentication(this.engine, user.getName()));
		AuthenticationUtil.updateSession(session, authentications);
	}

	@Override
	public boolean containsContext(HttpServletRequest request) {
		return camundaUser(request.getSession(false)) != null;
	}

	private UserAuthentication camundaUser(HttpSession session) {
		if (session == null) {
			return null;
		}
		return (AuthenticationUtil.getAuthsFromSession(session)
			.getAuthenticationForProcessEngine(this.engine.getName()) instanceof UserAuthentication user) ? user : null;
	}

}
