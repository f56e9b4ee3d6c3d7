package ru.telecom.crm.catalog;

/** What an import changed. */
public record CatalogImportResult(Counts workGroups, Counts services) {

	/**
	 * Entries created, updated (or brought back), left as they were, retired, deleted.
	 */
	public record Counts(int created, int updated, int unchanged, int retired, int deleted) {
	}

}
