package ru.telecom.crm.shared;

import java.util.stream.Stream;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.dao.OptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTests {

	static Stream<Arguments> someoneElseGotThereFirst() {
		return Stream.of(
				Arguments.of(new OptimisticLockingException("ENGINE-03005 Entity was updated by another transaction"),
						"changed this item"),
				Arguments.of(new OptimisticLockingFailureException("Row was updated by another transaction"),
						"changed this item"),
				Arguments.of(new jakarta.persistence.OptimisticLockException("stale"), "changed this item"),
				Arguments.of(new SuspendedEntityInteractionException("ProcessInstance[42] is suspended"), "suspended"),
				Arguments.of(new TaskAlreadyClaimedException("task-1", "ivan"), "claimed this task"));
	}

	@ParameterizedTest
	@MethodSource("someoneElseGotThereFirst")
	void theEnginesWaysOfSayingSomeoneElseGotThereFirstAreConflicts(RuntimeException failure, String said) {
		// as the engine and Spring hand them on: wrapped
		RuntimeException wrapped = new IllegalStateException("wrapped", failure);

		assertThat(Failures.meaningOf(wrapped)).hasValueSatisfying((meaning) -> {
			assertThat(meaning).isInstanceOf(ConflictException.class);
			assertThat(meaning.getMessage()).contains(said);
		});
	}

	@Test
	void theEnginesCorrelationRaceIsAConflict() {
		NullPointerException race = new NullPointerException("execution is null");
		race.setStackTrace(new StackTraceElement[] { new StackTraceElement(AbstractCorrelateMessageCmd.class.getName(),
				"createMessageCorrelationResult", "x.java", 119) });

		assertThat(Failures.meaningOf(new IllegalStateException("wrapped", race)))
			.hasValueSatisfying((meaning) -> assertThat(meaning).isInstanceOf(ConflictException.class));
	}

	@Test
	void theCorrelationRaceThatFindsTheSubscriptionGoneIsAConflict() {
		ProcessEngineException race = new ProcessEngineException(
				"Execution with id 'b375' does not have a subscription to a message event with name 'Msg_IncidentClosed': eventSubscriptions is empty");
		race.setStackTrace(new StackTraceElement[] {
				new StackTraceElement("org.camunda.bpm.engine.impl.util.EnsureUtil", "ensureNotEmpty", "x.java", 126),
				new StackTraceElement(MessageEventReceivedCmd.class.getName(), "execute", "x.java", 86) });
		ProcessEngineException elsewhere = new ProcessEngineException(race.getMessage());
		elsewhere.setStackTrace(new StackTraceElement[] {
				new StackTraceElement("ru.telecom.crm.incident.Somewhere", "run", "Somewhere.java", 1) });

		assertThat(Failures.meaningOf(race))
			.hasValueSatisfying((meaning) -> assertThat(meaning).isInstanceOf(ConflictException.class));
		assertThat(Failures.meaningOf(elsewhere)).isEmpty();
	}

	@Test
	void aCompletionThatFindsItsExecutionMovedOnIsAConflict() {
		ProcessEngineException stuck = new ProcessEngineException(
				"ENGINE-02004 No outgoing sequence flow for the element with id 'Gateway_HoldOrClose' could be selected");

		assertThat(Failures.meaningOf(stuck))
			.hasValueSatisfying((meaning) -> assertThat(meaning).isInstanceOf(ConflictException.class));
		assertThat(Failures.meaningOf(new ProcessEngineException("ENGINE-09005 Could not parse"))).isEmpty();
	}

	@Test
	void anyOtherNullPointerIsOurBugAndStaysOne() {
		NullPointerException bug = new NullPointerException("ours");
		bug.setStackTrace(new StackTraceElement[] {
				new StackTraceElement("ru.telecom.crm.incident.Somewhere", "run", "Somewhere.java", 1) });

		assertThat(Failures.meaningOf(bug)).isEmpty();
	}

	static Stream<Arguments> ourDatabaseGone() {
		return Stream.of(
				// as PgJDBC says it when the server closed the connection, or is
				// restarting
				Arguments.of(new java.sql.SQLException("An I/O error occurred while sending to the backend.", "08006")),
				Arguments.of(new java.sql.SQLException("FATAL: terminating connection due to administrator command",
						"57P01")),
				Arguments.of(new java.sql.SQLException("FATAL: the database system is starting up", "57P03")),
				// as Hikari's closed connection answers the rollback after a broken one
				Arguments.of(new java.sql.SQLException("Connection is closed")),
				// as Hikari says it when no connection came within its timeout
				Arguments.of(new java.sql.SQLTransientConnectionException("crm - Connection is not available")));
	}

	@ParameterizedTest
	@MethodSource("ourDatabaseGone")
	void ourDatabaseGoneIsUnavailableNotAnError(java.sql.SQLException failure) {
		// as Hibernate and Spring hand it on
		RuntimeException wrapped = new org.springframework.transaction.CannotCreateTransactionException("no tx",
				new IllegalStateException("wrapped", failure));

		assertThat(Failures.meaningOf(wrapped)).hasValueSatisfying((meaning) -> {
			assertThat(meaning).isInstanceOf(DatabaseUnavailableException.class);
			assertThat(meaning.kind().status()).isEqualTo(503);
			assertThat(meaning.getMessage()).contains("nothing was saved");
		});
	}

	@Test
	void aSqlErrorWithoutAStateMeansNothingToTheCaller() {
		// the state of a driver's own error may be null; asking a Set.of about it threw
		java.sql.SQLException stateless = new java.sql.SQLException("no state");

		assertThat(Failures.meaningOf(new IllegalStateException("wrapped", stateless))).isEmpty();
	}

}
