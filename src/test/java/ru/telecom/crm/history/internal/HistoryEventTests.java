package ru.telecom.crm.history.internal;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A history row as ClickHouse reads it. */
class HistoryEventTests {

	@Test
	void statusAndActivityRowsNeverShareAnEventId() {
		assertThat(HistoryEvent.ofStatus(7)).isEqualTo(14);
		assertThat(HistoryEvent.ofActivity(7)).isEqualTo(15);
		assertThat(HistoryEvent.ofActivity(6)).isNotEqualTo(HistoryEvent.ofStatus(7));
	}

	@Test
	void theJsonLineCarriesTheColumnsInClickHouseTerms() throws Exception {
		Instant at = Instant.parse("2024-05-01T23:59:59.750Z");
		HistoryEvent event = new HistoryEvent(14, HistoryEvent.time(at), HistoryEvent.date(at), HistoryEvent.STATUS,
				HistoryEvent.INCIDENT, 7, "NEW", "ASSIGNED", "", "olga", "ivan", "100", "1001", "HIGH", "", "", 42L,
				null);

		JsonNode json = new ObjectMapper().readTree(event.json());

		assertThat(json.get("event_id").asLong()).isEqualTo(14);
		assertThat(json.get("event_time").asText()).isEqualTo("2024-05-01 23:59:59");
		assertThat(json.get("event_date").asText()).isEqualTo("2024-05-01");
		assertThat(json.get("group").asText()).isEqualTo("100");
		assertThat(json.get("seconds_to_assign").asLong()).isEqualTo(42);
		assertThat(json.get("seconds_to_close").isNull()).isTrue();
		assertThat(json.size()).isEqualTo(18);
	}

	@Test
	void durationsStayWithinUInt32() {
		Instant start = Instant.parse("2024-05-01T00:00:00Z");

		assertThat(HistoryEvent.seconds(start, start.plusSeconds(90))).isEqualTo(90);
		assertThat(HistoryEvent.seconds(start, start.minusSeconds(5))).isZero();
		assertThat(HistoryEvent.seconds(start, start.plusSeconds(5_000_000_000L))).isEqualTo(4_294_967_295L);
	}

	@Test
	void theSchemaFileIsTheDatabaseAndTheTable() {
		assertThat(ClickHouseClient.schemaStatements()).hasSize(2)
			.satisfiesExactly((database) -> assertThat(database).isEqualTo("CREATE DATABASE IF NOT EXISTS crm"),
					(table) -> assertThat(table).startsWith("CREATE TABLE IF NOT EXISTS crm.history_event")
						.contains("ENGINE = ReplacingMergeTree()")
						.endsWith("ORDER BY event_id"));
	}

}
