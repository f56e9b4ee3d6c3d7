package ru.telecom.crm.channel.domain;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Old idempotency keys are forgotten on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ChannelConfiguration {

}
