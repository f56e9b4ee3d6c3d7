package ru.telecom.crm.retention.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The nightly purges run on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RetentionConfiguration {

}
