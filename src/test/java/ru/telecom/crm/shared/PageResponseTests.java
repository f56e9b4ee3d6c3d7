package ru.telecom.crm.shared;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PageResponseTests {

	@ParameterizedTest
	@CsvSource({ "0, 1", "0, 200", "50000, 20", "5000, 200" })
	void aPageWithinReachIsServed(int page, int size) {
		assertThat(PageResponse.request(page, size, Sort.by("id")).getOffset()).isEqualTo((long) page * size);
	}

	@Test
	void aCappedTotalIsSaidToBeInexact() {
		PageResponse<String> capped = PageResponse
			.of(CappedPage.of(Collections.nCopies(20, "item"), PageRequest.of(0, 20), 1000, (limit) -> limit));

		assertThat(capped.total()).isEqualTo(1000);
		assertThat(capped.totalExact()).isFalse();
	}

	@Test
	void anUncappedTotalIsExact() {
		PageResponse<String> exact = PageResponse.of(new PageImpl<>(List.of("a", "b"), PageRequest.of(0, 2), 9));

		assertThat(exact.total()).isEqualTo(9);
		assertThat(exact.totalExact()).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "-1, 20", "0, 0", "0, 201", "2147483647, 20", "2147483647, 1", "50001, 20", "107374183, 20" })
	void aPageOutOfRangeIsInvalidInput(int page, int size) {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> PageResponse.request(page, size, Sort.by("id")));
	}

}
