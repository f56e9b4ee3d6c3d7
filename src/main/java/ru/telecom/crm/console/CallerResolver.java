package ru.telecom.crm.console;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import ru.telecom.crm.access.AccessPolicy;
import ru.telecom.crm.access.Caller;

/**
 * A {@link Caller} parameter of a console handler: the signed-in user as the access rules
 * see them, worked out once per request (the page's header and its handler share it);
 * {@code null} when nobody is signed in.
 */
class CallerResolver implements HandlerMethodArgumentResolver {

	private static final String ATTRIBUTE = CallerResolver.class.getName();

	private final AccessPolicy access;

	CallerResolver(AccessPolicy access) {
		this.access = access;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Caller.class.equals(parameter.getParameterType());
	}

	@Override
	public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
			WebDataBinderFactory binders) {
		if (request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Caller known) {
			return known;
		}
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
			return null;
		}
		Caller caller = this.access.caller(user.getName());
		request.setAttribute(ATTRIBUTE, caller, RequestAttributes.SCOPE_REQUEST);
		return caller;
	}

}
