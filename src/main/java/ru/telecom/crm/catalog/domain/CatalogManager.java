package ru.telecom.crm.catalog.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.telecom.crm.catalog.CatalogApi;
import ru.telecom.crm.catalog.CatalogImport;
import ru.telecom.crm.catalog.CatalogImport.ServiceEntry;
import ru.telecom.crm.catalog.CatalogImport.WorkGroupEntry;
import ru.telecom.crm.catalog.CatalogImportResult;
import ru.telecom.crm.catalog.CatalogSettings;
import ru.telecom.crm.catalog.CatalogImportResult.Counts;
import ru.telecom.crm.catalog.CatalogImported;
import ru.telecom.crm.catalog.CatalogUsage;
import ru.telecom.crm.catalog.ServiceView;
import ru.telecom.crm.catalog.WorkGroupView;
import ru.telecom.crm.shared.InvalidInputException;

@Service
@Transactional(readOnly = true)
class CatalogManager implements CatalogApi {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");

	private final WorkGroupRepository workGroups;

	private final TelecomServiceRepository services;

	private final ObjectProvider<CatalogUsage> usages;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/**
	 * The catalog as last read: every request asks for it (routing, grants, forms, lists)
	 * and it changes only by an import, after which it is read again. Another node's
	 * import is seen within {@code crm.catalog.cache-ttl}.
	 */
	private volatile Snapshot snapshot;

	private final Duration cacheTtl;

	CatalogManager(WorkGroupRepository workGroups, TelecomServiceRepository services,
			ObjectProvider<CatalogUsage> usages, ApplicationEventPublisher events, Clock clock,
			CatalogSettings settings) {
		this.cacheTtl = settings.cacheTtl();
		this.workGroups = workGroups;
		this.services = services;
		this.usages = usages;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public List<ServiceView> activeServices() {
		return snapshot().services().stream().filter((service) -> !service.retired()).toList();
	}

	@Override
	public Optional<ServiceView> findService(int code) {
		return snapshot().services().stream().filter((service) -> service.code() == code).findFirst();
	}

	@Override
	public Optional<ServiceView> findServiceById(long id) {
		return snapshot().services().stream().filter((service) -> service.id() == id).findFirst();
	}

	@Override
	public Optional<WorkGroupView> findWorkGroup(int code) {
		return snapshot().workGroups().stream().filter((group) -> group.code() == code).findFirst();
	}

	@Override
	public Optional<WorkGroupView> findWorkGroupById(long id) {
		return snapshot().workGroups().stream().filter((group) -> group.id() == id).findFirst();
	}

	@Override
	public List<WorkGroupView> workGroups() {
		return snapshot().workGroups();
	}

	private Snapshot snapshot() {
		Snapshot known = this.snapshot;
		Instant now = this.clock.instant();
		if (known == null || known.readAt().plus(this.cacheTtl).isBefore(now)) {
			known = new Snapshot(this.workGroups.findAllByOrderByCode().stream().map(WorkGroup::view).toList(),
					this.services.findAllByOrderByCode().stream().map(TelecomService::view).toList(), now);
			this.snapshot = known;
		}
		return known;
	}

	/**
	 * Read again on the next question, and once more after the import's transaction ends.
	 */
	private void forget() {
		this.snapshot = null;
		if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
			org.springframework.transaction.support.TransactionSynchronizationManager
				.registerSynchronization(new org.springframework.transaction.support.TransactionSynchronization() {
					@Override
					public void afterCompletion(int status) {
						CatalogManager.this.snapshot = null;
					}
				});
		}
	}

	@Override
	@Transactional
	public CatalogImportResult importCatalog(CatalogImport catalog, ImportMode mode) {
		validate(catalog, mode);
		Instant now = this.clock.instant();
		Tally groupTally = new Tally();
		Set<Integer> groupCodes = new HashSet<>();
		for (WorkGroupEntry entry : catalog.workGroups()) {
			groupCodes.add(entry.code());
			String email = blankToNull(entry.email());
			Optional<WorkGroup> existing = this.workGroups.findByCode(entry.code());
			if (existing.isEmpty()) {
				this.workGroups
					.save(new WorkGroup(entry.code(), entry.name().strip(), email, entry.managerId().strip(), now));
				groupTally.created++;
			}
			else if (existing.get().update(entry.name().strip(), email, entry.managerId().strip(), now)) {
				groupTally.updated++;
			}
			else {
				groupTally.unchanged++;
			}
		}
		this.workGroups.flush();
		Tally serviceTally = new Tally();
		Set<Integer> serviceCodes = new HashSet<>();
		for (ServiceEntry entry : catalog.services()) {
			serviceCodes.add(entry.code());
			WorkGroup group = this.workGroups.findByCode(entry.workGroupCode()).orElseThrow();
			Optional<TelecomService> existing = this.services.findByCode(entry.code());
			if (existing.isEmpty()) {
				this.services.save(new TelecomService(entry.code(), entry.name().strip(), group, now));
				serviceTally.created++;
			}
			else if (existing.get().update(entry.name().strip(), group, now)) {
				serviceTally.updated++;
			}
			else {
				serviceTally.unchanged++;
			}
		}
		this.services.flush();
		if (mode == ImportMode.SYNC) {
			removeServicesNotIn(serviceCodes, serviceTally, now);
			removeWorkGroupsNotIn(groupCodes, groupTally, now);
		}
		CatalogImportResult result = new CatalogImportResult(groupTally.counts(), serviceTally.counts());
		forget();
		this.events.publishEvent(new CatalogImported(result));
		return result;
	}

