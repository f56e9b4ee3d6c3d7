package ru.telecom.crm.history.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox on H2, the embedded default's database: the history is seldom configured
 * there, but when it is, it works (no advisory lock: one node).
 */
class OutboxOnH2Tests {

	private Outbox outbox;

	@BeforeEach
	void anEmptyOutbox() throws Exception {
		DataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa",
				"");
		SpringLiquibase liquibase = new SpringLiquibase();
		liquibase.setDataSource(h2);
		liquibase.setChangeLog("classpath:db/changelog/history/001-history-outbox.yaml");
		liquibase.setResourceLoader(new DefaultResourceLoader());
		liquibase.afterPropertiesSet();
		this.outbox = new Outbox(h2);
	}

	@Test
	void rowsAreQueuedOnceTakenOldestFirstAndRemoved() {
		Instant now = Instant.parse("2024-05-01T10:00:00Z");
		this.outbox.add(event(6), now);
		this.outbox.add(event(3), now.plusSeconds(1));

		int added = this.outbox.addMissing(List.of(event(6), event(4)), now.plusSeconds(2));

		assertThat(added).isOne();
		assertThat(this.outbox.lock()).isTrue();
		assertThat(this.outbox.pending()).isEqualTo(3);
		assertThat(this.outbox.next(2)).extracting(Outbox.Pending::id).containsExactly(3L, 4L);
		assertThat(this.outbox.next(1).get(0).payload()).isEqualTo(event(3).json());
		assertThat(this.outbox.next(1).get(0).createdAt()).isEqualTo(now.plusSeconds(1));
		this.outbox.remove(List.of(3L, 4L));
		assertThat(this.outbox.pendingAmong(List.of(3L, 4L, 6L))).containsExactly(6L);
	}

	private static HistoryEvent event(long eventId) {
		return new HistoryEvent(eventId, "2024-05-01 10:00:00", "2024-05-01", HistoryEvent.STATUS, HistoryEvent.REQUEST,
				7, "", "NEW", "", "anna", "anna", "", "", "NORMAL", "PHONE", "", null, null);
	}

}
