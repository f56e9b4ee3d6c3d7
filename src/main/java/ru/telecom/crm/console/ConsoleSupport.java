package ru.telecom.crm.console;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import ru.telecom.crm.access.Caller;
import ru.telecom.crm.shared.ApiLimits;
import ru.telecom.crm.shared.DomainException;

/**
 * What every console page has: the signed-in user (as the access rules see them), and
 * failures shown as a page a person can read, with the status the API would give.
 */
@ControllerAdvice(basePackageClasses = ConsoleSupport.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleSupport {

	private static final Logger log = LoggerFactory.getLogger(ConsoleSupport.class);

	private final ApiLimits limits;

	ConsoleSupport(ApiLimits limits) {
		this.limits = limits;
	}

	/** The attachment limit in MB, for the upload forms' labels. */
	@ModelAttribute("maxAttachmentMb")
	long maxAttachmentMb() {
		return this.limits.maxAttachment().toMegabytes();
	}

	@ModelAttribute("me")
	Me me(Caller caller) {
		if (caller == null) {
			return null;
		}
		String name = (caller.user().firstName() != null)
				? caller.user().firstName() + ((caller.user().lastName() != null) ? " " + caller.user().lastName() : "")
				: caller.id();
		return new Me(caller.id(), name, caller.editsClients(), caller.readsClients(), caller.isHelpdesk(),
				caller.overseesWork());
	}

	@ExceptionHandler(DomainException.class)
	String failed(DomainException ex, HttpServletResponse response, Model model) {
		response.setStatus(ex.kind().status());
		model.addAttribute("status", ex.kind().status());
		model.addAttribute("message", ex.getMessage());
		return "console/problem";
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	String badParameter(MethodArgumentTypeMismatchException ex, HttpServletResponse response, Model model) {
		response.setStatus(400);
		model.addAttribute("status", 400);
		model.addAttribute("message", "'" + ex.getValue() + "' is not a valid " + ex.getName());
		return "console/problem";
	}

	/** A file over the attachment limit, found as the upload is read. */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(MaxUploadSizeExceededException ex, HttpServletResponse response, Model model) {
		response.setStatus(413);
		model.addAttribute("status", 413);
		model.addAttribute("message", "The file is over the limit of " + this.limits.maxAttachment().toMegabytes()
				+ " MB; nothing was attached.");
		return "console/problem";
	}

	@ExceptionHandler(Exception.class)
	String unexpected(Exception ex, HttpServletResponse response, Model model) {
		log.error("Console request failed", ex);
		response.setStatus(500);
		model.addAttribute("status", 500);
		model.addAttribute("message", "Something went wrong on our side; nothing you did caused it.");
		return "console/problem";
	}

	/**
	 * The signed-in user: may they edit clients and orders, read them, open requests, see
	 * the managers' overview.
	 */
	record Me(String id, String name, boolean editsClients, boolean readsClients, boolean opensRequests,
			boolean overseesWork) {
	}

}
