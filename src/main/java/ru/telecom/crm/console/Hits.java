package ru.telecom.crm.console;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;

import ru.telecom.crm.customer.HitPage;

/** A page of hits as the console's pager reads pages. */
final class Hits {

	private Hits() {
	}

	static <T> Page<T> asPage(HitPage<T> hits) {
		return new PageImpl<>(hits.items(), PageRequest.of(hits.page(), hits.size()), hits.total());
	}

}
