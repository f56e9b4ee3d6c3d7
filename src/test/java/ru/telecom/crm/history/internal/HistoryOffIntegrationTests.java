package ru.telecom.crm.history.internal;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.servicerequest.OpenRequest;
import ru.telecom.crm.servicerequest.RequestActions;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.support.AsUser;
import ru.telecom.crm.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without ClickHouse configured (the default) the history is not there at all: no
 * listener, no outbox row, no shipper, no metric; a transition costs what it did before.
 */
@PostgresIntegrationTest
class HistoryOffIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	RequestActions requests;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	@Test
	void nothingListensAndNothingIsQueued() {
		ServiceRequestView request = new AsUser(this.identity).get("anna", () -> this.requests
			.open(new OpenRequest(IntakeParty.of("+7 900 777-88-99", "ORD-3001"), "No internet", null)));
		new AsUser(this.identity).run("anna", () -> this.requests.closeWithoutIncident(request.id(), "Wrong number"));

		assertThat(this.context.getBeansOfType(OutboxWriter.class)).isEmpty();
		assertThat(this.context.getBeansOfType(Shipper.class)).isEmpty();
		assertThat(this.jdbc.queryForObject("select count(*) from status where service_request_id = ?", Long.class,
				request.id()))
			.isEqualTo(2);
		assertThat(this.jdbc.queryForObject("select count(*) from history_outbox", Long.class)).isZero();
		assertThat(this.meters.find("crm.history.outbox.pending").gauge()).isNull();
	}

}
