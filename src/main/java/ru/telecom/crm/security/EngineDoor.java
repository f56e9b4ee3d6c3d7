package ru.telecom.crm.security;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import ru.telecom.crm.directory.Directory;
import ru.telecom.crm.directory.DirectoryUser;
import ru.telecom.crm.shared.BufferedBody;
import ru.telecom.crm.shared.ConflictException;
import ru.telecom.crm.shared.DomainException;
import ru.telecom.crm.shared.EngineCalls;
import ru.telecom.crm.shared.Failures;
import ru.telecom.crm.shared.ForbiddenException;
import ru.telecom.crm.shared.InvalidInputException;
import ru.telecom.crm.shared.KeycloakUnavailableException;
import ru.telecom.crm.shared.NotFoundException;

/**
 * DESIGN §3 at the engine's own doors ({@link EngineRoute}): what Tasklist, Cockpit and
 * the engine REST API let a person do is what {@code /api} lets them do. Administrators
 * pass. Everyone else may read what the engine's authorizations show them, claim a task
 * of their queue for themselves, give back their own, complete their own task with the
 * fields of its form (checked against the form), open a request from the start form,
 * retry a failed job and change their own password; everything else is refused. And
 * whoever calls, a conflict or a refused input is answered as such, not as a 500.
 */
