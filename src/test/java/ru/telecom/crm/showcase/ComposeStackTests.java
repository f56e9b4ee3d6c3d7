package ru.telecom.crm.showcase;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import ru.telecom.crm.support.Dashboards;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose stack's files as docker-compose, Prometheus and Grafana would read them (no
 * Docker here; `docker-compose config -q` and `promtool check config` run in .ci/run):
 * pinned images, health checks and start order, mounted files that exist, secrets from
 * the environment only, Prometheus scraping the app with its own token, Grafana reading
 * the provisioned files and reaching the services its data sources name.
 */
class ComposeStackTests {

	private static final Path COMPOSE = Path.of("docker-compose.yml");

	private static final Path PROMETHEUS = Path.of("src/main/docker/prometheus/prometheus.yml");

	/** {@code ${NAME}} or {@code ${NAME:?message}}: a value the environment must give. */
	private static final Pattern FROM_ENVIRONMENT = Pattern.compile("\\$\\{(\\w+)(:\\?[^}]*)?}");

	private static Map<String, Object> compose;

	private static Map<String, Object> services;

	@BeforeAll
	static void readTheComposeFile() {
		compose = yaml(COMPOSE);
		services = map(compose, "services");
		assertThat(services).containsKeys("postgres", "keycloak", "mailpit", "app", "prometheus", "clickhouse",
				"grafana");
	}

	@Test
	void everyImageIsPinnedToAVersion() {
		services.forEach((name, service) -> {
			Object image = map(service).get("image");
			if (image == null) {
				assertThat(map(service)).as("%s is built here", name).containsKey("build");
				return;
			}
			String reference = (String) image;
			String tag = reference.substring(reference.lastIndexOf('/') + 1);
			assertThat(tag).as("the image of %s", name).contains(":");
			tag = tag.substring(tag.indexOf(':') + 1);
			assertThat(tag).as("the tag of %s", name).isNotEqualTo("latest").matches("v?\\d+(\\.\\d+)+.*");
		});
	}

	@Test
	void everyServiceHasAHealthCheckAndWaitsUntilWhatItNeedsIsHealthy() {
		services.forEach((name, service) -> {
			assertThat(map(map(service), "healthcheck")).as("the health check of %s", name).containsKey("test");
			Map<String, Object> dependsOn = map(map(service), "depends_on");
			dependsOn.forEach((needed, how) -> {
				assertThat(services).as("%s depends on %s", name, needed).containsKey(needed);
				assertThat(map(how)).as("%s waits for %s", name, needed).containsEntry("condition", "service_healthy");
			});
			// a service named in its settings (a URL, a host) is one it needs
			for (String other : services.keySet()) {
				Pattern host = Pattern.compile("(^|//|@)" + Pattern.quote(other) + "(:\\d+|/|$)");
				map(map(service), "environment").forEach((key, value) -> {
					if (!other.equals(name) && host.matcher(String.valueOf(value)).find()) {
						assertThat(dependsOn).as("%s names %s in %s", name, other, key).containsKey(other);
					}
				});
			}
		});
	}

	@Test
	void everyMountedFileIsInTheRepository() {
		Map<String, Object> namedVolumes = map(compose, "volumes");
		services.forEach((name, service) -> {
			for (Mount mount : mounts(name)) {
				if (mount.host().startsWith(".") || mount.host().startsWith("/")) {
					assertThat(mount.host()).as("mounted into %s", name).startsWith("./");
					assertThat(Path.of(mount.host())).as("mounted into %s", name).exists();
				}
				else {
					assertThat(namedVolumes).as("the volume of %s", name).containsKey(mount.host());
				}
			}
			Object build = map(service).get("build");
			if (build != null) {
				Path context = Path.of((String) map(build).get("context"));
				assertThat(context.resolve((String) map(build).get("dockerfile"))).exists();
			}
		});
	}

