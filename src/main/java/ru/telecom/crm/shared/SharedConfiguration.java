package ru.telecom.crm.shared;

import java.time.ZoneId;

import jakarta.servlet.MultipartConfigElement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SharedConfiguration.class);

	/**
	 * The one clock of the app: the system's, or with {@code crm.clock.controllable} one
	 * that tests move (with the engine's) from the offset our database keeps (the
	 * {@code JdbcTemplate} is made after Liquibase, which creates that table).
	 */
	@Bean
	AppClock clock(ClockSettings settings, ObjectProvider<JdbcTemplate> jdbc) {
		if (!settings.controllable()) {
			return AppClock.system(ZoneId.systemDefault());
		}
		log.warn("The clock is controllable (crm.clock.controllable): tests may move it; never in production");
		return AppClock.controllable(ZoneId.systemDefault(), new JdbcClockOffsetStore(jdbc.getObject()));
	}

	/**
	 * The multipart parser's limits, for the API's uploads and the console's alike: a
	 * file up to the attachment limit, a whole body up to that and its overhead. Streamed
	 * bodies are counted as they come, so a chunked upload stops at the limit too.
	 */
	@Bean
	MultipartConfigElement multipartLimits(ApiLimits limits) {
		MultipartConfigFactory factory = new MultipartConfigFactory();
		factory.setMaxFileSize(limits.maxAttachment());
		factory.setMaxRequestSize(DataSize.ofBytes(limits.maxUploadBody()));
		return factory.createMultipartConfig();
	}

}
