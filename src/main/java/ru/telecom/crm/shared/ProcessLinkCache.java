package ru.telecom.crm.shared;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which item a process belongs to, asked by every delegate and listener of that process.
 * The link is written once, when the app starts the process for its row, and never
 * changes, so an answer found is kept: for the rest of the transaction at once, and for
 * every later one once the transaction that found it has committed (a link seen in a
 * transaction that rolls back is never kept: its process rolled back with it). Only
 * answers found are kept: an item may be linked to its process later in the same
 * transaction. Bounded: the processes of the items at work fit, the rest are asked again.
 */
public final class ProcessLinkCache {

	private final Cache<String, Long> committed = Caffeine.newBuilder().maximumSize(20_000).build();

	/** The item linked to that process instance, or {@code find}'s answer. */
	public Optional<Long> get(String processInstanceId, Supplier<Optional<Long>> find) {
		Long known = this.committed.getIfPresent(processInstanceId);
		if (known != null) {
			return Optional.of(known);
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			Optional<Long> found = find.get();
			found.ifPresent((id) -> this.committed.put(processInstanceId, id));
			return found;
		}
		Map<String, Long> thisTransaction = foundInThisTransaction();
		known = thisTransaction.get(processInstanceId);
		if (known != null) {
			return Optional.of(known);
		}
		Optional<Long> found = find.get();
		found.ifPresent((id) -> thisTransaction.put(processInstanceId, id));
		return found;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Long> foundInThisTransaction() {
		Map<String, Long> found = (Map<String, Long>) TransactionSynchronizationManager.getResource(this);
		if (found == null) {
			Map<String, Long> links = new HashMap<>();
			TransactionSynchronizationManager.bindResource(this, links);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					ProcessLinkCache.this.committed.putAll(links);
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(ProcessLinkCache.this);
				}
			});
			found = links;
		}
		return found;
	}

}
