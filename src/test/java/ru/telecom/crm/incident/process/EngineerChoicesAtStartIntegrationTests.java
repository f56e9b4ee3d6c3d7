package ru.telecom.crm.incident.process;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.servicerequest.OpenRequest;
import ru.telecom.crm.servicerequest.RequestActions;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.shared.ModelUpgrades;
import ru.telecom.crm.support.AsUser;
import ru.telecom.crm.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An "Assign an engineer" task made before the engineer picker existed has no choices for
 * its select; the start gives it its work group's, and leaves the others as they are.
 */
@PostgresIntegrationTest
class EngineerChoicesAtStartIntegrationTests {

	@Autowired
	EngineerChoicesAtStart atStart;

	@Autowired
	ModelUpgrades upgrades;

	@Autowired
	RepositoryService repository;

	@Autowired
	RequestActions requestActions;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Test
	void anAssignmentTaskMadeBeforeThePickerGetsItsGroupsEngineersAtStart() {
		deploy("earlier-models/IncidentProcess-input-parameters.bpmn",
				"earlier-models/ServiceRequestProcess-input-parameters.bpmn",
				"earlier-models/AssignEngineer-earlier.form");
		String before = assignmentTaskOf(as("anna", () -> this.requestActions
			.openIncident(as("anna", () -> this.requestActions.open(request())).id(), 1001)));
		String after = assignmentTaskOf(as("anna", () -> this.requestActions
			.openIncident(as("anna", () -> this.requestActions.open(request())).id(), 1001)));
		// the app of then had no picker: its task was made without the choices
		this.tasks.removeVariableLocal(before, EngineerChoicesListener.ENGINEER_CHOICES);
		Object kept = String.valueOf(this.tasks.getVariableLocal(after, EngineerChoicesListener.ENGINEER_CHOICES));
		assertThat(this.tasks.getVariableLocal(before, EngineerChoicesListener.ENGINEER_CHOICES)).isNull();

		deploy("processes/IncidentProcess.bpmn", "processes/ServiceRequestProcess.bpmn", "forms/AssignEngineer.form");
		this.upgrades.migrateToLatest();
		int given = this.atStart.giveChoicesToTasksWithout();

		assertThat(given).isEqualTo(1);
		assertThat(String.valueOf(this.tasks.getVariableLocal(before, EngineerChoicesListener.ENGINEER_CHOICES)))
			.contains("\"value\":\"petr\"")
			.contains("\"value\":\"ivan\"")
			.doesNotContain("sergey");
		assertThat(String.valueOf(this.tasks.getVariableLocal(after, EngineerChoicesListener.ENGINEER_CHOICES)))
			.isEqualTo(kept);
		assertThat(this.atStart.giveChoicesToTasksWithout()).as("the next start finds nothing to do").isZero();
	}

	private String assignmentTaskOf(IncidentView incident) {
		return this.tasks.createTaskQuery().processInstanceId(incident.processInstanceId()).singleResult().getId();
	}

	private void deploy(String... resources) {
		DeploymentBuilder deployment = this.repository.createDeployment()
			.name(getClass().getSimpleName())
			.enableDuplicateFiltering(false);
		for (String resource : resources) {
			try (InputStream model = new ClassPathResource(resource).getInputStream()) {
				deployment.addInputStream(resource.substring(resource.lastIndexOf('/') + 1)
					.replace("-input-parameters", "")
					.replace("-earlier", ""), model);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		deployment.deploy();
	}

	private static OpenRequest request() {
		return new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"), "Internet drops", null);
	}

	private <T> T as(String user, Supplier<T> work) {
		return new AsUser(this.identity).get(user, work);
	}

}
