package ru.telecom.crm.console;

import org.junit.jupiter.api.Test;

import ru.telecom.crm.shared.ConflictException;
import ru.telecom.crm.shared.InvalidInputException;
import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.shared.PriorityChange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PriorityFormTests {

	@Test
	void theFormStartsAtTheItemsPriorityAndReadsOnlyOurs() {
		PriorityForm form = PriorityForm.of(Priority.HIGH);
		assertThat(form.chosen()).isEqualTo(Priority.HIGH);

		form.setPriority("URGENT");
		assertThat(form.chosen()).isNull();
		form.setPriority("critical");
		assertThat(form.chosen()).as("the values the form offers, as it offers them").isNull();
	}

	@Test
	void eachRefusalIsShownOnItsFieldInThePagesLanguage() {
		PriorityForm blank = form("HIGH", "  ");
		PriorityForm tooLong = form("HIGH", "x".repeat(1001));
		PriorityForm none = form("URGENT", null);

		assertThat(blank.errorsOf(refusal(blank)))
			.containsOnly(org.assertj.core.api.Assertions.entry("reason", "priorityChange.reasonRequired"));
		assertThat(tooLong.errorsOf(refusal(tooLong)))
			.containsOnly(org.assertj.core.api.Assertions.entry("reason", "priorityChange.reasonTooLong"));
		assertThat(none.errorsOf(refusal(none))).containsOnlyKeys("priority", "reason")
			.containsEntry("priority", "priorityChange.choose");
	}

	@Test
	void thePriorityTheItemHasIsRefusedOnThePriorityAndAnyOtherConflictAboveTheFields() {
		PriorityForm form = form("HIGH", "outage");
		ConflictException unchanged = catchThrowableOfType(ConflictException.class,
				() -> PriorityChange.of(Priority.HIGH, "outage").requireChangeFrom(Priority.HIGH, "Incident 7"));

		assertThat(form.errorsOf(unchanged)).containsEntry("priority", "priorityChange.unchanged");
		assertThat(form.errorsOf(new ConflictException("Incident 7 is CLOSED and cannot change its priority")))
			.isEmpty();
	}

	private static PriorityForm form(String priority, String reason) {
		PriorityForm form = new PriorityForm();
		form.setPriority(priority);
		form.setReason(reason);
		return form;
	}

	private static InvalidInputException refusal(PriorityForm form) {
		return catchThrowableOfType(InvalidInputException.class,
				() -> PriorityChange.of(form.chosen(), form.getReason()));
	}

}
