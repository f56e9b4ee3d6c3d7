package ru.telecom.crm.metrics.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import ru.telecom.crm.metrics.MetricsSettings;

/**
 * What is open, read at each scrape. The per-item series carry only what does not change
 * every scrape as labels (the value is the age), so an item keeps one series while its
 * labels hold, and its series is gone at the first scrape after it closes. No client data
 * is a label.
 */
@Component
class OpenItemsCollector implements MultiCollector {

	static final List<String> NAMES = List.of("crm_open_items", "crm_open_items_oldest_age_seconds",
			"crm_open_item_age_seconds", "crm_open_item_status_age_seconds", "crm_open_item_due_in_seconds",
			"crm_open_item_series_left_out_current");

	private static final String[] GROUP_LABELS = { "type", "status", "group", "service", "assignee", "priority" };

	private static final String[] ITEM_LABELS = { "id", "type", "status", "group", "service", "assignee", "priority" };

	private final OpenItemsQuery query;

	private final MetricsSettings settings;

	private final Clock clock;

	private final Counter leftOut;

	OpenItemsCollector(OpenItemsQuery query, MetricsSettings settings, Clock clock, MeterRegistry meters,
			ObjectProvider<PrometheusRegistry> prometheus) {
		this.query = query;
		this.settings = settings;
		this.clock = clock;
		this.leftOut = Counter.builder("crm.open.item.series.left.out")
			.description(
					"Open items that got no series of their own because of crm.metrics.item-cap, summed over scrapes")
			.register(meters);
		// none when the Prometheus export is turned off
		prometheus.ifAvailable((registry) -> registry.register(this));
	}

	@Override
	public MetricSnapshots collect() {
		Instant now = this.clock.instant();
		List<OpenItemGroup> groups = this.query.groups();
		List<OpenItem> items = this.query.oldest(this.settings.itemCap())
			.stream()
			.sorted(Comparator.comparing(OpenItem::createdAt).thenComparing(OpenItem::id))
			.limit(this.settings.itemCap())
			.toList();
		long open = groups.stream().mapToLong(OpenItemGroup::count).sum();
		long left = open - items.size();
		if (left > 0) {
			this.leftOut.increment(left);
		}

		GaugeSnapshot.Builder counts = gauge("crm_open_items", "Open requests and incidents");
		GaugeSnapshot.Builder oldest = gauge("crm_open_items_oldest_age_seconds",
				"Age of the oldest open item with these labels");
		for (OpenItemGroup group : groups) {
			Labels labels = Labels.of(GROUP_LABELS, new String[] { group.type(), group.status(), group.group(),
					group.service(), group.assignee(), group.priority() });
			counts.dataPoint(point(labels, group.count()));
			oldest.dataPoint(point(labels, seconds(group.oldestCreatedAt(), now)));
		}
		GaugeSnapshot.Builder ages = gauge("crm_open_item_age_seconds", "An open item's age, one series per item");
		GaugeSnapshot.Builder inStatus = gauge("crm_open_item_status_age_seconds",
				"How long an open item has been in its current status, one series per item");
		GaugeSnapshot.Builder dueIn = gauge("crm_open_item_due_in_seconds",
				"How long until an open incident's SLA due instant, negative once past it; "
						+ "none on hold or without a service level");
		for (OpenItem item : items) {
			Labels labels = Labels.of(ITEM_LABELS, new String[] { Long.toString(item.id()), item.type(), item.status(),
					item.group(), item.service(), item.assignee(), item.priority() });
			ages.dataPoint(point(labels, seconds(item.createdAt(), now)));
			inStatus.dataPoint(point(labels, seconds(item.statusSince(), now)));
			if (item.dueAt() != null) {
				dueIn.dataPoint(point(labels, Duration.between(now, item.dueAt()).toMillis() / 1000.0));
			}
		}
		GaugeSnapshot.Builder current = gauge("crm_open_item_series_left_out_current",
				"Open items the cap left without a series at this scrape");
		current.dataPoint(point(Labels.EMPTY, Math.max(left, 0)));
		return new MetricSnapshots(counts.build(), oldest.build(), ages.build(), inStatus.build(), dueIn.build(),
				current.build());
	}

	@Override
	public List<String> getPrometheusNames() {
		return NAMES;
	}

	private static GaugeSnapshot.Builder gauge(String name, String help) {
		return GaugeSnapshot.builder().name(name).help(help);
	}

	private static GaugeDataPointSnapshot point(Labels labels, double value) {
		return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
	}

	private static double seconds(Instant from, Instant now) {
		return Math.max(0, Duration.between(from, now).toMillis() / 1000.0);
	}

}
