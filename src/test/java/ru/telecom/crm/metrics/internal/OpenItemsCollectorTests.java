package ru.telecom.crm.metrics.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import ru.telecom.crm.metrics.MetricsSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class OpenItemsCollectorTests {

	private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

	private final OpenItemsQuery query = mock(OpenItemsQuery.class);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void theCapKeepsTheOldestItemsAndCountsTheRest() {
		given(this.query.groups())
			.willReturn(List.of(new OpenItemGroup("request", "NEW", "", "", "", "NORMAL", 2, NOW.minusSeconds(300)),
					new OpenItemGroup("incident", "ON_HOLD", "100", "1001", "ivan", "HIGH", 2, NOW.minusSeconds(600))));
		// each query brings up to the cap of its own kind; the cap is over both
		given(this.query.oldest(3)).willReturn(List.of(item("request", 1, 300, 300), item("request", 2, 100, 100),
				item("incident", 7, 600, 60), item("incident", 8, 200, 200)));

		MetricSnapshots first = collector(3).collect();

		assertThat(points(first, "crm_open_item_age_seconds")).extracting((point) -> point.getLabels().get("id"))
			.containsExactlyInAnyOrder("7", "1", "8");
		assertThat(value(first, "crm_open_item_age_seconds", "7")).isEqualTo(600);
		assertThat(value(first, "crm_open_item_status_age_seconds", "7")).isEqualTo(60);
		assertThat(value(first, "crm_open_item_due_in_seconds", "7")).as("past its due instant: negative")
			.isEqualTo(-70);
		assertThat(points(first, "crm_open_item_due_in_seconds")).as("requests have no due instant")
			.extracting((point) -> point.getLabels().get("id"))
			.containsExactlyInAnyOrder("7", "8");
		assertThat(points(first, "crm_open_item_series_left_out_current")).singleElement()
			.satisfies((point) -> assertThat(point.getValue()).isEqualTo(1));
		assertThat(points(first, "crm_open_items")).extracting(GaugeDataPointSnapshot::getValue)
			.containsExactly(2.0, 2.0);
		assertThat(points(first, "crm_open_items_oldest_age_seconds")).extracting(GaugeDataPointSnapshot::getValue)
			.containsExactly(300.0, 600.0);

		collector(3).collect();
		assertThat(this.meters.counter("crm.open.item.series.left.out").count()).as("summed over scrapes").isEqualTo(2);
	}

	@Test
	void noCapLeftOutIsZeroAndNoItemIsLabelledWithClientData() {
		given(this.query.groups())
			.willReturn(List.of(new OpenItemGroup("request", "NEW", "", "", "", "LOW", 1, NOW.minusSeconds(5))));
		given(this.query.oldest(5000)).willReturn(List.of(item("request", 1, 5, 5)));

		MetricSnapshots snapshots = collector(5000).collect();

		assertThat(points(snapshots, "crm_open_item_series_left_out_current")).singleElement()
			.satisfies((point) -> assertThat(point.getValue()).isZero());
		assertThat(points(snapshots, "crm_open_item_age_seconds")).singleElement()
			.satisfies((point) -> assertThat(point.getLabels().stream().map((label) -> label.getName()))
				.containsExactly("assignee", "group", "id", "priority", "service", "status", "type"));
		assertThat(this.meters.counter("crm.open.item.series.left.out").count()).isZero();
	}

	private OpenItemsCollector collector(int cap) {
		return new OpenItemsCollector(this.query, new MetricsSettings(cap, "metrics", ""),
				Clock.fixed(NOW, ZoneOffset.UTC), this.meters,
				new StaticListableBeanFactory(Map.of("prometheus", new PrometheusRegistry()))
					.getBeanProvider(PrometheusRegistry.class));
	}

	private static OpenItem item(String type, long id, long ageSeconds, long inStatusSeconds) {
		boolean incident = type.equals("incident");
		return new OpenItem(type, id, incident ? "ON_HOLD" : "NEW", incident ? "100" : "", incident ? "1001" : "",
				incident ? "ivan" : "", "NORMAL", NOW.minusSeconds(ageSeconds), NOW.minusSeconds(inStatusSeconds),
				incident ? NOW.minusSeconds(id * 10) : null);
	}

	private static List<GaugeDataPointSnapshot> points(MetricSnapshots snapshots, String name) {
		return snapshots.stream()
			.filter((snapshot) -> snapshot.getMetadata().getPrometheusName().equals(name))
			.map((snapshot) -> ((GaugeSnapshot) snapshot).getDataPoints())
			.findFirst()
			.orElseThrow();
	}

	private static double value(MetricSnapshots snapshots, String name, String id) {
		return points(snapshots, name).stream()
			.filter((point) -> id.equals(point.getLabels().get("id")))
			.findFirst()
			.orElseThrow()
			.getValue();
	}

}
