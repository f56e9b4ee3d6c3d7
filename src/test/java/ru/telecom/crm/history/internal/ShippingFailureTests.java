package ru.telecom.crm.history.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.telecom.crm.history.ClickHouseUnavailableException;
import ru.telecom.crm.history.HistorySettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the shipper does when ClickHouse is not there. */
class ShippingFailureTests {

	@Test
	void aRefusedConnectionIsAFailureOfItsOwnKind() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		ClickHouseClient client = new ClickHouseClient(
				new HistorySettings.ClickHouse("http://127.0.0.1:" + port, "crm", "secret", Duration.ofSeconds(2)));

		assertThatThrownBy(() -> client.storedAmong(List.of(2L))).isInstanceOf(ClickHouseUnavailableException.class)
			.satisfies((ex) -> assertThat(((ClickHouseUnavailableException) ex).reason()).isEqualTo("connection"));
	}

	@Test
	void attemptsBackOffDoublingUpToTheCap() {
		HistorySettings settings = new HistorySettings(
				new HistorySettings.ClickHouse("http://127.0.0.1:1", "", "", Duration.ofSeconds(10)), 1000,
				Duration.ofSeconds(1), Duration.ofSeconds(30), 7, Duration.ofHours(24));
		Shipper shipper = new Shipper(null, null, null, null, settings, Clock.systemUTC());

		assertThat(List.of(1, 2, 3, 5, 6, 40).stream().map(shipper::backoff)).containsExactly(Duration.ofSeconds(1),
				Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(16), Duration.ofSeconds(30),
				Duration.ofSeconds(30));
	}

}
