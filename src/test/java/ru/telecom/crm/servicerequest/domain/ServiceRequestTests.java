package ru.telecom.crm.servicerequest.domain;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import ru.telecom.crm.servicerequest.Channel;
import ru.telecom.crm.servicerequest.CloseReason;
import ru.telecom.crm.servicerequest.RequestStatus;
import ru.telecom.crm.shared.IllegalTransitionException;
import ru.telecom.crm.shared.Priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service request's state machine: {@code NEW → IN_PROGRESS → CLOSED}. */
class ServiceRequestTests {

	private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

	@Test
	void aNewRequestClosesWithoutAnIncidentOnly() {
		assertThatThrownBy(() -> request().close(CloseReason.INCIDENT_CLOSED, NOW))
			.isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> request().close(CloseReason.INCIDENT_UNLINKED, NOW))
			.isInstanceOf(IllegalTransitionException.class);

		ServiceRequest request = request();
		request.close(CloseReason.NO_INCIDENT, NOW);

		assertThat(request.getStatus()).isEqualTo(RequestStatus.CLOSED);
		assertThat(request.view().closeReason()).isEqualTo(CloseReason.NO_INCIDENT);
		assertThat(request.view().closedAt()).isEqualTo(NOW);
	}

	@Test
	void aRequestInProgressClosesOnlyBecauseOfItsIncident() {
		for (CloseReason reason : new CloseReason[] { CloseReason.INCIDENT_CLOSED, CloseReason.INCIDENT_UNLINKED }) {
			ServiceRequest request = request();
			request.markInProgress();
			request.close(reason, NOW);
			assertThat(request.view().closeReason()).isEqualTo(reason);
		}
		ServiceRequest inProgress = request();
		inProgress.markInProgress();
		assertThatThrownBy(() -> inProgress.close(CloseReason.NO_INCIDENT, NOW))
			.isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(inProgress::markInProgress).isInstanceOf(IllegalTransitionException.class);
	}

	@Test
	void aClosedRequestStaysClosed() {
		ServiceRequest closed = request();
		closed.close(CloseReason.NO_INCIDENT, NOW);

		assertThatThrownBy(closed::markInProgress).isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> closed.close(CloseReason.NO_INCIDENT, NOW))
			.isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> closed.assignTo("boris")).isInstanceOf(IllegalTransitionException.class);
	}

	@Test
	void aRequestWithoutItsCallerCannotGetAnIncident() {
		ServiceRequest unidentified = withId(
				new ServiceRequest(Channel.SMS, Priority.NORMAL, null, "system", null, null, null, "help", NOW));

		assertThatThrownBy(unidentified::markInProgress).isInstanceOf(IllegalTransitionException.class)
			.hasMessageContaining("identify the caller");

		unidentified.bind(1L, 2L);
		unidentified.markInProgress();
		assertThat(unidentified.getStatus()).isEqualTo(RequestStatus.IN_PROGRESS);
		assertThatThrownBy(() -> unidentified.bind(3L, 4L)).isInstanceOf(IllegalTransitionException.class);
	}

	private static ServiceRequest request() {
		return withId(
				new ServiceRequest(Channel.PHONE, Priority.NORMAL, "no internet", "anna", "anna", 1L, 2L, null, NOW));
	}

	private static ServiceRequest withId(ServiceRequest request) {
		ReflectionTestUtils.setField(request, "id", 42L);
		return request;
	}

}
