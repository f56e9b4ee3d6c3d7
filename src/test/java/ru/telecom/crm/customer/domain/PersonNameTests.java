package ru.telecom.crm.customer.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonNameTests {

	@Test
	void aLegacyFullNameIsLastFirstMiddle() {
		assertThat(PersonName.split("Smirnov Alexey Petrovich"))
			.isEqualTo(new PersonName("Smirnov", "Alexey", "Petrovich"));
	}

	@Test
	void extraWordsStayWithTheMiddleName() {
		assertThat(PersonName.split("  Мамедов   Али Гасан оглы "))
			.isEqualTo(new PersonName("Мамедов", "Али", "Гасан оглы"));
	}

	@Test
	void missingPartsStayEmpty() {
		assertThat(PersonName.split("Popov")).isEqualTo(new PersonName("Popov", null, null));
		assertThat(PersonName.split("Popov Dmitry")).isEqualTo(new PersonName("Popov", "Dmitry", null));
		assertThat(PersonName.split(" ")).isEqualTo(new PersonName(null, null, null));
	}

}
