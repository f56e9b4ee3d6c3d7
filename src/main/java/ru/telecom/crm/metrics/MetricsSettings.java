package ru.telecom.crm.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code crm.metrics}: how many open items get a series of their own (the oldest first;
 * the rest are counted in {@code crm_open_item_series_left_out_total}), and the user a
 * scraping client signs in as where no Keycloak issues it a token (an empty password
 * refuses every scrape).
 */
@ConfigurationProperties("crm.metrics")
public record MetricsSettings(@DefaultValue("5000") int itemCap, @DefaultValue("metrics") String scrapeUser,
		@DefaultValue("") String scrapePassword) {

	public MetricsSettings {
		if (itemCap < 0) {
			throw new IllegalArgumentException("crm.metrics.item-cap must not be negative, was " + itemCap);
		}
	}

}
