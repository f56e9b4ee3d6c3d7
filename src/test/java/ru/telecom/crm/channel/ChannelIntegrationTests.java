package ru.telecom.crm.channel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.core.ConditionTimeoutException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.telecom.crm.servicerequest.ServiceRequestProcess;
import ru.telecom.crm.support.PostgresDatabases;
import ru.telecom.crm.support.PostgresIntegrationTest;
import ru.telecom.crm.support.TestPhones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The unattended channels over HTTP: who may send, acknowledgement with the request,
 * repeats, reused keys, nothing written for a refused message, whose contact is the
 * caller's, and which word of free text is an order code.
 */
@PostgresIntegrationTest
class ChannelIntegrationTests {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Test
	void aTelegramContactAndALaterTextFromTheSameChatOpenOneRequestForThatPhone() {
		long chat = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
		long update = ThreadLocalRandom.current().nextLong(1_000_000_000L);
		ResponseEntity<JsonNode> contact = telegram(PostgresDatabases.TELEGRAM_SECRET,
				"""
						{"update_id":%d,"message":{"message_id":1,"chat":{"id":%d},"from":{"id":%d},"contact":{"phone_number":"+79007778899","user_id":%d}}}"""
					.formatted(update, chat, chat, chat));
		ResponseEntity<JsonNode> text = telegram(PostgresDatabases.TELEGRAM_SECRET, """
				{"update_id":%d,"message":{"message_id":2,"chat":{"id":%d},"text":"ord-3001: no signal since noon"}}"""
			.formatted(update + 1, chat));

		assertThat(contact.getStatusCode().value()).isEqualTo(202);
		assertThat(contact.getBody().get("requestId").isNull()).isTrue();
		assertThat(text.getStatusCode().value()).isEqualTo(202);
		long requestId = text.getBody().get("requestId").asLong();
		Map<String, Object> request = this.jdbc.queryForMap("select * from service_request where id = ?", requestId);
		assertThat(request).containsEntry("channel", "TELEGRAM").containsEntry("status", "NEW");
		assertThat((String) request.get("raw_message")).contains("no signal since noon");
		assertThat(this.jdbc.queryForObject("select phone from telegram_chat where chat_id = ?", String.class, chat))
			.isEqualTo("+79007778899");
	}

	@Test
	void anotherPersonsContactIsStoredForAnAgentButNeverTakenAsTheCallersPhone() {
		long chat = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
		long update = ThreadLocalRandom.current().nextLong(1_000_000_000L);
		String stranger = TestPhones.e164(TestPhones.fresh());
		telegram(PostgresDatabases.TELEGRAM_SECRET, contactUpdate(update, chat, "+79007778899", chat));

		ResponseEntity<JsonNode> forwarded = telegram(PostgresDatabases.TELEGRAM_SECRET,
				contactUpdate(update + 1, chat, stranger, chat + 1));
		ResponseEntity<JsonNode> text = telegram(PostgresDatabases.TELEGRAM_SECRET,
				"""
						{"update_id":%d,"message":{"message_id":3,"chat":{"id":%d},"from":{"id":%d},"text":"ORD-3001 no signal"}}"""
					.formatted(update + 2, chat, chat));

		assertThat(forwarded.getStatusCode().value()).isEqualTo(202);
		long forwardedId = forwarded.getBody().get("requestId").asLong();
		assertThat((String) request(forwardedId).get("raw_message")).contains(stranger);
		assertThat(processVariable(forwardedId, ServiceRequestProcess.CLIENT_PHONE)).isEqualTo("+79007778899");
		assertThat(afterLookup(forwardedId).get("client_id")).as("no order named: left to an agent").isNull();
		assertThat(this.jdbc.queryForObject("select phone from telegram_chat where chat_id = ?", String.class, chat))
			.isEqualTo("+79007778899");
		assertThat(afterLookup(text.getBody().get("requestId").asLong()).get("client_id")).isEqualTo(popovId());
		assertThat(this.jdbc.queryForObject("select count(*) from client where phone = ?", Integer.class, stranger))
			.isZero();
	}

	@Test
	void anotherPersonsContactInANewChatOpensARequestWithoutAPhone() {
		long chat = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
		long update = ThreadLocalRandom.current().nextLong(1_000_000_000L);

		ResponseEntity<JsonNode> forwarded = telegram(PostgresDatabases.TELEGRAM_SECRET,
				contactUpdate(update, chat, "+79007778899", chat + 1));

		assertThat(forwarded.getStatusCode().value()).isEqualTo(202);
		long requestId = forwarded.getBody().get("requestId").asLong();
		assertThat(processVariable(requestId, ServiceRequestProcess.CLIENT_PHONE)).isNull();
		assertThat(afterLookup(requestId).get("client_id")).isNull();
		assertThat(
				this.jdbc.queryForObject("select count(*) from telegram_chat where chat_id = ?", Integer.class, chat))
			.isZero();
	}

