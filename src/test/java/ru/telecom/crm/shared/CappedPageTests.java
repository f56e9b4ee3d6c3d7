package ru.telecom.crm.shared;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;

class CappedPageTests {

	private static final int CAP = 1000;

	/** A list of {@code size} rows, counted as the database would: at most the limit. */
	private static IntUnaryOperator listOf(int size, AtomicInteger asked) {
		return (limit) -> {
			asked.set(limit);
			return Math.min(size, limit);
		};
	}

	private static List<String> rows(int n) {
		return Collections.nCopies(n, "item");
	}

	@Test
	void aTotalUnderTheCapIsExact() {
		AtomicInteger asked = new AtomicInteger();
		CappedPage<String> page = CappedPage.of(rows(20), PageRequest.of(0, 20), CAP, listOf(357, asked));

		assertThat(page.getTotalElements()).isEqualTo(357);
		assertThat(page.isTotalExact()).isTrue();
		assertThat(page.getTotalPages()).isEqualTo(18);
		assertThat(page.hasNext()).isTrue();
		assertThat(asked).hasValue(CAP + 1);
	}

	@Test
	void aTotalOfExactlyTheCapIsExact() {
		CappedPage<String> page = CappedPage.of(rows(20), PageRequest.of(0, 20), CAP, listOf(CAP, new AtomicInteger()));

		assertThat(page.getTotalElements()).isEqualTo(CAP);
		assertThat(page.isTotalExact()).isTrue();
	}

	@Test
	void aTotalOverTheCapSaysMoreThanTheCap() {
		AtomicInteger asked = new AtomicInteger();
		CappedPage<String> page = CappedPage.of(rows(20), PageRequest.of(3, 20), CAP, listOf(1_000_000, asked));

		assertThat(page.getTotalElements()).isEqualTo(CAP);
		assertThat(page.isTotalExact()).isFalse();
		assertThat(page.hasNext()).isTrue();
		assertThat(page.isLast()).isFalse();
		assertThat(asked).hasValue(CAP + 1);
	}

	@Test
	void aFullPageBeyondTheCapCountsToItsEndAndStillHasANext() {
		AtomicInteger asked = new AtomicInteger();
		CappedPage<String> page = CappedPage.of(rows(20), PageRequest.of(60, 20), CAP, listOf(1_000_000, asked));

		assertThat(asked).hasValue(1221);
		assertThat(page.getTotalElements()).isEqualTo(1220);
		assertThat(page.isTotalExact()).isFalse();
		assertThat(page.hasNext()).isTrue();
	}

	@Test
	void aFullLastPageBeyondTheCapIsExact() {
		CappedPage<String> page = CappedPage.of(rows(20), PageRequest.of(60, 20), CAP,
				listOf(1220, new AtomicInteger()));

		assertThat(page.getTotalElements()).isEqualTo(1220);
		assertThat(page.isTotalExact()).isTrue();
		assertThat(page.hasNext()).isFalse();
	}

	@Test
	void aFirstPageThatIsNotFullIsItsOwnTotalWithoutACount() {
		CappedPage<String> page = CappedPage.of(rows(7), PageRequest.of(0, 20), CAP, (limit) -> {
			throw new AssertionError("counted");
		});

		assertThat(page.getTotalElements()).isEqualTo(7);
		assertThat(page.isTotalExact()).isTrue();
	}

	@Test
	void aLastPageThatIsNotFullTellsTheTotalWithoutACount() {
		CappedPage<String> page = CappedPage.of(rows(7), PageRequest.of(80, 20), CAP, (limit) -> {
			throw new AssertionError("counted");
		});

		assertThat(page.getTotalElements()).isEqualTo(1607);
		assertThat(page.isTotalExact()).isTrue();
		assertThat(page.hasNext()).isFalse();
	}

	@Test
	void anEmptyPageBeyondTheEndIsCounted() {
		CappedPage<String> page = CappedPage.of(List.of(), PageRequest.of(5, 20), CAP, listOf(42, new AtomicInteger()));

		assertThat(page.getTotalElements()).isEqualTo(42);
		assertThat(page.isTotalExact()).isTrue();
	}

	@Test
	void mappingKeepsTheCap() {
		Page<Integer> page = CappedPage.of(rows(20), PageRequest.of(0, 20), CAP, listOf(5000, new AtomicInteger()))
			.map(String::length);

		assertThat(page).isInstanceOf(CappedPage.class);
		assertThat(((CappedPage<Integer>) page).isTotalExact()).isFalse();
		assertThat(page.getContent()).hasSize(20).containsOnly(4);
	}

}
