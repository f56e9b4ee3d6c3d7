package ru.telecom.crm.console;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;

import ru.telecom.crm.shared.DomainException;
import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.shared.PriorityChange;

/**
 * The "Change priority" form of the request and incident pages as typed: the priority as
 * text, so that a value that is none is refused on its field like a missing one (the
 * change itself checks both); kept as it was when refused.
 */
class PriorityForm {

	private String priority;

	private String reason;

	/** The form as the page first shows it: the item's own priority chosen. */
	static PriorityForm of(Priority current) {
		PriorityForm form = new PriorityForm();
		form.priority = (current != null) ? current.name() : null;
		return form;
	}

	/** The priority chosen, or {@code null} when none of ours. */
	Priority chosen() {
		return Arrays.stream(Priority.values())
			.filter((value) -> value.name().equals(this.priority))
			.findFirst()
			.orElse(null);
	}

	/**
	 * The refusal by the form's own fields, each as the key of its message in the page's
	 * language; empty when the refusal concerns no field (a closed item, a change made
	 * meanwhile), whose message the form shows above its fields.
	 */
	Map<String, String> errorsOf(DomainException refusal) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (refusal instanceof PriorityChange.Unchanged) {
			errors.put("priority", "priorityChange.unchanged");
		}
		if (refusal.fieldErrors().containsKey("priority")) {
			errors.put("priority", "priorityChange.choose");
		}
		if (refusal.fieldErrors().containsKey("reason")) {
			errors.put("reason", (this.reason == null || this.reason.isBlank()) ? "priorityChange.reasonRequired"
					: "priorityChange.reasonTooLong");
		}
		return errors;
	}

	/**
	 * The refused form for the page that shows it again: the refusal's status, the
	 * messages on their fields, or above them when they concern none.
	 */
	void refused(DomainException refusal, Model model, HttpServletResponse response) {
		response.setStatus(refusal.kind().status());
		Map<String, String> errors = errorsOf(refusal);
		model.addAttribute("priorityErrors", errors);
		if (errors.isEmpty()) {
			model.addAttribute("priorityError", refusal.getMessage());
		}
	}

	public String getPriority() {
		return this.priority;
	}

	public void setPriority(String priority) {
		this.priority = priority;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
