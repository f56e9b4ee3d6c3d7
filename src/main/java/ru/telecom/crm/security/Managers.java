package ru.telecom.crm.security;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import ru.telecom.crm.catalog.CatalogApi;
import ru.telecom.crm.catalog.WorkGroupView;
import ru.telecom.crm.directory.Directory;

/** The heads of departments and of work groups: who gets Cockpit and the team filter. */
final class Managers {

	private Managers() {
	}

	static Set<String> of(Directory directory, CatalogApi catalog) {
		Set<String> managers = new LinkedHashSet<>(directory.managerIds());
		catalog.workGroups().stream().map(WorkGroupView::managerId).filter(Objects::nonNull).forEach(managers::add);
		return managers;
	}

}
