package ru.telecom.crm.console;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import ru.telecom.crm.access.Caller;
import ru.telecom.crm.search.GlobalSearch;
import ru.telecom.crm.shared.InvalidInputException;

/** The header's search box: requests, incidents, clients and orders on one page. */
@Controller
class SearchPages {

	private final GlobalSearch search;

	SearchPages(GlobalSearch search) {
		this.search = search;
	}

	@GetMapping("/search")
	String search(Caller caller, @RequestParam(required = false) String q, Model model, HttpServletResponse response) {
		caller.requireSearches();
		String query = Text.clip(q, 200);
		model.addAttribute("q", query);
		model.addAttribute("globalQ", query);
		if (query == null) {
			return "console/search";
		}
		try {
			model.addAttribute("results", this.search.find(caller, query));
		}
		catch (InvalidInputException ex) {
			response.setStatus(ex.kind().status());
			model.addAttribute("tooShort", true);
		}
		return "console/search";
	}

}
