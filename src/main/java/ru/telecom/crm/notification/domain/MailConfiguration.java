package ru.telecom.crm.notification.domain;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	/**
	 * The embedded default's transport: mails go to a folder instead of a mail server.
	 */
	@Bean
	@ConditionalOnProperty(name = "crm.mail.transport", havingValue = "capture")
	JavaMailSender capturingMailSender(MailSettings settings) {
		return new CapturingMailSender(settings.captureDir());
	}

}
