package ru.telecom.crm.catalog.web;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.telecom.crm.catalog.CatalogApi;
import ru.telecom.crm.catalog.CatalogApi.ImportMode;
import ru.telecom.crm.catalog.CatalogImport;
import ru.telecom.crm.catalog.CatalogImportResult;
import ru.telecom.crm.catalog.ServiceView;
import ru.telecom.crm.catalog.WorkGroupView;

/** The catalog: read by everyone signed in, imported by administrators only. */
@RestController
class CatalogController {

	private final CatalogApi catalog;

	CatalogController(CatalogApi catalog) {
		this.catalog = catalog;
	}

	/** Services that may be chosen for a new incident. */
	@GetMapping("/api/services")
	List<ServiceView> services() {
		return this.catalog.activeServices();
	}

	@GetMapping("/api/work-groups")
	List<WorkGroupView> workGroups() {
		return this.catalog.workGroups();
	}

	@PostMapping(path = "/api/admin/catalog/import", consumes = MediaType.APPLICATION_JSON_VALUE)
	CatalogImportResult importJson(@RequestBody CatalogImport catalog,
			@RequestParam(defaultValue = "MERGE") ImportMode mode) {
		return this.catalog.importCatalog(catalog, mode);
	}

	@PostMapping(path = "/api/admin/catalog/import", consumes = CatalogCsv.MEDIA_TYPE)
	CatalogImportResult importCsv(@RequestBody String csv, @RequestParam(defaultValue = "MERGE") ImportMode mode) {
		return this.catalog.importCatalog(CatalogCsv.parse(csv), mode);
	}

}
