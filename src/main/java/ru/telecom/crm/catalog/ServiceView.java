package ru.telecom.crm.catalog;

/** A service of the catalog and the work group it is routed to. */
public record ServiceView(long id, int code, String name, long workGroupId, int workGroupCode, boolean retired) {

}
