package ru.telecom.crm.customer.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ru.telecom.crm.shared.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InnTests {

	@ParameterizedTest
	@ValueSource(strings = { "7707083893", "7830002293", "500100732259", "773173084809" })
	void validInnsPass(String inn) {
		assertThat(Inn.isValid(inn)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "7707083894", "500100732250", "500100732269", "123", "77070838931", "abcdefghij" })
	void wrongCheckDigitsOrLengthsFail(String inn) {
		assertThat(Inn.isValid(inn)).isFalse();
	}

	@Test
	void validateStripsSpacesAndAllowsNone() {
		assertThat(Inn.validate(" 7707 083 893 ", "inn")).isEqualTo("7707083893");
		assertThat(Inn.validate("  ", "inn")).isNull();
	}

	@Test
	void aBadInnIsAValidationErrorNamingTheField() {
		assertThatThrownBy(() -> Inn.validate("7707083894", "inn")).isInstanceOf(InvalidInputException.class)
			.satisfies((ex) -> assertThat(((InvalidInputException) ex).fieldErrors()).containsKey("inn"));
	}

}