	@Test
	void secretsComeFromTheEnvironmentOnly() {
		services.forEach((name, service) -> map(map(service), "environment").forEach((key, value) -> {
			if (key.matches(".*(PASSWORD|SECRET).*")) {
				assertThat(String.valueOf(value)).as("%s of %s", key, name).matches(FROM_ENVIRONMENT);
			}
		}));
	}

	@Test
	void prometheusScrapesTheAppsMetricsWithItsOwnToken() {
		Map<String, Object> config = yaml(PROMETHEUS);
		List<?> jobs = (List<?>) config.get("scrape_configs");
		Map<String, Object> crm = jobs.stream()
			.map(ComposeStackTests::map)
			.filter((job) -> "crm".equals(job.get("job_name")))
			.findFirst()
			.orElseThrow();
		assertThat(crm).containsEntry("metrics_path", "/actuator/prometheus");
		Map<String, Object> prometheus = map(services.get("prometheus"));
		for (Object group : (List<?>) crm.get("static_configs")) {
			for (Object target : (List<?>) map(group).get("targets")) {
				String[] hostAndPort = ((String) target).split(":");
				assertThat(map(prometheus, "depends_on")).as("Prometheus waits for %s", target)
					.containsKey(hostAndPort[0]);
				assertThat(ports(hostAndPort[0])).as("the port of %s", target).contains(hostAndPort[1]);
			}
		}
		Map<String, Object> oauth2 = map(crm, "oauth2");
		assertThat(oauth2).containsEntry("client_id", "crm-metrics").doesNotContainKey("client_secret");
		URI token = URI.create((String) oauth2.get("token_url"));
		assertThat(map(prometheus, "depends_on")).as("Prometheus waits for %s", token).containsKey(token.getHost());
		assertThat(token.getPath()).isEqualTo("/realms/crm/protocol/openid-connect/token");

		// the secret file is written at start into memory, from the environment
		String secretFile = (String) oauth2.get("client_secret_file");
		String start = String.join(" ", strings(prometheus.get("entrypoint")));
		assertThat(start).contains("> " + secretFile).contains("$$CRM_KEYCLOAK_METRICS_SECRET");
		assertThat(strings(prometheus.get("tmpfs"))).anyMatch((dir) -> secretFile.startsWith(dir + "/"));
		String configFile = mounts("prometheus").stream()
			.filter((mount) -> mount.host().equals("./" + PROMETHEUS))
			.findFirst()
			.orElseThrow()
			.container();
		assertThat(start).contains("--config.file=" + configFile);
	}

	@Test
	void grafanaReadsTheProvisionedFilesAndReachesItsDataSources() {
		List<Mount> mounts = mounts("grafana");
		Path provisioning = Dashboards.DATA_SOURCES.getParent();
		Mount provisioned = mounts.stream()
			.filter((mount) -> mount.host().equals("./" + provisioning))
			.findFirst()
			.orElseThrow();
		assertThat(provisioned.container()).isEqualTo("/etc/grafana/provisioning");
		Mount boards = mounts.stream()
			.filter((mount) -> mount.host().equals("./" + Dashboards.DIRECTORY))
			.findFirst()
			.orElseThrow();
		Map<String, Object> providers = yaml(provisioning.resolve("dashboards/dashboards.yaml"));
		for (Object provider : (List<?>) providers.get("providers")) {
			assertThat(map(map(provider), "options")).containsEntry("path", boards.container());
		}

		Map<String, Object> grafana = map(services.get("grafana"));
		Map<String, Object> dataSources = yaml(provisioning.resolve("datasources/datasources.yaml"));
		for (Object source : (List<?>) dataSources.get("datasources")) {
			Map<String, Object> dataSource = map(source);
			String host = (dataSource.get("url") != null) ? URI.create((String) dataSource.get("url")).getHost()
					: (String) map(dataSource, "jsonData").get("host");
			assertThat(map(grafana, "depends_on")).as("Grafana waits for %s", host).containsKey(host);
			// a secret in a data source comes from Grafana's environment
			map(dataSource, "secureJsonData").forEach((key, value) -> {
				Matcher variable = FROM_ENVIRONMENT.matcher(String.valueOf(value));
				assertThat(variable.matches()).as("%s of %s", key, dataSource.get("uid")).isTrue();
				assertThat(map(grafana, "environment")).containsKey(variable.group(1));
			});
		}
	}

