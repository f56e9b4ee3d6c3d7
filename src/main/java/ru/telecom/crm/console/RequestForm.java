package ru.telecom.crm.console;

import java.util.LinkedHashMap;
import java.util.Map;

import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.customer.OrderOfAnotherClientException;
import ru.telecom.crm.servicerequest.OpenRequest;
import ru.telecom.crm.shared.DomainException;
import ru.telecom.crm.shared.InvalidInputException;
import ru.telecom.crm.shared.Priority;

/**
 * The console's request form as typed: one of the client's orders picked from a list, or
 * {@value #NEW_ORDER} with the new order's code typed; kept as it was when refused.
 */
class RequestForm {

	/** The order choice that means "a new order: its code is typed". */
	static final String NEW_ORDER = "NEW";

	private String order;

	private String newOrderCode;

	private String orderName;

	private String description;

	private Priority priority = Priority.NORMAL;

	/** The request it asks for; a missing choice is refused on its field. */
	OpenRequest toRequest(long clientId) {
		String code = NEW_ORDER.equals(this.order) ? Text.clip(this.newOrderCode, 64) : Text.clip(this.order, 64);
		if (code == null) {
			throw NEW_ORDER.equals(this.order) ? new InvalidInputException("newOrderCode", "type the new order's code")
					: new InvalidInputException("order", "choose the order the client calls about");
		}
		IntakeParty party = new IntakeParty(clientId, null, null, null, null, null, code,
				NEW_ORDER.equals(this.order) ? Text.clip(this.orderName, 300) : null);
		return new OpenRequest(party, Text.clip(this.description, 4000),
				(this.priority != null) ? this.priority : Priority.NORMAL);
	}

	/**
	 * The refusal's messages by the form's own fields: the order named by code is the
	 * field it was picked or typed in.
	 */
	Map<String, String> errorsOf(DomainException refusal) {
		String orderField = NEW_ORDER.equals(this.order) ? "newOrderCode" : "order";
		Map<String, String> errors = new LinkedHashMap<>();
		refusal.fieldErrors()
			.forEach((field, error) -> errors.put("orderCode".equals(field) ? orderField : field, error));
		if (refusal instanceof OrderOfAnotherClientException) {
			errors.put(orderField, refusal.getMessage());
		}
		return errors;
	}

	public String getOrder() {
		return this.order;
	}

	public void setOrder(String order) {
		this.order = order;
	}

	public String getNewOrderCode() {
		return this.newOrderCode;
	}

	public void setNewOrderCode(String newOrderCode) {
		this.newOrderCode = newOrderCode;
	}

	public String getOrderName() {
		return this.orderName;
	}

	public void setOrderName(String orderName) {
		this.orderName = orderName;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public Priority getPriority() {
		return this.priority;
	}

	public void setPriority(Priority priority) {
		this.priority = priority;
	}

}
