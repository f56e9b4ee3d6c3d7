package ru.telecom.crm.shared;

import java.lang.reflect.Method;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.StaticMethodMatcherPointcutAdvisor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;

/**
 * Puts {@link JobCollisionRetry} around the controllers' write handlers, outermost
 * (before the transaction interceptor, so that each try has a transaction of its own). An
 * infrastructure advisor, so that the auto-proxy creator the transactions use applies it.
 */
@Configuration(proxyBeanMethods = false)
@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
class JobCollisionRetryConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor jobCollisionRetryAdvisor() {
		StaticMethodMatcherPointcutAdvisor advisor = new StaticMethodMatcherPointcutAdvisor(new JobCollisionRetry()) {

			@Override
			public boolean matches(Method method, Class<?> targetClass) {
				return JobCollisionRetry.wraps(method, targetClass);
			}

		};
		advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return advisor;
	}

}
