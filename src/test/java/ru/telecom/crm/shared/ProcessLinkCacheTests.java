package ru.telecom.crm.shared;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process's item is asked of the database once, and only a committed answer is kept.
 */
class ProcessLinkCacheTests {

	private final ProcessLinkCache links = new ProcessLinkCache();

	private final AtomicInteger asked = new AtomicInteger();

	@AfterEach
	void endTransaction() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@Test
	void aLinkFoundInACommittedTransactionIsNotAskedAgain() {
		inTransaction(TransactionSynchronization.STATUS_COMMITTED, () -> {
			assertThat(this.links.get("p1", found(7L))).contains(7L);
			assertThat(this.links.get("p1", found(7L))).contains(7L);
		});
		assertThat(this.links.get("p1", found(7L))).contains(7L);
		assertThat(this.asked).hasValue(1);
	}

	@Test
	void aLinkFoundInATransactionThatRolledBackIsAskedAgain() {
		inTransaction(TransactionSynchronization.STATUS_ROLLED_BACK,
				() -> assertThat(this.links.get("p1", found(7L))).contains(7L));

		assertThat(this.links.get("p1", found(8L))).contains(8L);
		assertThat(this.asked).hasValue(2);
	}

	@Test
	void noLinkYetIsAskedAgain() {
		inTransaction(TransactionSynchronization.STATUS_COMMITTED,
				() -> assertThat(this.links.get("p1", found(null))).isEmpty());

		assertThat(this.links.get("p1", found(9L))).contains(9L);
		assertThat(this.asked).hasValue(2);
	}

	private Supplier<Optional<Long>> found(Long id) {
		return () -> {
			this.asked.incrementAndGet();
			return Optional.ofNullable(id);
		};
	}

	private static void inTransaction(int outcome, Runnable work) {
		TransactionSynchronizationManager.initSynchronization();
		work.run();
		var synchronizations = TransactionSynchronizationManager.getSynchronizations();
		if (outcome == TransactionSynchronization.STATUS_COMMITTED) {
			synchronizations.forEach(TransactionSynchronization::afterCommit);
		}
		synchronizations.forEach((synchronization) -> synchronization.afterCompletion(outcome));
		TransactionSynchronizationManager.clearSynchronization();
	}

}
