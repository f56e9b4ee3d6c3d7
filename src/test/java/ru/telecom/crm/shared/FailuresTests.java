package ru.telecom.crm.shared;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTests {

	@Test
	void theEnginesCorrelationRaceIsAConflict() {
		NullPointerException race = new NullPointerException("execution is null");
		race.setStackTrace(new StackTraceElement[] { new StackTraceElement(AbstractCorrelateMessageCmd.class.getName(),
				"createMessageCorrelationResult", "x.java", 119) });

		assertThat(Failures.meaningOf(new IllegalStateException("wrapped", race)))
			.hasValueSatisfying((meaning) -> assertThat(meaning).isInstanceOf(ConflictException.class));
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

}
