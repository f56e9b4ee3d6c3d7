package ru.telecom.crm.api;

import java.util.List;

import org.springframework.data.domain.Page;

/** One page of a list: the items, where it is, and how many there are in all. */
record PageResponse<T>(List<T> items, int page, int size, long total) {

	static <T> PageResponse<T> of(Page<T> page) {
		return new PageResponse<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements());
	}

}
