package ru.telecom.crm.console;

import ru.telecom.crm.access.Caller;

import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import ru.telecom.crm.access.AccessPolicy;
import ru.telecom.crm.preference.UserPreferences;

/**
 * The console's {@link ru.telecom.crm.api.Caller} parameters, and its language: the
 * browser's (English or Russian) until the user picks one with {@code ?lang=en|ru}, then
 * kept in a cookie.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration implements WebMvcConfigurer {

	private final AccessPolicy access;

	private final UserPreferences preferences;

	ConsoleConfiguration(AccessPolicy access, UserPreferences preferences) {
		this.access = access;
		this.preferences = preferences;
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("crm-lang");
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CallerResolver(this.access));
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change);
		registry.addInterceptor(new ConsoleHeaders());
		registry.addInterceptor(new UserZone(this.preferences));
	}

}
