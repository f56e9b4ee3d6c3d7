package ru.telecom.crm.shared;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is making the change now: the user Camunda knows (Tasklist, engine REST, our API),
 * else the user Spring Security knows, else {@value #SYSTEM} (the engine's own jobs).
 */
@Component
public class CurrentActor {

	/** The actor of changes nobody made by hand. */
	public static final String SYSTEM = "system";

	private final IdentityService identity;

	public CurrentActor(IdentityService identity) {
		this.identity = identity;
	}

	public String id() {
		Authentication camunda = this.identity.getCurrentAuthentication();
		if (camunda != null && camunda.getUserId() != null) {
			return camunda.getUserId();
		}
		var spring = SecurityContextHolder.getContext().getAuthentication();
		if (spring != null && spring.isAuthenticated() && spring.getName() != null
				&& !"anonymousUser".equals(spring.getName())) {
			return spring.getName();
		}
		return SYSTEM;
	}

}
