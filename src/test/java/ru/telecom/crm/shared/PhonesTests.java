package ru.telecom.crm.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhonesTests {

	private final Phones phones = new Phones(new Phones.Settings("RU"));

	@ParameterizedTest
	@ValueSource(strings = { "8 (900) 111-22-33", "+7 900 111-22-33", "+79001112233", "89001112233", "9001112233",
			"7-900-111-22-33", " +7 (900) 111 22 33 " })
	void everyCommonWayOfWritingANumberGivesTheSameE164(String typed) {
		assertThat(this.phones.normalize(typed, "clientPhone")).isEqualTo("+79001112233");
	}

	@Test
	void aForeignNumberKeepsItsCountry() {
		assertThat(this.phones.normalize("+44 20 7946 0958", "clientPhone")).isEqualTo("+442079460958");
	}

	@ParameterizedTest
	@ValueSource(strings = { "123", "not a phone", "+7 900 111", "8 (000) 000-00-00" })
	void anInvalidNumberIsAValidationErrorNamingTheField(String typed) {
		assertThatThrownBy(() -> this.phones.normalize(typed, "clientPhone")).isInstanceOf(InvalidInputException.class)
			.satisfies((ex) -> assertThat(((InvalidInputException) ex).fieldErrors()).containsKey("clientPhone"));
	}

	@Test
	void aMissingNumberIsAValidationError() {
		assertThatThrownBy(() -> this.phones.normalize("  ", "clientPhone")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("required");
	}

	@Test
	void aHugeInputIsRefusedBeforeParsing() {
		assertThatThrownBy(() -> this.phones.normalize("9".repeat(10_000), "clientPhone"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("at most 32");
	}

	@Test
	void digitFormsCoverCountryCodeTrunkPrefixAndNationalNumber() {
		assertThat(this.phones.digitForms("+79001112233")).containsExactly("79001112233", "89001112233", "9001112233");
	}

	@Test
	void normalizeOrNullToleratesLegacyGarbage() {
		assertThat(this.phones.normalizeOrNull("call the office")).isNull();
		assertThat(this.phones.normalizeOrNull("8 (900) 444-55-66")).isEqualTo("+79004445566");
	}

}
