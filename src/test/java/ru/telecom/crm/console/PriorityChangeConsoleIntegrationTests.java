package ru.telecom.crm.console;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.incident.IncidentActions;
import ru.telecom.crm.incident.IncidentApi;
import ru.telecom.crm.incident.IncidentApi.TransitionDetails;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.servicerequest.OpenRequest;
import ru.telecom.crm.servicerequest.RequestActions;
import ru.telecom.crm.servicerequest.ServiceRequestApi;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.support.AsUser;
import ru.telecom.crm.support.ConsoleSession;
import ru.telecom.crm.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "Change priority" form of the request and incident pages (issue 15, item 1): for
 * whoever may change the item, refused on its field with what was typed kept, in English
 * and Russian; a request's change reaches its incident.
 */
@PostgresIntegrationTest
class PriorityChangeConsoleIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	RequestActions requestActions;

	@Autowired
	IncidentActions incidentActions;

	@Autowired
	ServiceRequestApi requests;

	@Autowired
	IncidentApi incidents;

	@Autowired
	IdentityService identity;

	@Test
	void theAgentChangesTheRequestsPriorityWithAReasonAndItsIncidentFollows() throws Exception {
		ServiceRequestView request = as("anna", () -> this.requestActions.open(request()));
		IncidentView incident = as("anna", () -> this.requestActions.openIncident(request.id(), 1001));
		ConsoleSession anna = ConsoleSession.signedIn(this.port, "anna");
		String page = anna.get("/requests/" + request.id()).body();
		assertThat(page).contains("Change priority").containsPattern("<option value=\"NORMAL\" selected");

		HttpResponse<String> refused = anna.post("/requests/" + request.id() + "/priority",
				Map.of("priority", "HIGH", "reason", "   "));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).containsPattern("<details id=\"change-priority\"[^>]* open")
			.containsPattern("<option value=\"HIGH\" selected")
			.containsPattern("id=\"priority-reason\"[^>]*aria-invalid=\"true\"")
			.containsPattern("id=\"priority-reason\"[^>]*aria-describedby=\"priority-reason-error\"")
			.contains("id=\"priority-reason-error\"")
			.contains("Say why the priority changes.");
		assertThat(this.requests.find(request.id()).orElseThrow().priority()).isEqualTo(Priority.NORMAL);

		HttpResponse<String> changed = anna.post("/requests/" + request.id() + "/priority",
				Map.of("priority", "HIGH", "reason", "The whole street & the school"));

		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(anna.get("/requests/" + request.id()).body()).contains("The priority is changed.")
			.contains("Priority changed")
			.contains("NORMAL → HIGH: The whole street &amp; the school");
		assertThat(this.incidents.find(incident.id()).orElseThrow().priority()).isEqualTo(Priority.HIGH);
		assertThat(anna.get("/incidents/" + incident.id()).body()).as("read-only to the agent")
			.doesNotContain("change-priority")
			.contains("NORMAL → HIGH: The whole street &amp; the school");
	}

	@Test
	void thePriorityTheIncidentHasIsRefusedOnItsFieldKeepingTheReasonInRussianToo() throws Exception {
		ServiceRequestView request = as("anna", () -> this.requestActions.open(request()));
		IncidentView incident = as("anna", () -> this.requestActions.openIncident(request.id(), 1001));
		as("olga", () -> this.incidentActions.changeStatus(incident.id(), IncidentStatus.ASSIGNED,
				new TransitionDetails("ivan", null, null)));
		ConsoleSession ivan = ConsoleSession.signedIn(this.port, "ivan");
		assertThat(ivan.get("/incidents/" + incident.id() + "?lang=ru").body()).contains("Изменить приоритет");

		HttpResponse<String> same = ivan.post("/incidents/" + incident.id() + "/priority",
				Map.of("priority", "NORMAL", "reason", "Kept as typed"));

		assertThat(same.statusCode()).isEqualTo(409);
		assertThat(same.body()).containsPattern("id=\"new-priority\"[^>]*aria-invalid=\"true\"")
			.contains("Приоритет уже такой; выберите другой.")
			.contains(">Kept as typed</textarea>");
		HttpResponse<String> none = ivan.post("/incidents/" + incident.id() + "/priority",
				Map.of("priority", "URGENT", "reason", "Kept again"));
		assertThat(none.statusCode()).isEqualTo(400);
		assertThat(none.body()).contains("Выберите новый приоритет.").contains(">Kept again</textarea>");

		assertThat(ivan
			.post("/incidents/" + incident.id() + "/priority", Map.of("priority", "CRITICAL", "reason", "Node down"))
			.statusCode()).isEqualTo(302);
		assertThat(this.incidents.find(incident.id()).orElseThrow().priority()).isEqualTo(Priority.CRITICAL);
		assertThat(ivan.get("/incidents/" + incident.id()).body()).contains("Приоритет изменён.")
			.contains("Изменён приоритет");
		assertThat(ConsoleSession.signedIn(this.port, "sergey")
			.post("/incidents/" + incident.id() + "/priority", Map.of("priority", "LOW", "reason", "not mine"))
			.statusCode()).as("an engineer of another group").isEqualTo(404);
		assertThat(this.incidents.find(incident.id()).orElseThrow().priority()).isEqualTo(Priority.CRITICAL);
	}

	private static OpenRequest request() {
		return new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"), "No internet", null);
	}

	private <T> T as(String user, Supplier<T> work) {
		return new AsUser(this.identity).get(user, work);
	}

	private void as(String user, Runnable work) {
		new AsUser(this.identity).run(user, work);
	}

}
