package ru.telecom.crm.metrics.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoQueryStringsInUrisTests {

	@Test
	void anOutgoingCallsUriLosesItsQueryAndKeepsItsOtherLabels() {
		MeterRegistry registry = new SimpleMeterRegistry();
		registry.config().meterFilter(new NoQueryStringsInUris());

		registry.timer("http.client.requests", "uri", "/api/clients?q=Dmitry", "status", "200");
		registry.timer("http.client.requests", "uri", "/api/clients?q=+79007778899", "status", "200");
		registry.timer("http.server.requests", "uri", "/api/clients", "status", "200");

		assertThat(registry.find("http.client.requests").timers()).singleElement()
			.satisfies((timer) -> assertThat(timer.getId().getTag("uri")).isEqualTo("/api/clients"))
			.satisfies((timer) -> assertThat(timer.getId().getTag("status")).isEqualTo("200"));
		assertThat(registry.find("http.server.requests").tag("uri", "/api/clients").timer()).isNotNull();
	}

}
