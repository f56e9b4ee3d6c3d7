package ru.telecom.crm.catalog;

import java.util.Set;

/**
 * Implemented by modules whose items refer to catalog entries, so that an import never
 * deletes one still in use.
 */
public interface CatalogUsage {

	Set<Long> serviceIdsInUse();

	Set<Long> workGroupIdsInUse();

}
