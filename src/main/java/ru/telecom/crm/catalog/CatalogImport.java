package ru.telecom.crm.catalog;

import java.util.List;

/** A batch of catalog entries, from JSON or CSV. */
public record CatalogImport(List<WorkGroupEntry> workGroups, List<ServiceEntry> services) {

	public CatalogImport {
		workGroups = (workGroups != null) ? workGroups : List.of();
		services = (services != null) ? services : List.of();
	}

	/** A work group as the outside catalog knows it. */
	public record WorkGroupEntry(Integer code, String name, String email, String managerId) {
	}

	/** A service as the outside catalog knows it, with the code of its work group. */
	public record ServiceEntry(Integer code, String name, Integer workGroupCode) {
	}

}
