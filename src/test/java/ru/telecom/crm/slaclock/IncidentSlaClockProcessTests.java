package ru.telecom.crm.slaclock;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ru.telecom.crm.slaclock.SlaClockProcess.State;

import ru.telecom.crm.support.ProcessTestRetries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

/**
 * Every path of {@code IncidentSlaClock} on the engine alone, its step scripted: the
 * timer takes the next alarm's instant, a change wakes it whether it waits for an alarm
 * or for nothing, and a closed incident ends it. What the step sounds is the delegate's
 * to test.
 */
@Deployment(resources = "processes/IncidentSlaClock.bpmn")
class IncidentSlaClockProcessTests {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineExtension.builder()
		.configurationResource("camunda-unit.cfg.xml")
		.build();

	private static final Instant WARNING = Instant.parse("2026-11-02T09:48:00Z");

	private static final Instant BREACH = Instant.parse("2026-11-02T10:00:00Z");

	/** What each step answers, in turn: a state and the next alarm's instant. */
	private final Deque<Object[]> script = new ArrayDeque<>();

	private final List<String> steps = new ArrayList<>();

	@BeforeEach
	void scriptTheStep() {
		ProcessTestRetries.register();
		Mocks.register("soundSlaAlarmsDelegate", (JavaDelegate) (execution) -> {
			Object[] answer = this.script.removeFirst();
			this.steps.add(execution.getProcessBusinessKey() + " " + answer[0]);
			execution.setVariable(SlaClockProcess.CLOCK_STATE, Variables.stringValue(((State) answer[0]).name(), true));
			execution.setVariable(SlaClockProcess.NEXT_ALARM_AT,
					Variables.dateValue((answer[1] != null) ? Date.from((Instant) answer[1]) : null, true));
		});
	}

	@AfterEach
	void resetMocks() {
		Mocks.reset();
	}

	@Test
	void theEngineKeepsOnlyTheFailuresOfAClockInHistory() {
		// EngineTuning names the process below this module: the name must stay the
		// model's; what a clock did is in our activity rows
		org.assertj.core.api.Assertions.assertThat(ru.telecom.crm.shared.EngineTuning.COURIER_PROCESSES)
			.contains(SlaClockProcess.KEY);
	}

	@Test
	void theTimerWaitsForTheNextAlarmAndEachAlarmReadsTheClocksAgain() {
		this.script.add(new Object[] { State.RUNNING, WARNING });
		this.script.add(new Object[] { State.RUNNING, BREACH });
		this.script.add(new Object[] { State.STOPPED, null });
		ProcessInstance clock = runtimeService().startProcessInstanceByKey(SlaClockProcess.KEY, "1042");

		assertThat(clock).isWaitingAt(SlaClockProcess.GATEWAY_ALARM_OR_CHANGE);
		assertThat(job().getDuedate()).isEqualTo(Date.from(WARNING));
		execute(job());
		assertThat(clock).isWaitingAt(SlaClockProcess.GATEWAY_ALARM_OR_CHANGE);
		assertThat(job().getDuedate()).isEqualTo(Date.from(BREACH));
		execute(job());
		assertThat(clock).isEnded().hasPassed("Event_ClocksStopped");
		assertThat(this.steps).containsExactly("1042 RUNNING", "1042 RUNNING", "1042 STOPPED");
	}

	@Test
	void aChangeWhileAnAlarmIsAheadMovesTheTimer() {
		this.script.add(new Object[] { State.RUNNING, BREACH });
		this.script.add(new Object[] { State.RUNNING, WARNING });
		ProcessInstance clock = runtimeService().startProcessInstanceByKey(SlaClockProcess.KEY, "1042");

		runtimeService().createMessageCorrelation(SlaClockProcess.MESSAGE_CHANGED)
			.processInstanceBusinessKey("1042")
			.correlate();

		assertThat(clock).isWaitingAt(SlaClockProcess.GATEWAY_ALARM_OR_CHANGE);
		List<Job> timers = managementService().createJobQuery().processInstanceId(clock.getId()).list();
		assertThat(timers).singleElement().extracting(Job::getDuedate).isEqualTo(Date.from(WARNING));
	}

	@Test
	void aPausedClockWaitsForAChangeWithNoTimerAndRunsAgainAfterIt() {
		this.script.add(new Object[] { State.WAITING, null });
		this.script.add(new Object[] { State.RUNNING, BREACH });
		this.script.add(new Object[] { State.STOPPED, null });
		ProcessInstance clock = runtimeService().startProcessInstanceByKey(SlaClockProcess.KEY, "7");

		assertThat(clock).isWaitingAt("Event_ChangedWhileWaiting");
		assertThat(managementService().createJobQuery().processInstanceId(clock.getId()).count()).isZero();
		runtimeService().createMessageCorrelation(SlaClockProcess.MESSAGE_CHANGED)
			.processInstanceBusinessKey("7")
			.correlate();
		assertThat(clock).isWaitingAt(SlaClockProcess.GATEWAY_ALARM_OR_CHANGE);
		runtimeService().createMessageCorrelation(SlaClockProcess.MESSAGE_CHANGED)
			.processInstanceBusinessKey("7")
			.correlate();
		assertThat(clock).isEnded();
		assertThat(this.steps).containsExactly("7 WAITING", "7 RUNNING", "7 STOPPED");
	}

	@Test
	void aClockWithNothingToMeasureEndsAtOnce() {
		this.script.add(new Object[] { State.STOPPED, null });
		ProcessInstance clock = runtimeService().startProcessInstanceByKey(SlaClockProcess.KEY, "9");
		assertThat(clock).isEnded().hasPassed("Task_SoundAlarms", "Event_ClocksStopped");
	}

	@Test
	void aChangeReachesOnlyTheIncidentsOwnClock() {
		this.script.add(new Object[] { State.WAITING, null });
		this.script.add(new Object[] { State.WAITING, null });
		this.script.add(new Object[] { State.STOPPED, null });
		ProcessInstance first = runtimeService().startProcessInstanceByKey(SlaClockProcess.KEY, "1");
		ProcessInstance second = runtimeService().startProcessInstanceByKey(SlaClockProcess.KEY, "2");

		runtimeService().createMessageCorrelation(SlaClockProcess.MESSAGE_CHANGED)
			.processInstanceBusinessKey("2")
			.correlateAllWithResult();

		assertThat(second).isEnded();
		assertThat(first).isWaitingAt("Event_ChangedWhileWaiting");
	}

}
