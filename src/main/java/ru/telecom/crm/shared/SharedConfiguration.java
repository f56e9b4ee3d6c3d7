package ru.telecom.crm.shared;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

	/** The one clock of the app, so that tests can hold time still. */
	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}

}
