package ru.telecom.crm.security;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The last failure of an engine command on this thread, kept so that the engine's doors
 * can answer a conflict or a refused input as such: the engine's REST API turns every
 * exception it does not know into a 500 and says no more than the exception's class.
 */
final class EngineFailures extends CommandInterceptor {

	private static final ThreadLocal<RuntimeException> LAST = new ThreadLocal<>();

	@Override
	public <T> T execute(Command<T> command) {
		try {
			return this.next.execute(command);
		}
		catch (RuntimeException ex) {
			LAST.set(ex);
			throw ex;
		}
	}

	/** The failure since the last {@link #forget()}, or {@code null}. */
	static RuntimeException last() {
		return LAST.get();
	}

	static void forget() {
		LAST.remove();
	}

}