	private void removeServicesNotIn(Set<Integer> codes, Tally tally, Instant now) {
		Set<Long> inUse = new HashSet<>();
		this.usages.forEach((usage) -> inUse.addAll(usage.serviceIdsInUse()));
		for (TelecomService service : this.services.findAll()) {
			if (codes.contains(service.getCode())) {
				continue;
			}
			if (inUse.contains(service.getId())) {
				if (service.retire(now)) {
					tally.retired++;
				}
			}
			else {
				this.services.delete(service);
				tally.deleted++;
			}
		}
		this.services.flush();
	}

	private void removeWorkGroupsNotIn(Set<Integer> codes, Tally tally, Instant now) {
		Set<Long> inUse = new HashSet<>();
		this.usages.forEach((usage) -> inUse.addAll(usage.workGroupIdsInUse()));
		// a retired service still routes to its group
		this.services.findAll().forEach((service) -> inUse.add(service.getWorkGroup().getId()));
		for (WorkGroup group : this.workGroups.findAll()) {
			if (codes.contains(group.getCode())) {
				continue;
			}
			if (inUse.contains(group.getId())) {
				if (group.retire(now)) {
					tally.retired++;
				}
			}
			else {
				this.workGroups.delete(group);
				tally.deleted++;
			}
		}
	}

	/** Every entry checked before anything changes; all errors reported at once. */
	private void validate(CatalogImport catalog, ImportMode mode) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (catalog.workGroups().isEmpty() && catalog.services().isEmpty()) {
			errors.put("workGroups", "the import has no work groups and no services");
		}
		Set<Integer> importedGroups = new HashSet<>();
		for (int i = 0; i < catalog.workGroups().size(); i++) {
			WorkGroupEntry entry = catalog.workGroups().get(i);
			String at = "workGroups[" + i + "].";
			if (entry == null) {
				errors.put("workGroups[" + i + "]", "an entry is required");
				continue;
			}
			code(entry.code(), at + "code", importedGroups, errors);
			name(entry.name(), at + "name", errors);
			if (entry.email() != null && !entry.email().isBlank()
					&& (entry.email().length() > 254 || !EMAIL.matcher(entry.email().strip()).matches())) {
				errors.put(at + "email", "'" + entry.email() + "' is not an email address");
			}
			if (entry.managerId() == null || !USER_ID.matcher(entry.managerId().strip()).matches()) {
				errors.put(at + "managerId", "the manager's username is required (letters, digits, . _ @ -)");
			}
		}
		Set<Integer> importedServices = new HashSet<>();
		for (int i = 0; i < catalog.services().size(); i++) {
			ServiceEntry entry = catalog.services().get(i);
			String at = "services[" + i + "].";
			if (entry == null) {
				errors.put("services[" + i + "]", "an entry is required");
				continue;
			}
			code(entry.code(), at + "code", importedServices, errors);
			name(entry.name(), at + "name", errors);
			if (entry.workGroupCode() == null) {
				errors.put(at + "workGroupCode", "the work group's code is required");
			}
			else if (!importedGroups.contains(entry.workGroupCode())
					&& (mode == ImportMode.SYNC || this.workGroups.findByCode(entry.workGroupCode()).isEmpty())) {
				errors.put(at + "workGroupCode", "no work group " + entry.workGroupCode()
						+ ((mode == ImportMode.SYNC) ? " in this import" : ""));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The catalog import has errors; nothing was changed", errors);
		}
	}

	private static void code(Integer code, String field, Set<Integer> seen, Map<String, String> errors) {
		if (code == null || code <= 0) {
			errors.put(field, "a positive numeric code is required");
		}
		else if (!seen.add(code)) {
			errors.put(field, "code " + code + " appears twice in the import");
		}
	}

	private static void name(String name, String field, Map<String, String> errors) {
		if (name == null || name.isBlank()) {
			errors.put(field, "a name is required");
		}
		else if (name.strip().length() > 200) {
			errors.put(field, "at most 200 characters");
		}
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static final class Tally {

		int created;

		int updated;

		int unchanged;

		int retired;

		int deleted;

		Counts counts() {
			return new Counts(this.created, this.updated, this.unchanged, this.retired, this.deleted);
		}

	}

	/** The catalog at one moment, ordered by code. */
	private record Snapshot(List<WorkGroupView> workGroups, List<ServiceView> services, Instant readAt) {
	}

}
