package ru.telecom.crm.history.internal;

import java.time.Clock;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ru.telecom.crm.catalog.CatalogApi;
import ru.telecom.crm.history.HistorySettings;
import ru.telecom.crm.incident.IncidentApi;
import ru.telecom.crm.servicerequest.ServiceRequestApi;
import ru.telecom.crm.status.StatusHistory;

/**
 * The history's beans, all of them only while ClickHouse is configured: without them no
 * listener hears the status module's events, and a transition costs what it did before.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ClickHouseConfigured.class)
@EnableScheduling
class HistoryConfiguration {

	@Bean
	HistoryEvents historyEvents(ServiceRequestApi requests, IncidentApi incidents, CatalogApi catalog,
			StatusHistory history) {
		return new HistoryEvents(requests, incidents, catalog, history);
	}

	@Bean
	Outbox historyOutbox(DataSource dataSource) {
		return new Outbox(dataSource);
	}

	@Bean
	ClickHouseClient clickHouseClient(HistorySettings settings) {
		return new ClickHouseClient(settings.clickhouse());
	}

	@Bean
	HistoryMetrics historyMetrics(MeterRegistry registry, Outbox outbox) {
		return new HistoryMetrics(registry, outbox);
	}

	@Bean
	Shipper historyShipper(Outbox outbox, ClickHouseClient clickHouse, PlatformTransactionManager transactions,
			HistoryMetrics metrics, HistorySettings settings, Clock clock) {
		return new Shipper(outbox, clickHouse, new TransactionTemplate(transactions), metrics, settings, clock);
	}

	@Bean
	OutboxWriter historyOutboxWriter(HistoryEvents events, Outbox outbox, Shipper shipper, Clock clock) {
		return new OutboxWriter(events, outbox, shipper, clock);
	}

	@Bean
	HistoryOperations historyOperations(StatusHistory history, HistoryEvents events, Outbox outbox,
			ClickHouseClient clickHouse, Shipper shipper, HistoryMetrics metrics,
			PlatformTransactionManager transactions, HistorySettings settings, Clock clock) {
		return new HistoryOperations(history, events, outbox, clickHouse, shipper, metrics,
				new TransactionTemplate(transactions), settings, clock);
	}

}
