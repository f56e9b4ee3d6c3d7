package ru.telecom.crm.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriorityChangeTests {

	@Test
	void theReasonIsKeptTrimmedAndTheActivitySaysFromWhatToWhatAndWhy() {
		PriorityChange change = PriorityChange.of(Priority.HIGH, "  The whole street is offline \n");

		assertThat(change.reason()).isEqualTo("The whole street is offline");
		assertThat(change.details(Priority.NORMAL)).isEqualTo("NORMAL → HIGH: The whole street is offline");
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "   ", "\n\t" })
	void withoutAReasonNothingChanges(String reason) {
		assertThatThrownBy(() -> PriorityChange.of(Priority.HIGH, reason)).isInstanceOf(InvalidInputException.class)
			.satisfies((ex) -> assertThat(((InvalidInputException) ex).fieldErrors()).containsOnlyKeys("reason"));
	}

	@Test
	void aReasonOfAThousandCharactersOnceTrimmedIsTheLongest() {
		String longest = "x".repeat(PriorityChange.MAX_REASON_LENGTH);

		assertThat(PriorityChange.of(Priority.LOW, "  " + longest + "  ").reason()).isEqualTo(longest);
		assertThatThrownBy(() -> PriorityChange.of(Priority.LOW, longest + "y"))
			.isInstanceOf(InvalidInputException.class)
			.satisfies((ex) -> assertThat(((InvalidInputException) ex).fieldErrors()).containsEntry("reason",
					"must be at most 1000 characters"));
	}

	@Test
	void aMissingPriorityAndReasonAreBothNamed() {
		assertThatThrownBy(() -> PriorityChange.of(null, " ")).isInstanceOf(InvalidInputException.class)
			.satisfies((ex) -> assertThat(((InvalidInputException) ex).fieldErrors()).containsOnlyKeys("priority",
					"reason"));
	}

	@Test
	void thePriorityTheItemAlreadyHasIsAConflict() {
		PriorityChange change = PriorityChange.of(Priority.CRITICAL, "outage");

		change.requireChangeFrom(Priority.HIGH, "Incident 7");
		assertThatThrownBy(() -> change.requireChangeFrom(Priority.CRITICAL, "Incident 7"))
			.isInstanceOf(PriorityChange.Unchanged.class)
			.isInstanceOf(ConflictException.class)
			.hasMessage("Incident 7 is already CRITICAL");
	}

}
