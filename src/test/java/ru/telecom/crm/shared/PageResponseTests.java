package ru.telecom.crm.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.data.domain.Sort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PageResponseTests {

	@ParameterizedTest
	@CsvSource({ "0, 1", "0, 200", "50000, 20", "5000, 200" })
	void aPageWithinReachIsServed(int page, int size) {
		assertThat(PageResponse.request(page, size, Sort.by("id")).getOffset()).isEqualTo((long) page * size);
	}

	@ParameterizedTest
	@CsvSource({ "-1, 20", "0, 0", "0, 201", "2147483647, 20", "2147483647, 1", "50001, 20", "107374183, 20" })
	void aPageOutOfRangeIsInvalidInput(int page, int size) {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> PageResponse.request(page, size, Sort.by("id")));
	}

}
