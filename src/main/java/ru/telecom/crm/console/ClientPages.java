package ru.telecom.crm.console;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.telecom.crm.access.AccessPolicy;
import ru.telecom.crm.access.Caller;
import ru.telecom.crm.api.Paging;
import ru.telecom.crm.customer.ClientDetails;
import ru.telecom.crm.customer.ClientHit;
import ru.telecom.crm.customer.CustomerSearch;
import ru.telecom.crm.customer.HitPage;
import ru.telecom.crm.shared.KeyRaceRetry;
import ru.telecom.crm.shared.Phones;
import ru.telecom.crm.customer.ClientView;
import ru.telecom.crm.customer.CustomerApi;
import ru.telecom.crm.incident.IncidentApi;
import ru.telecom.crm.incident.IncidentSearch;
import ru.telecom.crm.servicerequest.RequestActions;
import ru.telecom.crm.servicerequest.RequestSearch;
import ru.telecom.crm.servicerequest.ServiceRequestApi;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.shared.DomainException;
import ru.telecom.crm.shared.Failures;
import ru.telecom.crm.shared.ForbiddenException;
import ru.telecom.crm.shared.NotFoundException;
import ru.telecom.crm.shared.PageResponse;
import ru.telecom.crm.shared.Priority;

/**
 * Clients: search by name or by a phone written any way, create, edit; a client's page
 * with orders, requests and incidents, and opening a request for the client.
 */
@Controller
class ClientPages {

	private final CustomerApi customers;

	private final AccessPolicy access;

	private final ServiceRequestApi requests;

	private final IncidentApi incidents;

	private final RequestActions actions;

	private final CustomerSearch search;

	private final Phones phones;

	private final KeyRaceRetry keyRaceRetry;

	ClientPages(CustomerApi customers, AccessPolicy access, ServiceRequestApi requests, IncidentApi incidents,
			RequestActions actions, CustomerSearch search, Phones phones, KeyRaceRetry keyRaceRetry) {
		this.search = search;
		this.phones = phones;
		this.keyRaceRetry = keyRaceRetry;
		this.customers = customers;
		this.access = access;
		this.requests = requests;
		this.incidents = incidents;
		this.actions = actions;
	}

	@GetMapping("/clients")
	String list(Caller caller, @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			Model model) {
		caller.requireReadsClients();
		model.addAttribute("q", q);
		HitPage<ClientHit> hits = this.search.clients(Text.clip(q, 200), page, 20);
		model.addAttribute("clients", Hits.asPage(hits));
		model.addAttribute("legacyDown", !hits.legacyAvailable());
		// a phone that we or LegacyDB know (or may know: LegacyDB is down) is no new
		// client
		model.addAttribute("offerNew", caller.editsClients() && !(this.phones.normalizeOrNull(Text.clip(q, 200)) != null
				&& (!hits.isEmpty() || !hits.legacyAvailable())));
		return "console/clients";
	}

	/** Opening a LegacyDB hit copies the client (DESIGN §5) and goes on to our page. */
	@PostMapping("/clients/legacy/{legacyId}")
	String importLegacy(Caller caller, @PathVariable long legacyId, RedirectAttributes redirect) {
		caller.requireEditsClients();
		return Outcome
			.of(redirect, "imported",
					() -> this.keyRaceRetry.inNewTransaction(() -> this.customers.importLegacyClient(legacyId)))
			.map((client) -> "redirect:/clients/" + client.id())
			.orElse("redirect:/clients");
	}

	@GetMapping("/clients/new")
	String createForm(Caller caller, Model model) {
		caller.requireEditsClients();
		model.addAttribute("client", ClientForm.empty());
		return "console/client-form";
	}

	@PostMapping("/clients")
	String create(Caller caller, @ModelAttribute("client") ClientForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		caller.requireEditsClients();
		try {
			ClientView created = this.customers.createClient(form.details());
			redirect.addFlashAttribute("notice", "saved");
			return "redirect:/clients/" + created.id();
		}
		catch (DomainException ex) {
			return formWithErrors(ex, model, response);
		}
	}

	@GetMapping("/clients/{id}")
	String read(Caller caller, @PathVariable long id, Model model) {
		caller.requireReadsClients();
		model.addAttribute("client", client(id));
		model.addAttribute("orders", this.customers.ordersOf(id,
				PageResponse.request(0, 50, Sort.by(Sort.Order.desc("createdOn"), Sort.Order.desc("id")))));
		model.addAttribute("legacyOrders", this.search.legacyOrdersOf(id));
		model.addAttribute("requests",
				this.requests.search(
						new RequestSearch(this.access.requestScope(caller), null, id, null, null, null, null, null),
						Paging.page(0, 50)));
		model.addAttribute("incidents", this.incidents
			.search(new IncidentSearch(this.access.incidentScope(caller), null, id, null), Paging.page(0, 50)));
		model.addAttribute("priorities", Priority.values());
		if (!model.containsAttribute("requestForm")) {
			model.addAttribute("requestForm", new RequestForm());
		}
		return "console/client";
	}

