package ru.telecom.crm.customer.domain;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;

import ru.telecom.crm.customer.HitPage;
import ru.telecom.crm.customer.domain.CustomerSearchService.Legacy;

import static org.assertj.core.api.Assertions.assertThat;

/** Ours first, then LegacyDB's, paged as one list. */
class HitMergingTests {

	private static final List<String> OURS = List.of("o1", "o2", "o3");

	private static final List<String> LEGACY = List.of("l1", "l2", "l3", "l4");

	@Test
	void pagesRunThroughOursAndThenLegacyDbs() {
		assertThat(page(0).items()).containsExactly("o1", "o2");
		assertThat(page(1).items()).containsExactly("o3", "l1");
		assertThat(page(2).items()).containsExactly("l2", "l3");
		assertThat(page(3).items()).containsExactly("l4");
		assertThat(page(4).items()).isEmpty();
		assertThat(page(0).total()).isEqualTo(7);
		assertThat(page(0).totalExact()).isTrue();
		assertThat(page(3).hasNext()).isFalse();
	}

	@Test
	void withoutLegacyDbThePageSaysSoAndIsNotExact() {
		HitPage<String> hits = CustomerSearchService.merged(ours(0), new Legacy<>(List.of(), false, false), 0, 2);

		assertThat(hits.items()).containsExactly("o1", "o2");
		assertThat(hits.legacyAvailable()).isFalse();
		assertThat(hits.totalExact()).isFalse();
		assertThat(hits.answered()).isSameAs(hits);
	}

	private static HitPage<String> page(int page) {
		return CustomerSearchService.merged(ours(page), new Legacy<>(LEGACY, true, true), page, 2);
	}

	/** What the repository answers for that page of ours. */
	private static PageImpl<String> ours(int page) {
		int from = Math.min(OURS.size(), page * 2);
		int to = Math.min(OURS.size(), from + 2);
		return new PageImpl<>(OURS.subList(from, to), PageRequest.of(page, 2), OURS.size());
	}

}
