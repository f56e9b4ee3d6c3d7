package ru.telecom.crm.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ru.telecom.crm.security.EngineRoute.Action;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which requests to the engine's doors do what: reads, the few writes people make, the
 * rest.
 */
class EngineRouteTests {

	@ParameterizedTest
	@CsvSource({ "GET, /engine-rest/task/1, READ, ", "POST, /engine-rest/task, READ, ",
			"POST, /engine-rest/task/count, READ, ", "POST, /camunda/api/engine/engine/default/filter/f1/list, READ, ",
			"POST, /engine-rest/history/variable-instance, READ, ", "POST, /engine-rest/process-instance, READ, ",
			"POST, /camunda/api/cockpit/plugin/base/default/process-instance, READ, ",
			"POST, /engine-rest/task/t1/claim, CLAIM, t1",
			"POST, /camunda/api/engine/engine/default/task/t1/unclaim, UNCLAIM, t1",
			"POST, /engine-rest/task/t1/complete, COMPLETE, t1",
			"POST, /engine-rest/engine/default/task/t1/submit-form, COMPLETE, t1",
			"POST, /engine-rest/process-definition/key/ServiceRequestProcess/start, START_BY_KEY, ServiceRequestProcess",
			"POST, /camunda/api/engine/engine/default/process-definition/key/ServiceRequestProcess/submit-form, START_BY_KEY, ServiceRequestProcess",
			"POST, /engine-rest/process-definition/ServiceRequestProcess:3:77/submit-form, START_BY_ID, ServiceRequestProcess:3:77",
			"PUT, /engine-rest/job/j1/retries, RETRY_JOB, j1",
			"PUT, /camunda/api/engine/engine/default/user/anna/credentials, OWN_PASSWORD, anna",
			"POST, /camunda/api/admin/auth/user/default/login/tasklist, SIGN_IN, ",
			"POST, /engine-rest/task/t1/assignee, ADMINISTRATOR, ",
			"POST, /engine-rest/task/t1/delegate, ADMINISTRATOR, ",
			"PUT, /engine-rest/task/t1/localVariables/x, ADMINISTRATOR, ",
			"POST, /engine-rest/task/t1/variables, ADMINISTRATOR, ",
			"POST, /engine-rest/task/t1/identity-links, ADMINISTRATOR, ", "PUT, /engine-rest/task/t1, ADMINISTRATOR, ",
			"DELETE, /engine-rest/task/t1, ADMINISTRATOR, ",
			"POST, /engine-rest/task/t1/comment/create, ENGINE_NOTES, ",
			"POST, /camunda/api/engine/engine/default/task/t1/comment/create, ENGINE_NOTES, ",
			"POST, /camunda/api/engine/engine/default/task/t1/attachment/create, ENGINE_NOTES, ",
			"DELETE, /engine-rest/task/t1/attachment/a1, ENGINE_NOTES, ",
			"DELETE, /engine-rest/task/t1/comment/c1, ENGINE_NOTES, ", "PUT, /engine-rest/task/comment, ENGINE_NOTES, ",
			"PUT, /engine-rest/process-instance/comment, ENGINE_NOTES, ",
			"DELETE, /engine-rest/process-instance/p1/comment, ENGINE_NOTES, ",
			"GET, /engine-rest/task/t1/comment, READ, ",
			"PUT, /engine-rest/process-instance/p1/variables/x, ADMINISTRATOR, ",
			"PUT, /engine-rest/process-instance/p1/suspended, ADMINISTRATOR, ",
			"POST, /engine-rest/process-instance/p1/modification, ADMINISTRATOR, ",
			"DELETE, /engine-rest/process-instance/p1, ADMINISTRATOR, ",
			"POST, /engine-rest/process-instance/delete, ADMINISTRATOR, ",
			"POST, /engine-rest/message, ADMINISTRATOR, ", "POST, /engine-rest/signal, ADMINISTRATOR, ",
			"POST, /engine-rest/job/retries, ADMINISTRATOR, ", "POST, /engine-rest/history/cleanup, ADMINISTRATOR, ",
			"POST, /engine-rest/history/process-instance/delete, ADMINISTRATOR, ",
			"POST, /engine-rest/deployment/create, ADMINISTRATOR, ", "POST, /engine-rest/user/create, ADMINISTRATOR, ",
			"POST, /camunda/api/admin/setup/default/user/create, ADMINISTRATOR, ",
			"POST, /camunda/api/tasklist/anything, ADMINISTRATOR, " })
	void eachRequestDoesWhatItsPathSays(String method, String path, Action action, String id) {
		EngineRoute route = EngineRoute.of(method, path).orElseThrow();

		assertThat(route.action()).isEqualTo(action);
		assertThat(route.id()).isEqualTo(id);
	}

	@ParameterizedTest
	@CsvSource({ "GET, /api/service-requests", "POST, /console/requests", "GET, /camunda/app/tasklist/" })
	void otherPathsAreNotTheEnginesDoors(String method, String path) {
		assertThat(EngineRoute.of(method, path)).isEmpty();
	}

}