	@GetMapping("/clients/{id}/edit")
	String editForm(Caller caller, @PathVariable long id, Model model) {
		caller.requireEditsClients();
		model.addAttribute("client", ClientForm.of(client(id)));
		return "console/client-form";
	}

	@PostMapping("/clients/{id}")
	String update(Caller caller, @PathVariable long id, @ModelAttribute("client") ClientForm form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		caller.requireEditsClients();
		client(id);
		try {
			this.customers.updateClient(id, form.details(), form.getVersion());
			redirect.addFlashAttribute("notice", "saved");
			return "redirect:/clients/" + id;
		}
		catch (DomainException ex) {
			form.setId(id);
			return formWithErrors(ex, model, response);
		}
	}

	/**
	 * The agent on the phone opens a request for this client and one of its orders (or a
	 * new order's code). Refused, the page comes back with everything as typed and the
	 * message beside the field it concerns.
	 */
	@PostMapping("/clients/{id}/requests")
	String openRequest(Caller caller, @PathVariable long id, @ModelAttribute("requestForm") RequestForm form,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		if (!caller.isHelpdesk()) {
			throw new ForbiddenException("Only the helpdesk opens service requests");
		}
		client(id);
		try {
			ServiceRequestView opened = this.actions.open(form.toRequest(id));
			redirect.addFlashAttribute("notice", "opened");
			return "redirect:/requests/" + opened.id();
		}
		catch (RuntimeException ex) {
			DomainException refusal = Failures.meaningOf(ex).orElseThrow(() -> ex);
			response.setStatus(refusal.kind().status());
			model.addAttribute("requestError", refusal.getMessage());
			model.addAttribute("requestErrors", form.errorsOf(refusal));
			return read(caller, id, model);
		}
	}

	/** The form again, as typed, with what is wrong: nothing was saved. */
	private String formWithErrors(DomainException ex, Model model, HttpServletResponse response) {
		response.setStatus(ex.kind().status());
		model.addAttribute("error", ex.getMessage());
		model.addAttribute("fieldErrors", ex.fieldErrors());
		return "console/client-form";
	}

	private ClientView client(long id) {
		return this.customers.findClient(id).orElseThrow(() -> new NotFoundException("Client", id));
	}

	/** The client form as typed; the customer module validates it. */
	static class ClientForm {

		private Long id;

		private String lastName;

		private String firstName;

		private String middleName;

		private String phone;

		private String email;

		private String inn;

		private String orgName;

		private Integer version;

		static ClientForm empty() {
			return new ClientForm();
		}

		static ClientForm of(ClientView client) {
			ClientForm form = new ClientForm();
			form.id = client.id();
			form.lastName = client.lastName();
			form.firstName = client.firstName();
			form.middleName = client.middleName();
			form.phone = client.phone();
			form.email = client.email();
			form.inn = client.inn();
			form.orgName = client.orgName();
			form.version = client.version();
			return form;
		}

		ClientDetails details() {
			return new ClientDetails(Text.clip(this.lastName, 100), Text.clip(this.firstName, 100),
					Text.clip(this.middleName, 100), Text.clip(this.phone, 32), Text.clip(this.email, 254),
					Text.clip(this.inn, 20), Text.clip(this.orgName, 300));
		}

		public Long getId() {
			return this.id;
		}

		public void setId(Long id) {
			this.id = id;
		}

		public String getLastName() {
			return this.lastName;
		}

		public void setLastName(String lastName) {
			this.lastName = lastName;
		}

		public String getFirstName() {
			return this.firstName;
		}

		public void setFirstName(String firstName) {
			this.firstName = firstName;
		}

		public String getMiddleName() {
			return this.middleName;
		}

		public void setMiddleName(String middleName) {
			this.middleName = middleName;
		}

		public String getPhone() {
			return this.phone;
		}

		public void setPhone(String phone) {
			this.phone = phone;
		}

		public String getEmail() {
			return this.email;
		}

		public void setEmail(String email) {
			this.email = email;
		}

		public String getInn() {
			return this.inn;
		}

		public void setInn(String inn) {
			this.inn = inn;
		}

		public String getOrgName() {
			return this.orgName;
		}

		public void setOrgName(String orgName) {
			this.orgName = orgName;
		}

		public Integer getVersion() {
			return this.version;
		}

		public void setVersion(Integer version) {
			this.version = version;
		}

	}

}
