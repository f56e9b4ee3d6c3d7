package ru.telecom.crm.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import io.swagger.v3.oas.annotations.media.Schema;

import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.shared.PriorityChange;

/**
 * A change of a request's or incident's priority: the new one and why. The reason's
 * length is checked once trimmed, by the change itself ({@link PriorityChange}).
 */
record PriorityBody(@NotNull Priority priority,
		@NotBlank @Schema(description = "Why the priority changes; trimmed, kept in the item's activity",
				maxLength = PriorityChange.MAX_REASON_LENGTH) String reason) {
}
