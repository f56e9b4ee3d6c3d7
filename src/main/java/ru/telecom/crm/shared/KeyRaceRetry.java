package ru.telecom.crm.shared;

import java.sql.SQLException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a unit of work in a transaction of its own and runs it again when it lost a race
 * on a unique key: two lookups of the same new phone both try to create the client, the
 * database lets one commit and fails the other, and the second attempt finds what the
 * first created. The caller never sees the unique-constraint error.
 */
@Component
public class KeyRaceRetry {

	private static final Logger log = LoggerFactory.getLogger(KeyRaceRetry.class);

	private static final String UNIQUE_VIOLATION = "23505";

	private static final int ATTEMPTS = 3;

	private final TransactionTemplate transaction;

	public KeyRaceRetry(PlatformTransactionManager transactionManager) {
		this.transaction = new TransactionTemplate(transactionManager);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Runs {@code work} in a transaction of its own (a caller's transaction is suspended
	 * meanwhile and is not affected by a failure here), retried when it fails on a unique
	 * key.
	 */
	public <T> T inNewTransaction(Supplier<T> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.transaction.execute((status) -> work.get());
			}
			catch (DataIntegrityViolationException ex) {
				if (!isUniqueViolation(ex)) {
					throw ex;
				}
				if (attempt == ATTEMPTS) {
					throw new ConflictException("The same data is being changed by someone else; try again");
				}
				log.debug("Lost a unique-key race (attempt {}), running again", attempt, ex);
			}
		}
	}

	static boolean isUniqueViolation(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

}
