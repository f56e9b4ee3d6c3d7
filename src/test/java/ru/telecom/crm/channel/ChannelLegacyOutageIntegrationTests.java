package ru.telecom.crm.channel;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import ru.telecom.crm.servicerequest.ServiceRequestProcess;
import ru.telecom.crm.support.PostgresDatabases;
import ru.telecom.crm.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * LegacyDB down while a free-text message names an order: the message is taken all the
 * same; a code of ours is used at once, a code only LegacyDB could prove waits in the
 * caller's lookup, a job retried until LegacyDB answers (ChannelIntegrationTests has it
 * come back).
 */
@PostgresIntegrationTest
// the same context as the customer module's outage tests
@TestPropertySource(properties = { PostgresDatabases.LEGACY_DOWN + "=true", "crm.legacy.timeout=1s",
		"camunda.bpm.process-engine-name=legacydown" })
class ChannelLegacyOutageIntegrationTests {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Test
	void aCodeOnlyLegacyDbCouldProveWaitsInTheRetriedLookupAndTheMessageIsTaken() {
		long chat = sharedPopovsContact();
		String code = "ORD-" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);

		ResponseEntity<JsonNode> text = telegram(chat, code + " is down");

		assertThat(text.getStatusCode().value()).isEqualTo(202);
		long requestId = text.getBody().get("requestId").asLong();
		String process = (String) request(requestId).get("process_instance_id");
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			Job lookup = this.management.createJobQuery().processInstanceId(process).singleResult();
			return lookup != null && lookup.getExceptionMessage() != null;
		});
		Job lookup = this.management.createJobQuery().processInstanceId(process).singleResult();
		assertThat(lookup.getExceptionMessage()).contains("LegacyDB is not available");
		assertThat(lookup.getRetries()).isPositive();
		assertThat(this.tasks.createTaskQuery()
			.processInstanceId(process)
			.taskDefinitionKey(ServiceRequestProcess.TASK_IDENTIFY_CALLER)
			.count()).as("not left to an agent").isZero();
		assertThat(request(requestId).get("order_id")).isNull();
		assertThat(this.jdbc.queryForObject("select count(*) from client_order where code = ?", Integer.class, code))
			.isZero();
	}

	@Test
	void aCodeOfOursIsUsedWhileLegacyDbIsDown() {
		long chat = sharedPopovsContact();

		long requestId = telegram(chat, "ord-3001 is down").getBody().get("requestId").asLong();

		await().atMost(Duration.ofSeconds(30)).until(() -> request(requestId).get("order_id") != null);
		assertThat(request(requestId).get("order_id"))
			.isEqualTo(this.jdbc.queryForObject("select id from client_order where code = 'ORD-3001'", Long.class));
	}

	private long sharedPopovsContact() {
		long chat = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
		assertThat(
				post("""
						{"update_id":%d,"message":{"message_id":1,"chat":{"id":%d},"from":{"id":%d},"contact":{"phone_number":"+79007778899","user_id":%d}}}"""
					.formatted(ThreadLocalRandom.current().nextLong(1_000_000_000L), chat, chat, chat)).getStatusCode()
					.value())
			.isEqualTo(202);
		return chat;
	}

	private ResponseEntity<JsonNode> telegram(long chat, String text) {
		return post("""
				{"update_id":%d,"message":{"message_id":2,"chat":{"id":%d},"from":{"id":%d},"text":"%s"}}"""
			.formatted(ThreadLocalRandom.current().nextLong(1_000_000_000L), chat, chat, text));
	}

	private ResponseEntity<JsonNode> post(String update) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set("X-Telegram-Bot-Api-Secret-Token", PostgresDatabases.TELEGRAM_SECRET);
		return this.rest.postForEntity("/api/channels/telegram", new HttpEntity<>(update, headers), JsonNode.class);
	}

	private Map<String, Object> request(long id) {
		return this.jdbc.queryForMap("select * from service_request where id = ?", id);
	}

}
