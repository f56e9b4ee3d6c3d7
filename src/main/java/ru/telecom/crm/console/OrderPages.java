package ru.telecom.crm.console;

import java.math.BigDecimal;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.telecom.crm.access.Caller;
import ru.telecom.crm.customer.CustomerApi;
import ru.telecom.crm.customer.NewOrder;
import ru.telecom.crm.shared.DomainException;
import ru.telecom.crm.shared.InvalidInputException;
import ru.telecom.crm.shared.NotFoundException;
import ru.telecom.crm.shared.PageResponse;

/** Orders: search by code or name, create one for a client. */
@Controller
class OrderPages {

	private final CustomerApi customers;

	OrderPages(CustomerApi customers) {
		this.customers = customers;
	}

	@GetMapping("/orders")
	String list(Caller caller, @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			Model model) {
		caller.requireReadsClients();
		model.addAttribute("q", q);
		model.addAttribute("orders", this.customers.searchOrders(Text.clip(q, 200),
				PageResponse.request(page, 20, Sort.by(Sort.Order.desc("createdOn"), Sort.Order.desc("id")))));
		return "console/orders";
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
