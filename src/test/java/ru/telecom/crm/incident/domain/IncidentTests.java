package ru.telecom.crm.incident.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.test.util.ReflectionTestUtils;

import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.shared.IllegalTransitionException;
import ru.telecom.crm.shared.InvalidInputException;
import ru.telecom.crm.shared.Priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The incident's state machine: every move from every status. */
class IncidentTests {

	private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

	/** Each move of DESIGN §4 and the statuses it may start from. */
	private static final Map<String, Set<IncidentStatus>> ALLOWED_FROM = Map.of("assign",
			EnumSet.of(IncidentStatus.NEW, IncidentStatus.ASSIGNED, IncidentStatus.INWORK, IncidentStatus.ON_HOLD),
			"unassign", EnumSet.of(IncidentStatus.ASSIGNED), "start work", EnumSet.of(IncidentStatus.ASSIGNED), "hold",
			EnumSet.of(IncidentStatus.INWORK), "resume", EnumSet.of(IncidentStatus.ON_HOLD), "close",
			EnumSet.of(IncidentStatus.INWORK, IncidentStatus.ON_HOLD));

	private static final Map<String, Consumer<Incident>> MOVES = Map.of("assign", (i) -> i.assignTo("petr"), "unassign",
			Incident::unassign, "start work", Incident::startWork, "hold", (i) -> i.hold("parts"), "resume",
			Incident::resume, "close", (i) -> i.close("Fixed", NOW));

	@ParameterizedTest
	@EnumSource(IncidentStatus.class)
	void fromEachStatusOnlyTheDesignsMovesSucceed(IncidentStatus from) {
		MOVES.forEach((move, action) -> {
			Incident incident = in(from);
			if (ALLOWED_FROM.get(move).contains(from)) {
				action.accept(incident);
			}
			else {
				assertThatThrownBy(() -> action.accept(incident)).as("%s from %s", move, from)
					.isInstanceOf(IllegalTransitionException.class);
				assertThat(incident.getStatus()).isEqualTo(from);
			}
		});
	}

	@Test
	void assigningANewIncidentMakesItAssignedAndReassigningKeepsTheStatus() {
		Incident fresh = in(IncidentStatus.NEW);
		fresh.assignTo("ivan");
		Incident working = in(IncidentStatus.INWORK);
		working.assignTo("petr");

		assertThat(fresh.getStatus()).isEqualTo(IncidentStatus.ASSIGNED);
		assertThat(working.getStatus()).isEqualTo(IncidentStatus.INWORK);
		assertThat(working.getAssignee()).isEqualTo("petr");
	}

	@Test
	void closingNeedsTheNarrativeAndHoldingAReason() {
		Incident working = in(IncidentStatus.INWORK);

		assertThatThrownBy(() -> working.close(" ", NOW)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> working.hold(null)).isInstanceOf(InvalidInputException.class);
		assertThat(working.getStatus()).isEqualTo(IncidentStatus.INWORK);
	}

	@Test
	void unassigningForgetsTheEngineer() {
		Incident assigned = in(IncidentStatus.ASSIGNED);

		assigned.unassign();

		assertThat(assigned.getAssignee()).isNull();
	}

	@Test
	void anIncidentIsUnlinkedOnceAndNotWhenClosed() {
		Incident working = in(IncidentStatus.INWORK);
		working.unlink(NOW);

		assertThatThrownBy(() -> working.unlink(NOW)).isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> in(IncidentStatus.CLOSED).unlink(NOW)).isInstanceOf(IllegalTransitionException.class);
		assertThat(working.view().serviceRequestId()).isEqualTo(42L);
		assertThat(working.view().unlinkedAt()).isEqualTo(NOW);
	}

	private static Incident in(IncidentStatus status) {
		Incident incident = new Incident(42L, 1L, 1L, 1L, Priority.NORMAL, "anna", NOW);
		ReflectionTestUtils.setField(incident, "id", 7L);
		if (status == IncidentStatus.NEW) {
			return incident;
		}
		incident.assignTo("ivan");
		if (status != IncidentStatus.ASSIGNED) {
			incident.startWork();
		}
		if (status == IncidentStatus.ON_HOLD) {
			incident.hold("customer away");
		}
		if (status == IncidentStatus.CLOSED) {
			incident.close("Done", NOW);
		}
		return incident;
	}

}