	@Test
	void grafanaLetsInOnlyWhomKeycloakSaysAndNobodyAnonymously() {
		Map<String, Object> settings = map(map(services.get("grafana")), "environment");
		assertThat(settings).containsEntry("GF_AUTH_ANONYMOUS_ENABLED", "false")
			.containsEntry("GF_AUTH_BASIC_ENABLED", "false")
			.containsEntry("GF_AUTH_DISABLE_LOGIN_FORM", "true")
			.containsEntry("GF_USERS_ALLOW_SIGN_UP", "false")
			.containsEntry("GF_SECURITY_DISABLE_INITIAL_ADMIN_CREATION", "true")
			.containsEntry("GF_AUTH_GENERIC_OAUTH_ENABLED", "true")
			.containsEntry("GF_AUTH_GENERIC_OAUTH_CLIENT_ID", "crm-grafana")
			// a sign-in the role mapping gives no role is refused, not made a Viewer
			.containsEntry("GF_AUTH_GENERIC_OAUTH_ROLE_ATTRIBUTE_STRICT", "true");
		for (String endpoint : List.of("AUTH", "TOKEN", "API")) {
			URI uri = URI.create((String) settings.get("GF_AUTH_GENERIC_OAUTH_" + endpoint + "_URL"));
			assertThat(uri.getHost()).isEqualTo("keycloak");
			assertThat(uri.getPath()).startsWith("/realms/crm/protocol/openid-connect/");
		}
		assertThat((String) settings.get("GF_AUTH_GENERIC_OAUTH_ROLE_ATTRIBUTE_PATH")).contains("'camunda-admin'",
				"'HelpDeskManager'", "'SL3Manager'");
	}

	@Test
	void theReadmeNamesEverySecretTheStackNeeds() throws IOException {
		String file = Files.readString(COMPOSE);
		String readme = Files.readString(Path.of("README.md"));
		String fullStack = readme.substring(readme.indexOf("## Full stack"));
		Matcher required = Pattern.compile("\\$\\{(\\w+):\\?").matcher(file);
		while (required.find()) {
			assertThat(fullStack).as("the README's full stack section").contains(required.group(1));
		}
	}

	private record Mount(String host, String container) {
	}

	/** The short-syntax volumes of a service: {@code host:container[:mode]}. */
	private static List<Mount> mounts(String service) {
		List<Mount> mounts = new ArrayList<>();
		for (String volume : strings(map(services.get(service)).get("volumes"))) {
			String[] parts = volume.split(":");
			mounts.add(new Mount(parts[0], parts[1]));
		}
		return mounts;
	}

	/** The container ports a service publishes or exposes. */
	private static List<String> ports(String service) {
		return strings(map(services.get(service)).get("ports")).stream()
			.map((port) -> port.substring(port.lastIndexOf(':') + 1))
			.toList();
	}

	private static Map<String, Object> yaml(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return new Yaml().load(in);
		}
		catch (IOException ex) {
			throw new AssertionError("cannot read " + file, ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object node) {
		assertThat(node).isInstanceOf(Map.class);
		return (Map<String, Object>) node;
	}

	/** The map under {@code key}, empty when there is none. */
	private static Map<String, Object> map(Map<String, Object> node, String key) {
		return Optional.ofNullable(node.get(key)).map(ComposeStackTests::map).orElse(Map.of());
	}

	private static List<String> strings(Object node) {
		if (node == null) {
			return List.of();
		}
		return ((List<?>) node).stream().map(String::valueOf).toList();
	}

}
