package ru.telecom.crm.shared;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.NestedTestConfiguration;
import org.springframework.test.context.NestedTestConfiguration.EnclosingConfiguration;
import org.springframework.test.context.TestPropertySource;

import ru.telecom.crm.CrmApplication;
import ru.telecom.crm.support.PostgresDatabases;
import ru.telecom.crm.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The controllable clock on the whole app and PostgreSQL: a move makes the engine's
 * timers due and its job executor runs them, a restarted app keeps the moved time, and
 * {@code /api/test/clock} is for administrators and only when the clock is controllable.
 * On a database of its own, so that its timers and offset touch no other test's; every
 * test puts both clocks back to the system's time, and moves forwards only a little,
 * because the engine's clock is one per JVM and the other contexts' job executors read it
 * too.
 */
@PostgresIntegrationTest
@TestPropertySource(properties = { ControllableClockIntegrationTests.CONTROLLABLE,
		PostgresDatabases.OWN_DATABASE + "=" + ControllableClockIntegrationTests.DATABASE })
class ControllableClockIntegrationTests {

	static final String CONTROLLABLE = "crm.clock.controllable=true";

	static final String DATABASE = "clock";

	private static final String PATH = "/api/test/clock";

	private static final String PROBE = "ClockProbe";

	/** How far two readings of flowing time may be apart in these tests. */
	private static final Duration SLACK = Duration.ofSeconds(5);

	@Autowired
	AppClock clock;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@AfterEach
	void backToTheSystemTime() {
		this.clock.reset();
	}

	@Test
	void movingTheClockMakesATimerDueAndTheJobExecutorRunsIt() {
		this.repository.createDeployment()
			.addModelInstance(PROBE + ".bpmn",
					Bpmn.createExecutableProcess(PROBE)
						.camundaHistoryTimeToLive(1)
						.startEvent()
						.intermediateCatchEvent("Event_Wait")
						.timerWithDuration("PT2H")
						.endEvent()
						.done())
			.name(PROBE)
			.enableDuplicateFiltering(true)
			.deploy();
		String instance = this.runtime.startProcessInstanceByKey(PROBE).getId();
		Job timer = this.management.createJobQuery().processInstanceId(instance).timers().singleResult();
		assertThat(timer.getDuedate().toInstant()).isCloseTo(Instant.now().plus(Duration.ofHours(2)), within(SLACK));
		// not due yet: the job executor, polling at least every second, leaves it
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> isRunning(instance));

		this.clock.advance(Duration.ofHours(2).plusMinutes(1));

		await().atMost(Duration.ofSeconds(30)).until(() -> !isRunning(instance));
		HistoricProcessInstance ended = this.history.createHistoricProcessInstanceQuery()
			.processInstanceId(instance)
			.singleResult();
		assertThat(ended.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
		// the engine ended it at the moved time
		assertThat(ended.getEndTime().toInstant()).isCloseTo(this.clock.instant(), within(SLACK))
			.isAfterOrEqualTo(timer.getDuedate().toInstant());
	}

