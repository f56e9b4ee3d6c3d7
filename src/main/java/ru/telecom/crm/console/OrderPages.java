package ru.telecom.crm.console;

import java.math.BigDecimal;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.telecom.crm.access.Caller;
import ru.telecom.crm.customer.CustomerApi;
import ru.telecom.crm.customer.CustomerSearch;
import ru.telecom.crm.customer.HitPage;
import ru.telecom.crm.customer.OrderHit;
import ru.telecom.crm.shared.KeyRaceRetry;
import ru.telecom.crm.customer.NewOrder;
import ru.telecom.crm.shared.DomainException;
import ru.telecom.crm.shared.InvalidInputException;
import ru.telecom.crm.shared.NotFoundException;
import ru.telecom.crm.shared.PageResponse;

/** Orders: search by code or name, create one for a client. */
@Controller
class OrderPages {

	private final CustomerApi customers;

	private final CustomerSearch search;

	private final KeyRaceRetry keyRaceRetry;

	OrderPages(CustomerApi customers, CustomerSearch search, KeyRaceRetry keyRaceRetry) {
		this.customers = customers;
		this.search = search;
		this.keyRaceRetry = keyRaceRetry;
	}

	@GetMapping("/orders")
	String list(Caller caller, @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			Model model) {
		caller.requireReadsClients();
		model.addAttribute("q", q);
		HitPage<OrderHit> hits = this.search.orders(Text.clip(q, 200), page, 20);
		model.addAttribute("orders", Hits.asPage(hits));
		model.addAttribute("legacyDown", !hits.legacyAvailable());
		return "console/orders";
	}

	/**
	 * Opening a LegacyDB order copies it with its customer (DESIGN §5) and goes on to the
	 * client's page.
	 */
	@PostMapping("/orders/legacy/{code}")
	String importLegacy(Caller caller, @PathVariable String code, RedirectAttributes redirect) {
		caller.requireEditsClients();
		return Outcome
			.of(redirect, "imported",
					() -> this.keyRaceRetry
						.inNewTransaction(() -> this.customers.importLegacyOrder(Text.clip(code, 64))))
			.map((order) -> "redirect:/clients/" + order.clientId())
			.orElse("redirect:/orders");
	}

	@GetMapping("/orders/new")
	String createForm(Caller caller, @RequestParam long clientId, Model model) {
		caller.requireEditsClients();
		model.addAttribute("client",
				this.customers.findClient(clientId).orElseThrow(() -> new NotFoundException("Client", clientId)));
		return "console/order-form";
	}

	@PostMapping("/orders")
	String create(Caller caller, @RequestParam long clientId, @RequestParam String code,
			@RequestParam(required = false) String name, @RequestParam(required = false) String price, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		caller.requireEditsClients();
		var client = this.customers.findClient(clientId).orElseThrow(() -> new NotFoundException("Client", clientId));
		try {
			this.customers.createOrder(new NewOrder(clientId, Text.clip(code, 64), Text.clip(name, 300), price(price)));
			redirect.addFlashAttribute("notice", "saved");
			return "redirect:/clients/" + clientId;
		}
		catch (DomainException ex) {
			response.setStatus(ex.kind().status());
			model.addAttribute("client", client);
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("code", code);
			model.addAttribute("name", name);
			model.addAttribute("price", price);
			return "console/order-form";
		}
	}

	private static BigDecimal price(String price) {
		String text = Text.clip(price, 20);
		if (text == null) {
			return null;
		}
		try {
			return new BigDecimal(text.replace(',', '.').replace(" ", ""));
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("price", "'" + text + "' is not an amount");
		}
	}

}
