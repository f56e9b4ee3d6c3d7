package ru.telecom.crm.shared;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;

class KeyRaceRetryTests {

	@Test
	void aUniqueViolationAnywhereInTheCausesIsARace() {
		var ex = new DataIntegrityViolationException("insert failed",
				new RuntimeException(new SQLException("duplicate key", "23505")));
		assertThat(KeyRaceRetry.isUniqueViolation(ex)).isTrue();
	}

	@Test
	void otherIntegrityViolationsAreNotRaces() {
		var ex = new DataIntegrityViolationException("not null", new SQLException("null value", "23502"));
		assertThat(KeyRaceRetry.isUniqueViolation(ex)).isFalse();
	}

}