	@Test
	void aWordOfAnSmsIsAnOrderCodeOnlyWhenThatOrderExists() {
		String stray = "ZX-" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);

		long strayOnly = smsRequest("+79007778899", "router " + stray + " is broken");
		long strayThenReal = smsRequest("+79007778899", "router " + stray + " is broken, my order ord-3001");

		assertThat(afterLookup(strayOnly).get("client_id")).as("no order named: left to an agent").isNull();
		assertThat(afterLookup(strayThenReal).get("order_id")).isEqualTo(orderId("ORD-3001"));
		assertThat(this.jdbc.queryForObject("select count(*) from client_order where code = ?", Integer.class, stray))
			.isZero();
	}

	@Test
	void aTelegramTextNamingAnOrderOnlyLegacyDbHasIsBoundToItsCopy() {
		String code = "LG-" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
		PostgresDatabases.legacyWriter()
			.update("insert into orders (order_no, cust_id, title, amount, created) values (?, 3, 'Static IP', 90, current_date)",
					code);
		long chat = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
		long update = ThreadLocalRandom.current().nextLong(1_000_000_000L);
		telegram(PostgresDatabases.TELEGRAM_SECRET, contactUpdate(update, chat, "+79007778899", chat));

		long requestId = telegram(PostgresDatabases.TELEGRAM_SECRET, """
				{"update_id":%d,"message":{"message_id":2,"chat":{"id":%d},"from":{"id":%d},"text":"%s is down"}}"""
			.formatted(update + 1, chat, chat, code.toLowerCase())).getBody().get("requestId").asLong();

		assertThat(afterLookup(requestId).get("order_id")).isEqualTo(orderId(code));
	}

	/**
	 * LegacyDB goes down (it refuses connections) just as a text names one of its orders:
	 * the message is taken, its lookup fails and is retried, and once LegacyDB is back
	 * the request gets the copy of that order, as it would have with LegacyDB up (issue
	 * 16; before, the code was dropped and an agent had to identify the caller).
	 */
	@Test
	void aCodeNamedWhileLegacyDbIsDownIsCheckedOnceItIsBack() throws Exception {
		String code = "LG-" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
		PostgresDatabases.legacyWriter()
			.update("insert into orders (order_no, cust_id, title, amount, created) values (?, 3, 'Static IP', 90, current_date)",
					code);
		long chat = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
		long update = ThreadLocalRandom.current().nextLong(1_000_000_000L);
		telegram(PostgresDatabases.TELEGRAM_SECRET, contactUpdate(update, chat, "+79007778899", chat));
		long requestId;
		String process;
		legacyDbAcceptsConnections(false);
		try {
			ResponseEntity<JsonNode> taken = telegram(PostgresDatabases.TELEGRAM_SECRET, """
					{"update_id":%d,"message":{"message_id":2,"chat":{"id":%d},"from":{"id":%d},"text":"%s is down"}}"""
				.formatted(update + 1, chat, chat, code.toLowerCase()));
			assertThat(taken.getStatusCode().value()).isEqualTo(202);
			requestId = taken.getBody().get("requestId").asLong();
			process = (String) request(requestId).get("process_instance_id");
			// the lookup's first try waits out LegacyDB's timeouts, and a busy machine's
			// job executor
			await().atMost(Duration.ofMinutes(2)).until(() -> {
				Job lookup = this.management.createJobQuery().processInstanceId(process).singleResult();
				return lookup != null && lookup.getExceptionMessage() != null;
			});
			assertThat(this.management.createJobQuery().processInstanceId(process).singleResult().getExceptionMessage())
				.contains("LegacyDB is not available");
			assertThat(this.tasks.createTaskQuery().processInstanceId(process).count())
				.as("no agent asked to identify the caller")
				.isZero();
		}
		finally {
			legacyDbAcceptsConnections(true);
		}
		this.management.setJobDuedate(
				this.management.createJobQuery().processInstanceId(process).singleResult().getId(), new Date());

		assertThat(afterLookup(requestId).get("order_id")).isEqualTo(orderId(code));
		assertThat(this.tasks.createTaskQuery()
			.processInstanceId(process)
			.taskDefinitionKey(ServiceRequestProcess.TASK_IDENTIFY_CALLER)
			.count()).isZero();
	}

	/**
	 * LegacyDB's database refuses new connections and drops those open, or takes them
	 * again.
	 */
	private static void legacyDbAcceptsConnections(boolean accepts) throws SQLException {
		try (Connection admin = DriverManager.getConnection(PostgresDatabases.ADMIN_URL, PostgresDatabases.USER,
				PostgresDatabases.PASSWORD); Statement statement = admin.createStatement()) {
			statement.execute("alter database " + PostgresDatabases.LEGACY_DATABASE + " allow_connections " + accepts);
			if (!accepts) {
				statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
						+ PostgresDatabases.LEGACY_DATABASE + "'");
			}
		}
	}

	@Test
	void theEsbNamesItsOrderOutrightAndMayStillCreateIt() {
		String code = "ESB-" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
		String body = "{\"clientPhone\":\"+79007778899\",\"orderCode\":\"%s\",\"description\":\"New line\"}"
			.formatted(code);

		long requestId = esb("esb", UUID.randomUUID().toString(), body).getBody().get("requestId").asLong();

		assertThat(afterLookup(requestId).get("order_id")).isEqualTo(orderId(code));
	}

	@Test
	void telegramWithoutItsSecretIsUnauthorizedAndWritesNothing() {
		int before = requests();
		String update = "{\"update_id\":1,\"message\":{\"chat\":{\"id\":1},\"text\":\"hi\"}}";

		assertThat(telegram(null, update).getStatusCode().value()).isEqualTo(401);
		assertThat(telegram("wrong", update).getStatusCode().value()).isEqualTo(401);
		assertThat(telegram(PostgresDatabases.TELEGRAM_SECRET, "{\"not\":\"an update\"}").getStatusCode().value())
			.isEqualTo(400);
		assertThat(requests()).isEqualTo(before);
	}

	@Test
	void aRepeatedDeliveryReturnsTheFirstResultAndAnotherPayloadUnderTheSameKeyIsRefused() {
		long update = ThreadLocalRandom.current().nextLong(1_000_000_000L);
		String first = "{\"update_id\":%d,\"message\":{\"chat\":{\"id\":5},\"text\":\"TV broken ORD-3001\"}}"
			.formatted(update);

		ResponseEntity<JsonNode> once = telegram(PostgresDatabases.TELEGRAM_SECRET, first);
		ResponseEntity<JsonNode> again = telegram(PostgresDatabases.TELEGRAM_SECRET, first);
		int before = requests();
		ResponseEntity<JsonNode> other = telegram(PostgresDatabases.TELEGRAM_SECRET,
				first.replace("TV broken", "Internet broken"));

		assertThat(again.getBody().get("requestId").asLong()).isEqualTo(once.getBody().get("requestId").asLong());
		assertThat(again.getBody().get("repeated").asBoolean()).isTrue();
		assertThat(other.getStatusCode().value()).isEqualTo(422);
		assertThat(other.getBody().get("type").asText()).isEqualTo("urn:problem-type:crm:idempotency-key-reused");
		assertThat(requests()).isEqualTo(before);
	}

	@Test
	void aSignedSmsOpensARequestAndABadOrOldSignatureDoesNot() {
		String body = "{\"from\":\"8 900 777 88 99\",\"text\":\"ORD-3001 slow\",\"messageId\":\"%s\"}"
			.formatted(UUID.randomUUID());
		long now = Instant.now().getEpochSecond();

		ResponseEntity<JsonNode> signed = sms(body, now, sign(now + "." + body));
		int before = requests();
		int forged = sms(body.replace("slow", "fast"), now, sign(now + "." + body)).getStatusCode().value();
		long old = now - 600;
		int replayed = sms(body, old, sign(old + "." + body)).getStatusCode().value();
		int unsigned = sms(body, now, null).getStatusCode().value();

		assertThat(signed.getStatusCode().value()).isEqualTo(202);
		assertThat(signed.getBody().get("requestId").asLong()).isPositive();
		assertThat(forged).isEqualTo(401);
		assertThat(replayed).isEqualTo(401);
		assertThat(unsigned).isEqualTo(401);
		assertThat(requests()).isEqualTo(before);
	}

	@Test
	void theEsbNeedsItsRoleAndAKey() {
		String body = "{\"clientPhone\":\"+79007778899\",\"orderCode\":\"ORD-3001\",\"description\":\"From ESB\"}";

		assertThat(esb("esb", UUID.randomUUID().toString(), body).getStatusCode().value()).isEqualTo(202);
		assertThat(esb("anna", UUID.randomUUID().toString(), body).getStatusCode().value()).isEqualTo(403);
		assertThat(
				this.rest.exchange("/api/channels/esb", HttpMethod.POST, new HttpEntity<>(body, json()), JsonNode.class)
					.getStatusCode()
					.value())
			.isEqualTo(401);
		assertThat(esb("esb", null, body).getStatusCode().value()).isEqualTo(400);
	}

	@Test
	void racingDeliveriesOfOneKeyOpenOneRequest() throws Exception {
		String key = UUID.randomUUID().toString();
		String body = "{\"clientPhone\":\"+79007778899\",\"orderCode\":\"ORD-3001\",\"description\":\"Race\"}";
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			CyclicBarrier start = new CyclicBarrier(4);
			List<Future<ResponseEntity<JsonNode>>> calls = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				calls.add(pool.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					return esb("esb", key, body);
				}));
			}
			List<Long> ids = new ArrayList<>();
			for (Future<ResponseEntity<JsonNode>> call : calls) {
				ResponseEntity<JsonNode> response = call.get(60, TimeUnit.SECONDS);
				assertThat(response.getStatusCode().value()).isEqualTo(202);
				ids.add(response.getBody().get("requestId").asLong());
			}
			assertThat(ids).containsOnly(ids.get(0));
			assertThat(this.jdbc.queryForObject("select count(*) from channel_message where idempotency_key = ?",
					Integer.class, key))
				.isOne();
		}
		finally {
			pool.shutdownNow();
		}
	}

	private ResponseEntity<JsonNode> telegram(String secret, String update) {
		HttpHeaders headers = json();
		if (secret != null) {
			headers.set("X-Telegram-Bot-Api-Secret-Token", secret);
		}
		return this.rest.postForEntity("/api/channels/telegram", new HttpEntity<>(update, headers), JsonNode.class);
	}

	private ResponseEntity<JsonNode> sms(String body, long timestamp, String signature) {
		HttpHeaders headers = json();
		headers.set("X-Timestamp", String.valueOf(timestamp));
		if (signature != null) {
			headers.set("X-Signature", "sha256=" + signature);
		}
		return this.rest.postForEntity("/api/channels/sms", new HttpEntity<>(body, headers), JsonNode.class);
	}

	private ResponseEntity<JsonNode> esb(String user, String key, String body) {
		HttpHeaders headers = json();
		headers.setBasicAuth(user, user);
		if (key != null) {
			headers.set("Idempotency-Key", key);
		}
		return this.rest.postForEntity("/api/channels/esb", new HttpEntity<>(body, headers), JsonNode.class);
	}

	private static String contactUpdate(long update, long chat, String phone, long contactUserId) {
		return """
				{"update_id":%d,"message":{"message_id":1,"chat":{"id":%d},"from":{"id":%d},"contact":{"phone_number":"%s","first_name":"Ivan","user_id":%d}}}"""
			.formatted(update, chat, chat, phone, contactUserId);
	}

	private long smsRequest(String from, String text) {
		String body = "{\"from\":\"%s\",\"text\":\"%s\",\"messageId\":\"%s\"}".formatted(from, text, UUID.randomUUID());
		long now = Instant.now().getEpochSecond();
		ResponseEntity<JsonNode> response = sms(body, now, sign(now + "." + body));
		assertThat(response.getStatusCode().value()).isEqualTo(202);
		return response.getBody().get("requestId").asLong();
	}

	/**
	 * The request once its asynchronous lookup ran: bound to its client and order, or
	 * waiting for an agent to identify the caller.
	 */
	private Map<String, Object> afterLookup(long requestId) {
		String process = (String) request(requestId).get("process_instance_id");
		try {
			await().atMost(Duration.ofSeconds(30))
				.until(() -> request(requestId).get("client_id") != null || this.tasks.createTaskQuery()
					.processInstanceId(process)
					.taskDefinitionKey(ServiceRequestProcess.TASK_IDENTIFY_CALLER)
					.count() == 1);
		}
		catch (ConditionTimeoutException ex) {
			// the CI log keeps only the failure's first lines: say where the lookup is
			throw new AssertionError("The lookup of request " + requestId + " did not end within 30 s; its jobs now: "
					+ this.jdbc.queryForList("""
							select retries_, duedate_, lock_owner_, lock_exp_time_, priority_, exception_msg_
							from act_ru_job where process_instance_id_ = ?""", process), ex);
		}
		return request(requestId);
	}

	private Object processVariable(long requestId, String name) {
		return this.runtime.getVariable((String) request(requestId).get("process_instance_id"), name);
	}

	private Map<String, Object> request(long id) {
		return this.jdbc.queryForMap("select * from service_request where id = ?", id);
	}

	private long popovId() {
		return this.jdbc.queryForObject("select id from client where phone = '+79007778899'", Long.class);
	}

	private long orderId(String code) {
		return this.jdbc.queryForObject("select id from client_order where code = ?", Long.class, code);
	}

	private int requests() {
		return this.jdbc.queryForObject("select count(*) from service_request", Integer.class);
	}

	private static HttpHeaders json() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return headers;
	}

	private static String sign(String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(PostgresDatabases.SMS_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
