package ru.telecom.crm.shared;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The offset in {@code app_clock_offset}, one row (id 1) that Liquibase creates, written
 * each time the clock moves and read when the app starts.
 */
final class JdbcClockOffsetStore implements ClockOffsetStore {

	private final JdbcTemplate jdbc;

	JdbcClockOffsetStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public long read() {
		List<Long> kept = this.jdbc.queryForList("select offset_millis from app_clock_offset where id = 1", Long.class);
		return kept.isEmpty() ? 0 : kept.get(0);
	}

	@Override
	public void write(long offsetMillis) {
		this.jdbc.update("update app_clock_offset set offset_millis = ? where id = 1", offsetMillis);
	}

}
