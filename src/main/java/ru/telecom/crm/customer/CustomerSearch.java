package ru.telecom.crm.customer;

import java.util.List;

/**
 * Client and order searches over our database and LegacyDB: ours first, then LegacyDB's
 * not copied yet (issue 13, item 4). LegacyDB's hits have no id of ours until
 * {@link CustomerApi#importLegacyClient(long)} or
 * {@link CustomerApi#importLegacyOrder(String)} copies them.
 */
public interface CustomerSearch {

	/** LegacyDB's part of a search holds at most its first this many matches. */
	int LEGACY_CAP = 200;

	/**
	 * Clients as {@link CustomerApi#searchClients}, then LegacyDB's customers whose phone
	 * is the query (written any way) or whose name, organisation, email or phone digits
	 * contain it, without those copied already (same legacy id) or ours by phone. An
	 * empty query lists ours only. When LegacyDB is down the page holds ours only and
	 * says so.
	 * @throws ru.telecom.crm.shared.InvalidInputException for a query over 200 characters
	 * or a page out of range
	 */
	HitPage<ClientHit> clients(String query, int page, int size);

	/**
	 * Orders whose code or name contains the query, ours first (newest first), then
	 * LegacyDB's whose code or title contains it, without the codes we have.
	 */
	HitPage<OrderHit> orders(String query, int page, int size);

	/**
	 * LegacyDB's orders of our client not copied yet, oldest first: none for a client
	 * that is no LegacyDB customer.
	 * @throws ru.telecom.crm.shared.NotFoundException when there is no such client
	 */
	LegacyOrders legacyOrdersOf(long clientId);

	/** LegacyDB's orders of a client, and whether LegacyDB answered. */
	record LegacyOrders(List<OrderHit> items, boolean legacyAvailable) {
	}

}
