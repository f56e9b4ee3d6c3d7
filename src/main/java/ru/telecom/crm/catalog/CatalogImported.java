package ru.telecom.crm.catalog;

/** Published after an import changed the catalog (queues follow the work groups). */
public record CatalogImported(CatalogImportResult result) {
}
