package ru.telecom.crm.shared;

import java.util.UUID;

import jakarta.persistence.EntityManager;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.servicerequest.OpenRequest;
import ru.telecom.crm.servicerequest.RequestActions;
import ru.telecom.crm.servicerequest.domain.ServiceRequest;
import ru.telecom.crm.support.AsUser;
import ru.telecom.crm.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A list's total on PostgreSQL: exact up to the cap, "more than the cap" beyond it, and
 * the rows of the page as asked.
 */
@PostgresIntegrationTest
class ListQueriesIntegrationTests {

	@Autowired
	EntityManager entities;

	@Autowired
	RequestActions requests;

	@Autowired
	IdentityService identity;

	/**
	 * Five requests of their own, told apart from everything else by their description.
	 */
	private Specification<ServiceRequest> five;

	@BeforeEach
	void openFiveRequests() {
		String marker = "capped " + UUID.randomUUID();
		for (int i = 0; i < 5; i++) {
			new AsUser(this.identity).get("anna", () -> this.requests
				.open(new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"), marker, null)));
		}
		this.five = (root, query, cb) -> cb.equal(root.get("description"), marker);
	}

	private CappedPage<ServiceRequest> page(int cap, int page, int size) {
		return new ListQueries(this.entities, new ListQueries.Settings(cap)).page(ServiceRequest.class, this.five,
				PageRequest.of(page, size, Sort.by(Sort.Order.desc("id"))));
	}

	@Test
	void aTotalUnderTheCapIsExact() {
		CappedPage<ServiceRequest> page = page(10, 0, 2);

		assertThat(page.getContent()).hasSize(2);
		assertThat(page.getTotalElements()).isEqualTo(5);
		assertThat(page.isTotalExact()).isTrue();
		assertThat(page.getContent().get(0).getId()).isGreaterThan(page.getContent().get(1).getId());
	}

	@Test
	void aTotalOverTheCapIsTheCapAndNotExact() {
		CappedPage<ServiceRequest> page = page(3, 0, 2);

		assertThat(page.getTotalElements()).isEqualTo(3);
		assertThat(page.isTotalExact()).isFalse();
		assertThat(page.hasNext()).isTrue();
	}

	@Test
	void theLastPageTellsTheExactTotalPastTheCap() {
		CappedPage<ServiceRequest> page = page(3, 2, 2);

		assertThat(page.getContent()).hasSize(1);
		assertThat(page.getTotalElements()).isEqualTo(5);
		assertThat(page.isTotalExact()).isTrue();
		assertThat(page.hasNext()).isFalse();
	}

	@Test
	void aFirstPageThatHoldsEverythingIsItsOwnTotal() {
		CappedPage<ServiceRequest> page = page(3, 0, 20);

		assertThat(page.getContent()).hasSize(5);
		assertThat(page.getTotalElements()).isEqualTo(5);
		assertThat(page.isTotalExact()).isTrue();
	}

}
