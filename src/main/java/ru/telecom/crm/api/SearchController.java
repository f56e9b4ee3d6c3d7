package ru.telecom.crm.api;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.telecom.crm.access.AccessPolicy;
import ru.telecom.crm.search.GlobalSearch;
import ru.telecom.crm.search.SearchResults;

/** The search across everything. */
@RestController
class SearchController {

	private final AccessPolicy access;

	private final GlobalSearch search;

	SearchController(AccessPolicy access, GlobalSearch search) {
		this.access = access;
		this.search = search;
	}

	@GetMapping("/api/search")
	@Operation(summary = "Search across everything",
			description = "One query (2 to 200 characters, or a number) finds: requests and incidents by number (42, #42, №42), "
					+ "by their client (name or phone written any way), requests by order code, and by text of the "
					+ "description (requests), narrative (incidents) or any of their notes (3 characters or more); "
					+ "clients (name, phone, organisation, email) and orders (code, name), ours first, then "
					+ "LegacyDB's not copied yet (source LEGACY: see GET /api/clients). At most 20 of each kind, "
					+ "requests and incidents newest first, only those the caller may read (DESIGN §3): an item "
					+ "the caller may not see is never a hit. Not paged: refine the query. Staff only (403 "
					+ "otherwise); while LegacyDB is down, clients and orders are ours only and legacyAvailable "
					+ "is false.")
	SearchResults search(Authentication caller, @RequestParam(required = false) String q) {
		return this.search.find(this.access.caller(caller.getName()), q);
	}

}
