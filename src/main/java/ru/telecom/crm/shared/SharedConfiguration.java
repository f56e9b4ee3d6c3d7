package ru.telecom.crm.shared;

import java.time.Clock;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.context.annotation.Bean;
import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

	/** The one clock of the app, so that tests can hold time still. */
	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
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
