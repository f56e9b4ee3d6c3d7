package ru.telecom.crm.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the search reads as an item's number. */
class GlobalSearchTests {

	@Test
	void aNumberIsWrittenBareOrWithASign() {
		assertThat(GlobalSearch.number("42")).isEqualTo(42L);
		assertThat(GlobalSearch.number("#42")).isEqualTo(42L);
		assertThat(GlobalSearch.number("№42")).isEqualTo(42L);
		assertThat(GlobalSearch.number("No. 42")).isEqualTo(42L);
	}

	@Test
	void textOrAPhoneIsNoNumber() {
		assertThat(GlobalSearch.number("42a")).isNull();
		assertThat(GlobalSearch.number("+7 900 111 22 33")).isNull();
		assertThat(GlobalSearch.number("router")).isNull();
		assertThat(GlobalSearch.number("1234567890123456789")).isNull();
	}

}
