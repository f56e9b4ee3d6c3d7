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

}
