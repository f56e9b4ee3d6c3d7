package ru.telecom.crm.history.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import ru.telecom.crm.history.HistoryExport;
import ru.telecom.crm.shared.ConflictException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The history's admin operations when ClickHouse is not configured. */
class HistoryControllerTests {

	private final HistoryController controller = new HistoryController(
			new StaticListableBeanFactory().getBeanProvider(HistoryExport.class));

	@Test
	void withoutClickHouseTheBackfillIsAConflictThatSaysWhatToSet() {
		assertThatThrownBy(this.controller::backfill).isInstanceOf(ConflictException.class)
			.hasMessageContaining("crm.history.clickhouse.url");
	}

	@Test
	void withoutClickHouseThereIsNothingToReconcile() {
		assertThatThrownBy(this.controller::reconcile).isInstanceOf(ConflictException.class);
	}

}
