package ru.telecom.crm.shared;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.pvm.PvmException;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * What a failure means to the person who caused it, whichever door they came through: our
 * own domain errors as they are, and the engine's ways of saying "someone else got there
 * first" (a row changed meanwhile, a task completed meanwhile, a process suspended or
 * already past the step) as a conflict, never as a server error; Keycloak out of reach
 * behind the engine's identity provider as 503.
 */
public final class Failures {

	/**
	 * What PostgreSQL and H2 say when two transactions collide: a unique key taken
	 * meanwhile, a deadlock, a serialization failure.
	 */
	private static final Set<String> CONFLICT_STATES = Set.of("23505", "40P01", "40001", "23001");

	/**
	 * What PostgreSQL says when it goes away under us: the server shutting down or
	 * restarting ({@code 57P01}-{@code 57P03}); the class {@code 08} of connection
	 * failures is matched by its prefix.
	 */
	private static final Set<String> GONE_STATES = Set.of("57P01", "57P02", "57P03");

	private static final String HIKARI_CLOSED = "Connection is closed";

	/**
	 * What the engine says of an execution whose message subscription ended meanwhile.
	 */
	private static final String SUBSCRIPTION_GONE = "does not have a subscription to a message event";

	/** The engine's code for an execution that finds no way out of a gateway. */
	private static final String STUCK_AT_GATEWAY = "ENGINE-02004";

	private Failures() {
	}

	/** The domain error behind {@code failure}, if it has a meaning to the caller. */
	public static Optional<DomainException> meaningOf(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DomainException domain) {
				return Optional.of(domain);
			}
		}
		if (KeycloakUnavailableException.isIdentityProviderOutage(failure)) {
			// the engine asked Keycloak for a user or a group and had nothing kept to
			// answer with
			return Optional.of(new KeycloakUnavailableException(failure));
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof OptimisticLockingException || cause instanceof OptimisticLockingFailureException
					|| cause instanceof jakarta.persistence.OptimisticLockException) {
				return Optional.of(new ConflictException(
						"Someone else changed this item at the same moment; read it again and retry"));
			}
			if (cause instanceof SuspendedEntityInteractionException) {
				return Optional.of(new ConflictException("The item's process is suspended; nothing was changed"));
			}
			if (isDatabaseGone(cause)) {
				return Optional.of(new DatabaseUnavailableException(cause));
			}
			// a driver's own errors may have no state at all
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& CONFLICT_STATES.contains(sql.getSQLState())) {
				return Optional.of(new ConflictException(
						"Someone else changed this item at the same moment; read it again and retry"));
			}
			if (cause instanceof PvmException) {
				return Optional.of(new ConflictException(
						"The item has moved on meanwhile (its step is done or gone); read it again"));
			}
			if (cause instanceof TaskAlreadyClaimedException) {
				return Optional.of(new ConflictException("Someone else has claimed this task meanwhile"));
			}
			if (cause instanceof MismatchingMessageCorrelationException || cause instanceof NullValueException
					|| isCorrelationRace(cause) || isCompletionRace(cause)) {
				return Optional.of(new ConflictException(
						"The item has moved on meanwhile (its step is done or gone); read it again"));
			}
		}
		return Optional.empty();
	}

	/**
	 * Our database went away: the pool found no connection in time, or the server broke
	 * the connection or is restarting.
	 */
	private static boolean isDatabaseGone(Throwable failure) {
		if (failure instanceof SQLTransientConnectionException) {
			return true;
		}
		if (failure instanceof SQLException sql && sql.getSQLState() != null) {
			return sql.getSQLState().startsWith("08") || GONE_STATES.contains(sql.getSQLState());
		}
		// Hikari's stand-in for a connection it evicted once it broke, without a state:
		// the
		// rollback after the failure meets it, and its error is all the caller gets
		return failure instanceof SQLException sql && HIKARI_CLOSED.equals(sql.getMessage());
	}

	/**
	 * A task completed by two people at once: the engine reads the task, then its
	 * execution; when the other completion commits in between, the execution already
	 * waits at the next step, and leaving that step with the first step's decision finds
	 * no way out of the next gateway ({@code ENGINE-02004}). Our gateways route on
	 * decisions the task's guard checked, so only this race gets there.
	 */
	private static boolean isCompletionRace(Throwable failure) {
		return failure instanceof ProcessEngineException && failure.getMessage() != null
				&& failure.getMessage().startsWith(STUCK_AT_GATEWAY);
	}

	/**
	 * The engine's message correlation finds the waiting subscription, then reads its
	 * execution; when another transaction has ended that execution in between (committed
	 * after the first read, before the second), the engine fails with a bare
	 * {@link NullPointerException} instead of a "nothing to correlate". The step moved on
	 * meanwhile: a conflict, like the other ways of saying it.
	 */
	private static boolean isCorrelationRace(Throwable failure) {
		if (failure instanceof NullPointerException) {
			StackTraceElement[] stack = failure.getStackTrace();
			return stack.length > 0 && stack[0].getClassName().equals(AbstractCorrelateMessageCmd.class.getName());
		}
		// the same race when the execution is read but its subscription is gone meanwhile
		return failure instanceof ProcessEngineException && failure.getMessage() != null
				&& failure.getMessage().contains(SUBSCRIPTION_GONE) && Arrays.stream(failure.getStackTrace())
					.anyMatch((frame) -> frame.getClassName().equals(MessageEventReceivedCmd.class.getName()));
	}

}
