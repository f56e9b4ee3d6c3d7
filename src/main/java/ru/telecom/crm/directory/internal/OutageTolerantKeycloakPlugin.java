package ru.telecom.crm.directory.internal;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.extension.keycloak.KeycloakIdentityProviderFactory;
import org.camunda.bpm.extension.keycloak.plugin.KeycloakIdentityProviderPlugin;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestTemplate;

/**
 * The Camunda Keycloak identity plugin, its user and group queries answered from
 * {@link OutageTolerantQueryCache}: while Keycloak is down, Tasklist's periodic check of
 * a signed-in user's groups and the engine's look-ups of users and groups it asked about
 * before go on. Password checks keep the plugin's own cache (fresh answers only): an old
 * password is never accepted on the strength of an outage. Its HTTP client gives up on a
 * Keycloak that hangs after {@code crm.keycloak.timeout}.
 */
class OutageTolerantKeycloakPlugin extends KeycloakIdentityProviderPlugin {

	private final Duration outageTolerance;

	private final Duration timeout;

	OutageTolerantKeycloakPlugin(Duration outageTolerance, Duration timeout) {
		this.outageTolerance = outageTolerance;
		this.timeout = timeout;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		super.preInit(configuration);
		KeycloakIdentityProviderFactory factory = (KeycloakIdentityProviderFactory) configuration
			.getIdentityProviderSessionFactory();
		Duration fresh = isCacheEnabled() ? Duration.ofMinutes(getCacheExpirationTimeoutMin()) : Duration.ZERO;
		factory.setUserQueryCache(new OutageTolerantQueryCache<>(fresh, this.outageTolerance, getMaxCacheSize()));
		factory.setGroupQueryCache(new OutageTolerantQueryCache<>(fresh, this.outageTolerance, getMaxCacheSize()));
		giveUpAfter(factory, this.timeout);
	}

	/**
	 * The plugin's HTTP client would wait for a Keycloak that hangs without end (Apache
	 * HttpClient's defaults: 3 minutes to connect, no limit on the answer), holding the
	 * thread of every sign-in, Basic call and identity query meanwhile: it gives up after
	 * {@code timeout}, and the caller gets the outage's answer (a cached one, or 503).
	 * The plugin offers no setting for it and keeps its client in a protected field, read
	 * here by reflection; a plugin version without it fails the start, never silently.
	 */
	static void giveUpAfter(KeycloakIdentityProviderFactory factory, Duration timeout) {
		RestTemplate template;
		try {
			Field field = KeycloakIdentityProviderFactory.class.getDeclaredField("restTemplate");
			field.setAccessible(true);
			template = (RestTemplate) field.get(factory);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("The Keycloak plugin's HTTP client is not where it was", ex);
		}
		// its interceptors wrap the request factory: the one underneath
		List<ClientHttpRequestInterceptor> interceptors = new ArrayList<>(template.getInterceptors());
		template.setInterceptors(List.of());
		ClientHttpRequestFactory requests = template.getRequestFactory();
		template.setInterceptors(interceptors);
		if (!(requests instanceof HttpComponentsClientHttpRequestFactory httpComponents)) {
			throw new IllegalStateException("The Keycloak plugin's HTTP client is no longer Apache's: " + requests);
		}
		httpComponents.setConnectTimeout(timeout);
		httpComponents.setConnectionRequestTimeout(timeout);
		httpComponents.setReadTimeout(timeout);
	}

}
