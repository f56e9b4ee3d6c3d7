package ru.telecom.crm.security;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request to one of the engine's own doors and what it would do there, as DESIGN §3
 * sees it. The doors: the engine REST API ({@code /engine-rest}, also as
 * {@code /engine-rest/engine/<name>}), the same API under
 * {@code /camunda/api/engine/engine/<name>} that Tasklist and Cockpit call, and the
 * webapps' plugin APIs ({@code /camunda/api/cockpit|tasklist|admin|welcome}).
 * <p>
 * Everything not named here as something a non-administrator may do is an
 * administrator's: a new endpoint of a new engine version is closed until it is named.
 *
 * @param action what the request does
 * @param id the task, definition, job or user it names ({@code null} if none)
 */
record EngineRoute(Action action, String id) {

	/** What a request to the engine does. */
	enum Action {

		/** Reads: the engine's authorizations decide what it shows. */
		READ,
		/** The caller takes a task of their queue. */
		CLAIM,
		/** The assignee gives a task back to its queue. */
		UNCLAIM,
		/** The assignee completes a task with the fields of its form. */
		COMPLETE,
		/** A new request from a process's start form, by definition key. */
		START_BY_KEY,
		/** A new request from a process's start form, by definition id. */
		START_BY_ID,
		/** A failed job is tried again (managers in Cockpit). */
		RETRY_JOB,
		/** Users change their own password in the embedded default. */
		OWN_PASSWORD,
		/**
		 * Camunda's own task and instance comments and task attachments: refused to all
		 * but administrators, for ours are the only notes (the console, {@code /api}).
		 */
		ENGINE_NOTES,
		/** Signing in and out of the webapps. */
		SIGN_IN,
		/** For administrators only. */
		ADMINISTRATOR

	}

	private static final Pattern ENGINE_REST = Pattern.compile("^/engine-rest(?:/engine/[^/]+)?(/.*)?$");

	private static final Pattern WEBAPP_ENGINE = Pattern.compile("^/camunda/api/engine/engine/[^/]+(/.*)?$");

	private static final Pattern WEBAPP_PLUGIN = Pattern
		.compile("^/camunda/api/(cockpit|tasklist|admin|welcome)(/.*)?$");

	/** Queries sent as POST: still reads. */
	private static final List<Pattern> QUERIES = List.of(Pattern.compile("^/task(/count)?$"),
			Pattern.compile("^/filter/[^/]+/(list|count|singleResult)$"),
			Pattern.compile("^/(process-instance|execution|job|variable-instance|external-task|event-subscription"
					+ "|incident|process-definition|deployment|decision-definition|job-definition|batch)(/count)?$"),
			Pattern.compile("^/history/(process-instance|activity-instance|task|variable-instance|detail|incident"
					+ "|job-log|user-operation|identity-link-log|external-task-log|decision-instance)(/count)?$"));

	/** Camunda's comments and attachments, whatever is done to them but reading. */
	private static final Pattern ENGINE_NOTES = Pattern
		.compile("^/(task|process-instance)(?:/[^/]+)?/(comment|attachment)(?:/.*)?$");

	private static final List<Rule> WRITES = List.of(new Rule("POST", "^/task/([^/]+)/claim$", Action.CLAIM),
			new Rule("POST", "^/task/([^/]+)/unclaim$", Action.UNCLAIM),
			new Rule("POST", "^/task/([^/]+)/(complete|submit-form)$", Action.COMPLETE),
			new Rule("POST", "^/process-definition/key/([^/]+)(?:/tenant-id/[^/]+)?/(start|submit-form)$",
					Action.START_BY_KEY),
			new Rule("POST", "^/process-definition/(?!key/)([^/]+)/(start|submit-form)$", Action.START_BY_ID),
			new Rule("PUT", "^/job/([^/]+)/retries$", Action.RETRY_JOB),
			new Rule("PUT", "^/user/([^/]+)/credentials$", Action.OWN_PASSWORD));

	/**
	 * The route of a request, if it goes to one of the engine's doors.
	 * @param path the request's path inside the application, not decoded
	 */
	static Optional<EngineRoute> of(String method, String path) {
		Matcher rest = ENGINE_REST.matcher(path);
		Matcher webapp = WEBAPP_ENGINE.matcher(path);
		if (rest.matches() || webapp.matches()) {
			String inside = rest.matches() ? rest.group(1) : webapp.group(1);
			return Optional.of(engine(method, (inside != null) ? inside : "/"));
		}
		Matcher plugin = WEBAPP_PLUGIN.matcher(path);
		if (plugin.matches()) {
			String inside = (plugin.group(2) != null) ? plugin.group(2) : "/";
			return Optional.of(plugin(method, plugin.group(1), inside));
		}
		return Optional.empty();
	}

	private static EngineRoute engine(String method, String path) {
		if (isRead(method)) {
			return new EngineRoute(Action.READ, null);
		}
		if ("POST".equals(method) && QUERIES.stream().anyMatch((query) -> query.matcher(path).matches())) {
			return new EngineRoute(Action.READ, null);
		}
		if (ENGINE_NOTES.matcher(path).matches()) {
			return new EngineRoute(Action.ENGINE_NOTES, null);
		}
		for (Rule rule : WRITES) {
			Matcher matcher = rule.pattern().matcher(path);
			if (rule.method().equals(method) && matcher.matches()) {
				return new EngineRoute(rule.action(), matcher.group(1));
			}
		}
		return new EngineRoute(Action.ADMINISTRATOR, null);
	}

	private static EngineRoute plugin(String method, String app, String path) {
		if ("admin".equals(app) && path.startsWith("/auth/")) {
			return new EngineRoute(Action.SIGN_IN, null);
		}
		if (isRead(method)) {
			return new EngineRoute(Action.READ, null);
		}
		// Cockpit's plugin API posts only queries (instances, incidents, called
		// processes)
		if ("cockpit".equals(app) && "POST".equals(method) && path.startsWith("/plugin/")) {
			return new EngineRoute(Action.READ, null);
		}
		return new EngineRoute(Action.ADMINISTRATOR, null);
	}

	private static boolean isRead(String method) {
		return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
	}

	private record Rule(String method, Pattern pattern, Action action) {

		Rule(String method, String pattern, Action action) {
			this(method, Pattern.compile(pattern), action);
		}

	}

}
