package ru.telecom.crm.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The console's pages load nothing but the app's own files and run no inline script or
 * style (static/console holds them all), and tell other sites nothing of where the user
 * came from. Only the console's pages: Camunda's webapps send their own policy, Swagger
 * UI needs inline styles.
 */
class ConsoleHeaders implements HandlerInterceptor {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; base-uri 'self'; frame-ancestors 'self'";

	static final String REFERRER_POLICY = "same-origin";

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method
				&& method.getBeanType().getPackageName().equals(ConsoleHeaders.class.getPackageName())) {
			response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
			response.setHeader("Referrer-Policy", REFERRER_POLICY);
		}
		return true;
	}

}
