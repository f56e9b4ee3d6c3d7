package ru.telecom.crm.shared;

import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Calls into the process engine.
 * <ul>
 * <li>Our own failures surface as they are: the engine wraps an exception thrown by a
 * task listener in its own, and the API should answer "the narrative is missing", not
 * "exception while invoking TaskListener".</li>
 * <li>What the app does on a user's behalf after its own rules allowed it (a delegate
 * starting the incident's process, the API completing a task) runs without Camunda's
 * authorization checks, which guard Tasklist, Cockpit and the engine REST API; the user
 * stays the authenticated one, so history still names them.</li>
 * </ul>
 */
public final class EngineCalls {

	private EngineCalls() {
	}

	private static <T> T get(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (RuntimeException ex) {
			throw Failures.meaningOf(ex).map(RuntimeException.class::cast).orElse(ex);
		}
	}

	/** Inside an engine command (a delegate, a listener): the call, unchecked. */
	public static void asApp(Runnable call) {
		asApp(() -> {
			call.run();
			return null;
		});
	}

	/** Inside an engine command (a delegate, a listener): the call, unchecked. */
	public static <T> T asApp(Supplier<T> call) {
		CommandContext command = Context.getCommandContext();
		if (command == null) {
			throw new IllegalStateException("Not inside an engine command; use asApp(engine, call)");
		}
		boolean checking = command.isAuthorizationCheckEnabled();
		command.disableAuthorizationCheck();
		try {
			return call.get();
		}
		finally {
			if (checking) {
				command.enableAuthorizationCheck();
			}
		}
	}

	/**
	 * Outside the engine (our API): the calls in one engine transaction, unchecked, our
	 * failures surfaced.
	 */
	public static <T> T asApp(ProcessEngine engine, Supplier<T> call) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
			.getProcessEngineConfiguration();
		return get(() -> configuration.getCommandExecutorTxRequired().execute((command) -> {
			boolean checking = command.isAuthorizationCheckEnabled();
			command.disableAuthorizationCheck();
			try {
				return call.get();
			}
			finally {
				if (checking) {
					command.enableAuthorizationCheck();
				}
			}
		}));
	}

}
