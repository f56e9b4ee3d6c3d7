package ru.telecom.crm.support;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;

/** Runs work as a user the engine knows, as Tasklist or our API would. */
public final class AsUser {

	private final IdentityService identity;

	public AsUser(IdentityService identity) {
		this.identity = identity;
	}

	public <T> T get(String user, Supplier<T> work) {
		return get(user, List.of(), work);
	}

	/** As the user with these groups, so that Camunda's authorizations apply. */
	public <T> T get(String user, List<String> groups, Supplier<T> work) {
		this.identity.setAuthentication(user, groups);
		try {
			return work.get();
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

	public void run(String user, Runnable work) {
		get(user, () -> {
			work.run();
			return null;
		});
	}

}
