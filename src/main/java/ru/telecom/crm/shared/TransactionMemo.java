package ru.telecom.crm.shared;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Answers kept for the length of the current transaction: one engine command asks "which
 * item is this process's" from several delegates and listeners, and the answer cannot
 * change before the transaction ends. Only answers found are kept (an item may be linked
 * to its process later in the same transaction). Without a transaction, nothing is kept.
 */
public final class TransactionMemo {

	private TransactionMemo() {
	}

	/** The answer for {@code key} kept by {@code owner}, or {@code find}'s. */
	public static <V> Optional<V> get(Object owner, String key, Supplier<Optional<V>> find) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return find.get();
		}
		Map<String, Object> memo = memoOf(owner);
		@SuppressWarnings("unchecked")
		V known = (V) memo.get(key);
		if (known != null) {
			return Optional.of(known);
		}
		Optional<V> found = find.get();
		found.ifPresent((value) -> memo.put(key, value));
		return found;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> memoOf(Object owner) {
		Map<String, Object> memo = (Map<String, Object>) TransactionSynchronizationManager.getResource(owner);
		if (memo == null) {
			memo = new HashMap<>();
			TransactionSynchronizationManager.bindResource(owner, memo);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(owner);
				}
			});
		}
		return memo;
	}

}
