package ru.telecom.crm.security;

import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import ru.telecom.crm.incident.IncidentApi.TransitionDetails;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.support.AsUser;
import ru.telecom.crm.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's doors attacked through the engine REST API, with HTTP Basic. */
@PostgresIntegrationTest
class EngineRestDoorIntegrationTests extends EngineDoorScenario {

	@Override
	HttpHeaders as(String user) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, user);
		return headers;
	}

	@Override
	String engine() {
		return "/engine-rest";
	}

	/**
	 * An engineer of group 100 whose manager heads another department: handing the
	 * incident to a colleague takes it out of that manager's sight, in the engine as in
	 * {@code /api}.
	 */
	@Test
	void aManagerWhosePersonNoLongerHoldsTheIncidentLosesSightOfIt() {
		User zoe = this.identity.newUser("zoe");
		zoe.setPassword("zoe");
		this.identity.saveUser(zoe);
		try {
			this.identity.createMembership("zoe", "SL3User");
			this.identity.createMembership("zoe", "wg-100");
			this.identity.setUserInfo("zoe", "managerId", "elena");
			AsUser as = new AsUser(this.identity);
			ServiceRequestView request = as.get("anna", () -> this.requestActions.open(request("Line down")));
			IncidentView incident = as.get("anna", () -> this.requestActions.openIncident(request.id(), 1001));
			as.run("olga", () -> this.incidentActions.changeStatus(incident.id(), IncidentStatus.ASSIGNED,
					new TransitionDetails("zoe", null, null)));
			String process = incident.processInstanceId();
			assertThat(call("elena", "GET", "/process-instance/" + process, null).getStatusCode().value())
				.isEqualTo(200);

			as.run("olga", () -> this.incidentActions.changeStatus(incident.id(), IncidentStatus.ASSIGNED,
					new TransitionDetails("petr", null, null)));

			assertThat(call("elena", "GET", "/process-instance/" + process, null).getStatusCode().value()).isIn(403,
					404);
			String task = this.tasks.createTaskQuery().processInstanceId(process).singleResult().getId();
			assertThat(call("elena", "GET", "/task/" + task, null).getStatusCode().value()).isEqualTo(404);
			assertThat(call("olga", "GET", "/process-instance/" + process, null).getStatusCode().value())
				.isEqualTo(200);
		}
		finally {
			this.identity.deleteUser("zoe");
		}
	}

}
