package ru.telecom.crm.servicerequest;

import ru.telecom.crm.shared.Priority;

/**
 * A request about to be opened.
 *
 * @param assignee the agent who took the call; empty for an unattended channel, whose
 * request waits in the helpdesk queue
 * @param clientId empty while an unattended channel's caller is not identified
 * @param rawMessage what an unattended channel sent, as it came
 */
public record NewServiceRequest(Channel channel, Priority priority, String description, String assignee, Long clientId,
		Long orderId, String rawMessage) {
}
