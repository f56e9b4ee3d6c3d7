package ru.telecom.crm.shared;

import java.util.function.Supplier;

/**
 * Calls into the process engine that surface our own failures as they are: the engine
 * wraps an exception thrown by a task listener in its own, and the API should answer "the
 * narrative is missing", not "exception while invoking TaskListener".
 */
public final class EngineCalls {

	private EngineCalls() {
	}

	public static void run(Runnable call) {
		get(() -> {
			call.run();
			return null;
		});
	}

	public static <T> T get(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (RuntimeException ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof DomainException domain) {
					throw domain;
				}
			}
			throw ex;
		}
	}

}
