package ru.telecom.crm.servicerequest;

import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.shared.Priority;

/** What an agent on the phone types to open a request. */
public record OpenRequest(IntakeParty party, String description, Priority priority) {
}