final class EngineDoor extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(EngineDoor.class);

	private static final ObjectMapper JSON = new ObjectMapper();

	/** What a form's fields can come to, with room to spare; the API's limit. */
	private static final long MAX_BODY = 1024 * 1024;

	/** Start options a start form does not have. */
	private static final List<String> START_OPTIONS = List.of("businessKey", "caseInstanceId", "startInstructions",
			"skipCustomListeners", "skipIoMappings");

	private final ProcessEngine engine;

	private final Directory directory;

	EngineDoor(ProcessEngine engine, Directory directory) {
		this.engine = engine;
		this.directory = directory;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		EngineRoute route = EngineRoute.of(request.getMethod(), path).orElse(null);
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		if (route == null || route.action() == EngineRoute.Action.READ || caller == null || !caller.isAuthenticated()
				|| caller instanceof AnonymousAuthenticationToken) {
			chain.doFilter(request, response);
			return;
		}
		// asked of the directory's user, as the access policy asks it; no authority
		// strings
		// signing in and out asks nothing of the directory: the engine's own login
		// decides
		boolean admin = false;
		if (route.action() != EngineRoute.Action.SIGN_IN) {
			try {
				admin = this.directory.findUser(caller.getName()).map(DirectoryUser::isAdmin).orElse(false);
			}
			catch (KeycloakUnavailableException ex) {
				// a user the directory never read, while Keycloak is down
				ProblemResponses.keycloakUnavailable(response);
				return;
			}
		}
		HttpServletRequest passing = request;
		if (!admin && isRefusedWhateverTheBody(route)) {
			// before the body is read: a file sent to Camunda's attachments is refused as
			// such, not as too large or as unreadable JSON
			DomainException ex = refusal(route);
			log.info("Refused {} {} to {}: {}", request.getMethod(), path, caller.getName(), ex.getMessage());
			ProblemResponses.write(response, ex.kind().status(), ex.kind().slug(), ex.getMessage(), Map.of());
			return;
		}
		if (!admin) {
			BufferedBody read = BufferedBody.read(request, MAX_BODY);
			if (read == null) {
				ProblemResponses.write(response, 413, "payload-too-large",
						"The request body is over " + MAX_BODY + " bytes", Map.of());
				return;
			}
			byte[] body = read.bytes();
			try {
				JsonNode checked = check(route, caller.getName(),
						(body.length > 0) ? JSON.readTree(body) : MissingNode.getInstance());
				if (checked != null) {
					body = JSON.writeValueAsBytes(checked);
				}
			}
			catch (DomainException ex) {
				log.info("Refused {} {} to {}: {} {}", request.getMethod(), path, caller.getName(), ex.getMessage(),
						ex.fieldErrors());
				ProblemResponses.write(response, ex.kind().status(), ex.kind().slug(), ex.getMessage(),
						ex.fieldErrors());
				return;
			}
			catch (IOException ex) {
				ProblemResponses.write(response, 400, "validation", "The request body is not readable JSON", Map.of());
				return;
			}
			passing = BufferedBody.of(request, body);
		}
		answerFailuresAsSuch(route, caller.getName(), passing, response, chain);
	}

	/**
	 * Whether a non-administrator may do this; a domain error says why not. A completion
	 * comes back without the read-only fields Tasklist sends as they were (they write
	 * nothing); otherwise {@code null}: the body passes as it is.
	 */
	private JsonNode check(EngineRoute route, String caller, JsonNode body) {
		switch (route.action()) {
			case CLAIM -> {
				if (!caller.equals(body.path("userId").asText(null))) {
					throw refused("A task is claimed for oneself; managers assign engineers with the task's form");
				}
			}
			case UNCLAIM -> ownTask(route.id(), caller, "give it back");
			case COMPLETE -> {
				Task task = ownTask(route.id(), caller, "complete it");
				FormFields fields = fieldsOf(task.getCamundaFormRef(), "task '" + task.getName() + "'");
				return checked(fields, body, (missing) -> mayBeOpenOnAnEarlierForm(task, missing));
			}
			case START_BY_KEY, START_BY_ID -> {
				for (String option : START_OPTIONS) {
					JsonNode value = body.path(option);
					boolean unset = value.isMissingNode() || value.isNull()
							|| (value.isTextual() && value.asText().isEmpty())
							|| (value.isBoolean() && !value.asBoolean());
					if (!unset) {
						throw new InvalidInputException(option,
								"is set by the app, not by the one who starts the process");
					}
				}
				ProcessDefinition definition = definition(route);
				CamundaFormRef form = EngineCalls.asApp(this.engine,
						() -> this.engine.getFormService().getStartFormData(definition.getId()).getCamundaFormRef());
				if (form == null) {
					throw refused("'" + definition.getName() + "' is started by the app, not from a form");
				}
				return checked(fieldsOf(form, "process '" + definition.getName() + "'"), body, (missing) -> false);
			}
			case OWN_PASSWORD -> {
				if (!caller.equals(route.id())) {
					throw refused("Only administrators change another user's password");
				}
			}
			case RETRY_JOB, SIGN_IN, READ -> {
				// the engine's authorizations decide
			}
			case ADMINISTRATOR, ENGINE_NOTES -> throw refusal(route);
		}
		return null;
	}

	private static boolean isRefusedWhateverTheBody(EngineRoute route) {
		return route.action() == EngineRoute.Action.ADMINISTRATOR || route.action() == EngineRoute.Action.ENGINE_NOTES;
	}

	private static DomainException refusal(EngineRoute route) {
		if (route.action() == EngineRoute.Action.ENGINE_NOTES) {
			return refused("Camunda's task comments and attachments are not used: notes and files go on the"
					+ " request or incident, in the console (the task form links to it) or through /api");
		}
		return refused("Only administrators may do this through the engine's API;"
				+ " use the task's form, the console or /api");
	}

	private Task ownTask(String taskId, String caller, String action) {
		Task task = EngineCalls.asApp(this.engine,
				() -> this.engine.getTaskService()
					.createTaskQuery()
					.taskId(taskId)
					.initializeFormKeys()
					.singleResult());
		if (task == null) {
			throw new NotFoundException("Task", taskId);
		}
		if (!Objects.equals(task.getAssignee(), caller)) {
			throw refused("Claim the task first: only its assignee may " + action);
		}
		return task;
	}

	private ProcessDefinition definition(EngineRoute route) {
		ProcessDefinition definition = EngineCalls.asApp(this.engine, () -> {
			var query = this.engine.getRepositoryService().createProcessDefinitionQuery();
			return (route.action() == EngineRoute.Action.START_BY_KEY)
					? query.processDefinitionKey(route.id()).latestVersion().singleResult()
					: query.processDefinitionId(route.id()).singleResult();
		});
		if (definition == null) {
			throw new NotFoundException("Process definition", route.id());
		}
		return definition;
	}

	/**
	 * The body the engine gets: the form's fields, checked, and nothing else of what was
	 * sent. Read-only fields, which Tasklist sends back as it shows them, are left out:
	 * they write nothing.
	 */
	private static JsonNode checked(FormFields fields, JsonNode body, Predicate<Set<String>> earlierForm) {
		JsonNode sent = body.path("variables");
		ObjectNode variables = JSON.createObjectNode();
		if (sent.isObject()) {
			sent.fields().forEachRemaining((field) -> {
				if (!fields.shown().contains(field.getKey())) {
					variables.set(field.getKey(), field.getValue());
				}
			});
		}
		else if (!sent.isMissingNode() && !sent.isNull()) {
			throw new InvalidInputException("variables", "must be an object of named values");
		}
		Map<String, String> errors = fields.errorsIn(variables);
		if (!errors.isEmpty() && !(fields.errorsIn(variables, true).isEmpty() && earlierForm.test(errors.keySet()))) {
			throw new InvalidInputException("The form's fields were not filled in as the form asks", errors);
		}
		for (String name : fields.transientFields()) {
			if (variables.get(name) instanceof ObjectNode variable) {
				// read by the task's listeners in this command, never stored
				if (!variable.hasNonNull("type") && variable.path("value").isTextual()) {
					variable.put("type", "String");
				}
				variable.set("valueInfo", JSON.createObjectNode().put("transient", true));
			}
		}
		ObjectNode passed = JSON.createObjectNode();
		passed.set("variables", variables);
		if (body.path("withVariablesInReturn").isBoolean()) {
			passed.set("withVariablesInReturn", body.get("withVariablesInReturn"));
		}
		return passed;
	}

	private static FormFields fieldsOf(CamundaFormRef form, String what) {
		return (form != null) ? FormFields.of(form.getKey()) : FormFields.none(what);
	}

	/**
	 * Whether the task may be open in Tasklist on an earlier form, one without these
	 * fields (which the form hides until a choice shows them): the task was made before
	 * the model it now runs on was deployed (the deploy-time migration moved it there),
	 * or the form of its own deployment lacks them (an item left on its earlier version).
	 * Such a task is completed without them, as its form allowed; the form asks for them
	 * once the task is opened again. Asked only when they are missing.
	 */
	private boolean mayBeOpenOnAnEarlierForm(Task task, Set<String> missing) {
		if (task.getCamundaFormRef() == null) {
			return false;
		}
		String formFile = task.getCamundaFormRef().getKey() + ".form";
		RepositoryService repository = this.engine.getRepositoryService();
		ProcessDefinition definition = EngineCalls.asApp(this.engine,
				() -> repository.getProcessDefinition(task.getProcessDefinitionId()));
		Deployment deployment = EngineCalls.asApp(this.engine,
				() -> repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult());
		if (deployment == null) {
			return false;
		}
		if (task.getCreateTime().before(deployment.getDeploymentTime())) {
			return true;
		}
		String resource = EngineCalls
			.asApp(this.engine, () -> repository.getDeploymentResourceNames(deployment.getId()))
			.stream()
			.filter((name) -> name.equals(formFile) || name.endsWith("/" + formFile))
			.findFirst()
			.orElse(null);
		if (resource == null) {
			return false;
		}
		try (InputStream form = EngineCalls.asApp(this.engine,
				() -> repository.getResourceAsStream(deployment.getId(), resource))) {
			return !FormFields.read(form, resource).keys().containsAll(missing);
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static DomainException refused(String why) {
		return new ForbiddenException(why);
	}

	/** Whether the route's task is gone (a task route only). */
	private boolean isGone(EngineRoute route) {
		boolean taskRoute = route.action() == EngineRoute.Action.COMPLETE || route.action() == EngineRoute.Action.CLAIM
				|| route.action() == EngineRoute.Action.UNCLAIM;
		return taskRoute && EngineCalls.asApp(this.engine,
				() -> this.engine.getTaskService().createTaskQuery().taskId(route.id()).count() == 0);
	}

	/**
	 * Whether someone else holds the task now and it waits in a queue of the caller's:
	 * the caller lost a race for it. Whoever never had it in a queue learns nothing.
	 */
	private boolean claimedFromTheQueueOf(String taskId, String caller) {
		Set<String> queues = this.directory.findUser(caller).map(DirectoryUser::groups).orElse(Set.of());
		return EngineCalls.asApp(this.engine, () -> {
			TaskService tasks = this.engine.getTaskService();
			Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
			if (task == null || task.getAssignee() == null || task.getAssignee().equals(caller)) {
				return false;
			}
			return tasks.getIdentityLinksForTask(taskId)
				.stream()
				.anyMatch((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
						&& queues.contains(link.getGroupId()));
		});
	}

	/**
	 * The engine answers every failure it does not know with a 500; a conflict or a
	 * refused input is told as such instead, the same way {@code /api} tells it.
	 */
	private void answerFailuresAsSuch(EngineRoute route, String caller, HttpServletRequest request,
			HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
		ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
		EngineFailures.forget();
		try {
			chain.doFilter(request, buffered);
			DomainException meaning = (buffered.getStatus() >= 500 && EngineFailures.last() != null)
					? Failures.meaningOf(EngineFailures.last()).orElse(null) : null;
			if (buffered.getStatus() == 403 && isGone(route)) {
				// the task was completed meanwhile and its grants went with it
				meaning = new ConflictException("The task was completed meanwhile; nothing was changed");
			}
			else if (buffered.getStatus() == 403 && route.action() == EngineRoute.Action.CLAIM
					&& claimedFromTheQueueOf(route.id(), caller)) {
				// the other claim committed first and took the queue's grant with it
				meaning = new ConflictException("Someone else has claimed this task meanwhile; nothing was changed");
			}
			if (meaning != null) {
				buffered.resetBuffer();
				ProblemResponses.write(buffered, meaning.kind().status(), meaning.kind().slug(), meaning.getMessage(),
						meaning.fieldErrors());
			}
		}
		finally {
			EngineFailures.forget();
			buffered.copyBodyToResponse();
		}
	}

}
