package ru.telecom.crm.history.internal;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Whether {@code crm.history.clickhouse.url} has a value. Not
 * {@code @ConditionalOnProperty}: that matches the empty default too.
 */
class ClickHouseConfigured implements Condition {

	static final String URL = "crm.history.clickhouse.url";

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return StringUtils.hasText(context.getEnvironment().getProperty(URL));
	}

}
