package ru.telecom.crm.customer;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import ru.telecom.crm.legacy.LegacyUnavailableException;
import ru.telecom.crm.shared.KeyRaceRetry;
import ru.telecom.crm.support.PostgresDatabases;
import ru.telecom.crm.support.PostgresIntegrationTest;
import ru.telecom.crm.support.TestPhones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** LegacyDB down: a lookup that needs it fails clearly and writes nothing. */
@PostgresIntegrationTest
// an engine name of its own: the engine REST API finds engines by name in a static
// registry
@TestPropertySource(properties = { PostgresDatabases.LEGACY_DOWN + "=true", "crm.legacy.timeout=1s",
		"camunda.bpm.process-engine-name=legacydown" })
class LegacyOutageIntegrationTests {

	@Autowired
	CustomerApi customers;

	@Autowired
	KeyRaceRetry keyRaceRetry;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aLookupThatNeedsLegacyDbReportsItUnavailableAndWritesNothing() {
		String phone = TestPhones.fresh();

		assertThatThrownBy(
				() -> this.keyRaceRetry.inNewTransaction(() -> this.customers.resolve(IntakeParty.of(phone, "ORD-X1"))))
			.isInstanceOf(LegacyUnavailableException.class)
			.hasMessageContaining("LegacyDB is not available");

		assertThat(this.jdbc.queryForObject("select count(*) from client where phone = ?", Integer.class,
				TestPhones.e164(phone)))
			.isZero();
	}

	@Test
	void aLookupThatOurDatabaseAnswersDoesNotNeedLegacyDb() {
		IntakeResolution resolution = this.keyRaceRetry
			.inNewTransaction(() -> this.customers.resolve(IntakeParty.of("+79007778899", "ORD-3001")));

		assertThat(resolution.lookupCase()).isEqualTo(1);
	}

}
