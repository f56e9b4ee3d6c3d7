package ru.telecom.crm.servicerequest.process;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import ru.telecom.crm.customer.CustomerApi;
import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.customer.IntakeResolution;
import ru.telecom.crm.servicerequest.domain.RequestTransitions;
import ru.telecom.crm.shared.CurrentActor;
import ru.telecom.crm.shared.DomainException;
import ru.telecom.crm.shared.KeyRaceRetry;
import ru.telecom.crm.shared.StepSettings;

import static ru.telecom.crm.servicerequest.ServiceRequestProcess.CALLER_IDENTIFIED;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.ORDER_CODES_TO_CHECK;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.STRICT;

/**
 * Looks up the client and order of a request whose caller was not identified at start.
 * After a channel message (not strict) a phone or order code that resolves to nothing
 * leaves the caller unidentified for an agent to sort out, and a LegacyDB outage fails
 * the job so the engine retries it; after an agent identified the caller (strict) bad
 * input is refused with its message. Order codes a free text named while LegacyDB was
 * down are checked here first, so that the message gets the order it would have had.
 */
@Component
class IdentifyCallerDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(IdentifyCallerDelegate.class);

	private final CustomerApi customers;

	private final RequestTransitions requests;

	private final CurrentActor actor;

	private final KeyRaceRetry keyRaceRetry;

	IdentifyCallerDelegate(CustomerApi customers, RequestTransitions requests, CurrentActor actor,
			KeyRaceRetry keyRaceRetry) {
		this.customers = customers;
		this.requests = requests;
		this.actor = actor;
		this.keyRaceRetry = keyRaceRetry;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long requestId = this.requests.idOfProcess(execution.getProcessInstanceId());
		boolean strict = StepSettings.of(execution, STRICT).map(Boolean::parseBoolean).orElse(false);
		IntakeParty party = IntakeVariables.partyOf(execution);
		String toCheck = IntakeVariables.text(execution, ORDER_CODES_TO_CHECK);
		if (party.orderCode() == null && toCheck != null) {
			// LegacyDB still down: this fails the job, retried until it answers
			String code = this.customers.existingOrderCode(List.of(toCheck.split(","))).orElse(null);
			party = new IntakeParty(party.clientId(), party.clientPhone(), party.clientLastName(),
					party.clientFirstName(), party.clientMiddleName(), party.clientEmail(), code, party.orderName());
		}
		IntakeParty lookedUp = party;
		IntakeResolution found;
		try {
			// a transaction of its own: a lookup that fails must not doom the job's
			found = this.keyRaceRetry.inNewTransaction(() -> this.customers.resolve(lookedUp));
		}
		catch (DomainException ex) {
			if (strict || ex.kind() == DomainException.Kind.UNAVAILABLE) {
				throw ex;
			}
			log.info("Request {}: caller not identified from the message ({}); left to an agent", requestId,
					ex.getMessage());
			execution.setVariable(CALLER_IDENTIFIED, false);
			return;
		}
		this.requests.bind(requestId, found.clientId(), found.orderId(), this.actor.id());
		Summaries.bind(execution, this.customers, found);
		execution.setVariable(CALLER_IDENTIFIED, true);
	}

}
