package ru.telecom.crm.shared;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;

/**
 * A page of a list whose total is counted only up to a cap: counting all of a caller's
 * history would cost more than the page itself. Past the cap, {@link #getTotalElements()}
 * is a lower bound (there are more) and {@link #isTotalExact()} says so; a page that is
 * not full tells its total without a count at all.
 */
public class CappedPage<T> extends PageImpl<T> {

	private final boolean totalExact;

	CappedPage(List<T> content, Pageable pageable, long total, boolean totalExact) {
		super(content, pageable, total);
		this.totalExact = totalExact;
	}

	/**
	 * The page of {@code content} with its total: none counted when the page shows it (as
	 * Spring Data's {@code PageableExecutionUtils} does), else counted by {@code count},
	 * which finds the rows of the list up to the limit it is given and answers how many
	 * it found. The limit is one more than the cap (or than the end of this page, for a
	 * page beyond it), so that "more" is told from "exactly that many".
	 */
	public static <T> CappedPage<T> of(List<T> content, Pageable pageable, int cap, IntUnaryOperator count) {
		long offset = pageable.getOffset();
		int size = pageable.getPageSize();
		if (content.size() < size && (offset == 0 || !content.isEmpty())) {
			return new CappedPage<>(content, pageable, offset + content.size(), true);
		}
		long bound = Math.max(cap, offset + size);
		int limit = (int) Math.min(Integer.MAX_VALUE - 1, bound) + 1;
		int found = count.applyAsInt(limit);
		return (found < limit) ? new CappedPage<>(content, pageable, found, true)
				: new CappedPage<>(content, pageable, limit - 1, false);
	}

	/**
	 * Whether {@link #getTotalElements()} is the list's size; if not, the list holds more
	 * than that.
	 */
	public boolean isTotalExact() {
		return this.totalExact;
	}

	@Override
	public boolean hasNext() {
		return !this.totalExact || super.hasNext();
	}

	@Override
	public boolean isLast() {
		return !hasNext();
	}

	@Override
	public <U> Page<U> map(Function<? super T, ? extends U> converter) {
		return new CappedPage<>(getContent().stream().<U>map(converter).toList(), getPageable(), getTotalElements(),
				this.totalExact);
	}

}
