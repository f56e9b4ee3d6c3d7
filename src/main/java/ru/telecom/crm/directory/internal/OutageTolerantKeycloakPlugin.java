package ru.telecom.crm.directory.internal;

import java.time.Duration;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.extension.keycloak.KeycloakIdentityProviderFactory;
import org.camunda.bpm.extension.keycloak.plugin.KeycloakIdentityProviderPlugin;

/**
 * The Camunda Keycloak identity plugin, its user and group queries answered from
 * {@link OutageTolerantQueryCache}: while Keycloak is down, Tasklist's periodic check of
 * a signed-in user's groups and the engine's look-ups of users and groups it asked about
 * before go on. Password checks keep the plugin's own cache (fresh answers only): an old
 * password is never accepted on the strength of an outage.
 */
class OutageTolerantKeycloakPlugin extends KeycloakIdentityProviderPlugin {

	private final Duration outageTolerance;

	OutageTolerantKeycloakPlugin(Duration outageTolerance) {
		this.outageTolerance = outageTolerance;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		super.preInit(configuration);
		KeycloakIdentityProviderFactory factory = (KeycloakIdentityProviderFactory) configuration
			.getIdentityProviderSessionFactory();
		Duration fresh = isCacheEnabled() ? Duration.ofMinutes(getCacheExpirationTimeoutMin()) : Duration.ZERO;
		factory.setUserQueryCache(new OutageTolerantQueryCache<>(fresh, this.outageTolerance, getMaxCacheSize()));
		factory.setGroupQueryCache(new OutageTolerantQueryCache<>(fresh, this.outageTolerance, getMaxCacheSize()));
	}

}
