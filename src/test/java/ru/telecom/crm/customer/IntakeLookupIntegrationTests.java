package ru.telecom.crm.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.telecom.crm.customer.IntakeResolution.Source;
import ru.telecom.crm.shared.InvalidInputException;
import ru.telecom.crm.shared.KeyRaceRetry;
import ru.telecom.crm.support.PostgresDatabases;
import ru.telecom.crm.support.PostgresIntegrationTest;
import ru.telecom.crm.support.TestPhones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The four lookup cases of DESIGN §5 on the demo data, in PostgreSQL with LegacyDB in a
 * database of its own; and the races that must end with one client.
 */
@PostgresIntegrationTest
class IntakeLookupIntegrationTests {

	@Autowired
	CustomerApi customers;

	@Autowired
	KeyRaceRetry keyRaceRetry;

	@Autowired
	JdbcTemplate jdbc;

	private final JdbcTemplate legacyWriter = PostgresDatabases.legacyWriter();

	@Test
	void caseOneUsesPopovAndHisOrderFromOurDatabase() {
		int clientsBefore = count("client");
		int ordersBefore = count("client_order");

		IntakeResolution resolution = resolve(IntakeParty.of("8 (900) 777-88-99", "ord-3001"));

		assertThat(resolution.lookupCase()).isEqualTo(1);
		assertThat(resolution.clientId()).isEqualTo(clientIdOf("+79007778899"));
		assertThat(resolution.orderId()).isEqualTo(orderIdOf("ORD-3001"));
		assertThat(count("client")).isEqualTo(clientsBefore);
		assertThat(count("client_order")).isEqualTo(ordersBefore);
	}

	@Test
	void caseTwoCopiesPopovsLegacyOrderAndBindsItToHim() {
		IntakeResolution resolution = resolve(IntakeParty.of("+79007778899", "ORD-3002"));

		assertThat(resolution.lookupCase()).isEqualTo(2);
		Map<String, Object> order = this.jdbc.queryForMap("select * from client_order where id = ?",
				resolution.orderId());
		assertThat(order).containsEntry("code", "ORD-3002")
			.containsEntry("name", "Static IP")
			.containsEntry("legacy_order_no", "ORD-3002")
			.containsEntry("client_id", clientIdOf("+79007778899"));
		assertThat(order.get("price")).hasToString("150.00");
		assertThat(order.get("created_on")).hasToString("2024-08-30");

		IntakeResolution again = resolve(IntakeParty.of("+79007778899", "ORD-3002"));
		assertThat(again.lookupCase()).isEqualTo(1);
		assertThat(again.orderId()).isEqualTo(resolution.orderId());
	}

	@Test
	void caseThreeCopiesSmirnovEnrichedWithHisOrder() {
		IntakeResolution resolution = resolve(IntakeParty.of("+7 900 111 22 33", "ORD-1001"));

		assertThat(resolution.lookupCase()).isEqualTo(3);
		assertThat(resolution.orderSource()).isEqualTo(Source.LEGACY);
		Map<String, Object> client = this.jdbc.queryForMap("select * from client where id = ?", resolution.clientId());
		assertThat(client).containsEntry("last_name", "Smirnov")
			.containsEntry("first_name", "Alexey")
			.containsEntry("middle_name", "Petrovich")
			.containsEntry("phone", "+79001112233")
			.containsEntry("email", "a.smirnov@example.com")
			.containsEntry("legacy_id", 1L);
		assertThat(this.jdbc.queryForObject("select price from client_order where id = ?", String.class,
				resolution.orderId()))
			.isEqualTo("650.00");

		IntakeResolution secondOrder = resolve(IntakeParty.of("89001112233", "ORD-1002"));
		assertThat(secondOrder.lookupCase()).isEqualTo(2);
		assertThat(secondOrder.clientId()).isEqualTo(resolution.clientId());
	}

	@Test
	void caseThreeCopiesKuznetsovaWithHerInnAndCreatesANewOrder() {
		String code = freshCode();

		IntakeResolution resolution = resolve(
				new IntakeParty(null, "8-900-444-55-66", null, null, null, null, code, "Second office line"));

		assertThat(resolution.lookupCase()).isEqualTo(3);
		assertThat(resolution.orderSource()).isEqualTo(Source.CREATED);
		Map<String, Object> client = this.jdbc.queryForMap("select * from client where id = ?", resolution.clientId());
		assertThat(client).containsEntry("inn", "7707083893")
			.containsEntry("org_name", "Romashka LLC")
			.containsEntry("legacy_id", 2L);
		Map<String, Object> order = this.jdbc.queryForMap("select * from client_order where id = ?",
				resolution.orderId());
		assertThat(order).containsEntry("name", "Second office line").containsEntry("price", null);
	}