	@Test
	void aRestartedAppKeepsTheMovedTime() {
		// backwards: no timer of any context falls due
		Instant moved = this.clock.advance(Duration.ofDays(-3));
		assertThat(this.jdbc.queryForObject("select offset_millis from app_clock_offset where id = 1", Long.class))
			.isEqualTo(Duration.ofDays(-3).toMillis());

		try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(CrmApplication.class)
			.initializers(new PostgresDatabases())
			// as arguments: above application.yaml, as the test's own properties are
			.run("--" + CONTROLLABLE, "--" + PostgresDatabases.OWN_DATABASE + "=" + DATABASE, "--server.port=0",
					// an engine of its own name: closing it leaves this context's
					// registered
					"--camunda.bpm.process-engine-name=clockrestart")) {
			AppClock restartedClock = restarted.getBean(AppClock.class);

			assertThat(restartedClock.isControllable()).isTrue();
			assertThat(restartedClock.offset()).isEqualTo(Duration.ofDays(-3));
			// time flowed on while it started
			Instant expected = Instant.now().minus(Duration.ofDays(3));
			assertThat(restartedClock.instant()).isAfter(moved).isCloseTo(expected, within(SLACK));
			assertThat(ClockUtil.now().toInstant()).isCloseTo(expected, within(SLACK));
		}
	}

	@Test
	void anAdministratorReadsMovesAndResetsTheClock() {
		ResponseEntity<JsonNode> read = exchange("admin", HttpMethod.GET, null);
		assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(read.getBody().get("offsetMillis").asLong()).isZero();
		assertThat(Instant.parse(read.getBody().get("now").asText())).isCloseTo(Instant.now(), within(SLACK));

		ResponseEntity<JsonNode> advanced = exchange("admin", HttpMethod.POST, "{\"advanceSeconds\": 60}");
		assertThat(advanced.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(advanced.getBody().get("offsetMillis").asLong()).isEqualTo(60_000);
		assertThat(this.clock.offset()).isEqualTo(Duration.ofSeconds(60));
		assertThat(ClockUtil.now().toInstant()).isCloseTo(Instant.now().plusSeconds(60), within(SLACK));

		Instant past = Instant.parse("2026-03-02T09:00:00Z");
		ResponseEntity<JsonNode> moved = exchange("admin", HttpMethod.POST, "{\"at\": \"" + past + "\"}");
		assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(Instant.parse(moved.getBody().get("now").asText())).isCloseTo(past, within(SLACK));
		assertThat(this.clock.instant()).isCloseTo(past, within(SLACK));
		assertThat(ClockUtil.now().toInstant()).isCloseTo(past, within(SLACK));
		assertThat(exchange("admin", HttpMethod.GET, null).getBody().get("offsetMillis").asLong())
			.isEqualTo(this.clock.offset().toMillis());

		ResponseEntity<JsonNode> reset = exchange("admin", HttpMethod.DELETE, null);
		assertThat(reset.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(reset.getBody().get("offsetMillis").asLong()).isZero();
		assertThat(this.clock.offset()).isZero();
		assertThat(ClockUtil.now().toInstant()).isCloseTo(Instant.now(), within(SLACK));
		assertThat(this.jdbc.queryForObject("select offset_millis from app_clock_offset where id = 1", Long.class))
			.isZero();
	}

	@Test
	void onlyAdministratorsMayTouchTheClock() {
		for (String user : new String[] { "anna", "maria", "olga" }) {
			assertForbidden(exchange(user, HttpMethod.GET, null));
			assertForbidden(exchange(user, HttpMethod.POST, "{\"advanceSeconds\": 60}"));
			assertForbidden(exchange(user, HttpMethod.DELETE, null));
		}
		assertThat(this.rest.exchange(PATH, HttpMethod.GET, null, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.clock.offset()).isZero();
	}

	@Test
	void aMoveThatIsNotOneIsRefusedOnItsField() {
		assertInvalid("{}", "at");
		assertInvalid("{\"at\": \"2026-03-02T09:00:00Z\", \"advanceSeconds\": 60}", "advanceSeconds");
		assertInvalid("{\"at\": \"yesterday\"}", "at");
		assertInvalid("{\"at\": \"3026-03-02T09:00:00Z\"}", "at");
		assertInvalid("{\"advanceSeconds\": 0}", "advanceSeconds");
		assertInvalid("{\"advanceSeconds\": -60}", "advanceSeconds");
		assertInvalid("{\"advanceSeconds\": \"an hour\"}", "advanceSeconds");
		assertInvalid("{\"advanceSeconds\": 9223372036854775807}", "advanceSeconds");
		ResponseEntity<JsonNode> unreadable = exchange("admin", HttpMethod.POST, "{\"at\": ");
		assertThat(unreadable.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unreadable.getBody().get("type").asText()).isEqualTo(ApiProblems.TYPE_PREFIX + "validation");
		assertThat(this.clock.offset()).isZero();
	}

	private boolean isRunning(String instance) {
		return this.runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 1;
	}

	private void assertInvalid(String body, String field) {
		ResponseEntity<JsonNode> response = exchange("admin", HttpMethod.POST, body);
		assertThat(response.getStatusCode()).as(body).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat(response.getBody().get("type").asText()).isEqualTo(ApiProblems.TYPE_PREFIX + "validation");
		assertThat(response.getBody().get("errors").has(field)).as(body + " → " + response.getBody()).isTrue();
	}

	private static void assertForbidden(ResponseEntity<JsonNode> response) {
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(response.getBody().get("type").asText()).isEqualTo(ApiProblems.TYPE_PREFIX + "forbidden");
	}

	ResponseEntity<JsonNode> exchange(String user, HttpMethod method, String body) {
		return exchange(this.rest, user, method, body);
	}

	static ResponseEntity<JsonNode> exchange(TestRestTemplate rest, String user, HttpMethod method, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth(user, user).exchange(PATH, method, new HttpEntity<>(body, headers), JsonNode.class);
	}

	/**
	 * The app as deployed: the clock is the system's, and {@code /api/test/clock} is not
	 * there. The common context of the integration tests.
	 */
	@Nested
	@NestedTestConfiguration(EnclosingConfiguration.OVERRIDE)
	@PostgresIntegrationTest
	class WhenTheClockIsNotControllable {

		@Autowired
		AppClock clock;

		@Autowired
		TestRestTemplate rest;

		@Test
		void theClockIsTheSystemsAndCannotBeMoved() {
			assertThat(this.clock.isControllable()).isFalse();
			assertThat(this.clock.offset()).isZero();
			assertThat(this.clock.instant()).isCloseTo(Instant.now(), within(SLACK));
		}

		@Test
		void theTestClockIsNotFoundForAdministrators() {
			for (HttpMethod method : new HttpMethod[] { HttpMethod.GET, HttpMethod.POST, HttpMethod.DELETE }) {
				ResponseEntity<JsonNode> response = exchange(this.rest, "admin", method,
						(method == HttpMethod.POST) ? "{\"advanceSeconds\": 60}" : null);
				assertThat(response.getStatusCode()).as(method.name()).isEqualTo(HttpStatus.NOT_FOUND);
				assertThat(response.getBody().get("type").asText()).isEqualTo(ApiProblems.TYPE_PREFIX + "not-found");
			}
			assertThat(ClockUtil.now().toInstant()).isCloseTo(Instant.now(), within(SLACK));
		}

		@Test
		void othersAreRefusedAsOnEveryAdministratorsPath() {
			assertForbidden(exchange(this.rest, "anna", HttpMethod.GET, null));
		}

	}

}
