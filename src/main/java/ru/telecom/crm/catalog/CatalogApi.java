package ru.telecom.crm.catalog;

import java.util.List;
import java.util.Optional;

/** The catalog module's face. */
public interface CatalogApi {

	/** Services that may be chosen for a new incident, by code. */
	List<ServiceView> activeServices();

	Optional<ServiceView> findService(int code);

	Optional<ServiceView> findServiceById(long id);

	Optional<WorkGroupView> findWorkGroup(int code);

	Optional<WorkGroupView> findWorkGroupById(long id);

	/** Work groups in use, retired ones included, by code. */
	List<WorkGroupView> workGroups();

	/**
	 * Upserts work groups and services by code, all or nothing. With
	 * {@link ImportMode#SYNC} what the import leaves out is removed: deleted when nothing
	 * refers to it, retired (kept, no longer offered) when an incident still does.
	 * @throws ru.telecom.crm.shared.InvalidInputException naming every offending entry
	 */
	CatalogImportResult importCatalog(CatalogImport catalog, ImportMode mode);

	/** How an import treats what it does not mention. */
	enum ImportMode {

		/** Leave it as it is. */
		MERGE,
		/** Remove it: the import is the whole catalog. */
		SYNC

	}

	/**
	 * A list filter by service code, as a service id: none without a code, one that
	 * matches nothing for a code the catalog does not know.
	 */
	default Long serviceFilter(Integer code) {
		return (code != null) ? findService(code).map(ServiceView::id).orElse(-1L) : null;
	}

	/**
	 * A list filter by work group code, as a work group id (as {@link #serviceFilter}).
	 */
	default Long workGroupFilter(Integer code) {
		return (code != null) ? findWorkGroup(code).map(WorkGroupView::id).orElse(-1L) : null;
	}

}