	@Test
	void caseFourCreatesClientAndOrderAndTheNextLookupFindsThem() {
		String phone = TestPhones.fresh();
		String code = freshCode();

		IntakeResolution created = resolve(
				new IntakeParty(null, phone, "Ivanova", "Olga", "Petrovna", "olga.i@example.com", code, "Home TV"));
		IntakeResolution found = resolve(IntakeParty.of(phone, code));

		assertThat(created.lookupCase()).isEqualTo(4);
		assertThat(found.lookupCase()).isEqualTo(1);
		assertThat(found.clientId()).isEqualTo(created.clientId());
		assertThat(found.orderId()).isEqualTo(created.orderId());
		assertThat(clientIdOf(TestPhones.e164(phone))).isEqualTo(created.clientId());
	}

	@Test
	void anOrderOfAnotherClientIsAConflictAndNothingIsCopied() {
		assertThatThrownBy(() -> resolve(IntakeParty.of("+79007778899", "ORD-2001")))
			.isInstanceOf(OrderOfAnotherClientException.class);

		assertThat(count("client_order where code = 'ORD-2001'")).isZero();
	}

	@Test
	void aConflictAfterCreatingTheClientLeavesNoClientBehind() {
		String phone = TestPhones.fresh();

		assertThatThrownBy(() -> resolve(IntakeParty.of(phone, "ORD-3001")))
			.isInstanceOf(OrderOfAnotherClientException.class);

		assertThat(count("client where phone = '" + TestPhones.e164(phone) + "'")).isZero();
	}

	@Test
	void aBadPhoneIsAValidationErrorAndWritesNothing() {
		int clientsBefore = count("client");

		assertThatThrownBy(() -> resolve(IntakeParty.of("8 (900) 12", freshCode())))
			.isInstanceOf(InvalidInputException.class);

		assertThat(count("client")).isEqualTo(clientsBefore);
	}

	@Test
	void concurrentLookupsOfTheSameNewPhoneEndWithOneClientAndOneOrder() throws Exception {
		String phone = TestPhones.fresh();
		String code = freshCode();

		List<IntakeResolution> results = concurrently(6, () -> resolve(IntakeParty.of(phone, code)));

		assertThat(results).extracting(IntakeResolution::clientId).containsOnly(results.get(0).clientId());
		assertThat(results).extracting(IntakeResolution::orderId).containsOnly(results.get(0).orderId());
		assertThat(results).extracting(IntakeResolution::lookupCase).contains(4).containsOnly(4, 1);
		assertThat(count("client where phone = '" + TestPhones.e164(phone) + "'")).isOne();
		assertThat(count("client_order where code = '" + code + "'")).isOne();
	}

	@Test
	void concurrentLookupsOfTheSameLegacyClientCopyItOnce() throws Exception {
		long custId = ThreadLocalRandom.current().nextLong(100_000, 1_000_000);
		String phone = TestPhones.fresh();
		String code = freshCode();
		this.legacyWriter.update("insert into customers (cust_id, full_name, phone) values (?, ?, ?)", custId,
				"Race Test Person", phone);
		this.legacyWriter.update(
				"insert into orders (order_no, cust_id, title, amount, created) values (?, ?, 'Race', 10.50, current_date)",
				code, custId);

		List<IntakeResolution> results = concurrently(6, () -> resolve(IntakeParty.of(phone, code)));

		assertThat(results).extracting(IntakeResolution::clientId).containsOnly(results.get(0).clientId());
		assertThat(results).extracting(IntakeResolution::lookupCase).contains(3);
		assertThat(count("client where legacy_id = " + custId)).isOne();
		assertThat(count("client_order where code = '" + code + "'")).isOne();
	}

	private IntakeResolution resolve(IntakeParty party) {
		return this.keyRaceRetry.inNewTransaction(() -> this.customers.resolve(party));
	}

	private <T> List<T> concurrently(int threads, java.util.concurrent.Callable<T> work) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CyclicBarrier start = new CyclicBarrier(threads);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				futures.add(pool.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					return work.call();
				}));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private long clientIdOf(String e164) {
		return this.jdbc.queryForObject("select id from client where phone = ?", Long.class, e164);
	}

	private long orderIdOf(String code) {
		return this.jdbc.queryForObject("select id from client_order where code = ?", Long.class, code);
	}

	private int count(String tableAndCondition) {
		return this.jdbc.queryForObject("select count(*) from " + tableAndCondition, Integer.class);
	}

	private static String freshCode() {
		return "IT-" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
	}

}
