package ru.telecom.crm.console;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.context.support.ResourceBundleMessageSource;

import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.servicerequest.Channel;
import ru.telecom.crm.servicerequest.CloseReason;
import ru.telecom.crm.servicerequest.RequestStatus;
import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.status.ActivityKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every code the console shows a person has a label in English and in Russian, Russian
 * statuses take their item's gender, and every activity kind the code writes is one the
 * console can name.
 */
class LabelsTests {

	private static final Map<Labels.Kind, Class<? extends Enum<?>>> CODES = Map.of(Labels.Kind.REQUEST_STATUS,
			RequestStatus.class, Labels.Kind.INCIDENT_STATUS, IncidentStatus.class, Labels.Kind.CHANNEL, Channel.class,
			Labels.Kind.CLOSE_REASON, CloseReason.class, Labels.Kind.PRIORITY, Priority.class, Labels.Kind.ACTIVITY,
			ActivityKind.class);

	@ParameterizedTest
	@ValueSource(strings = { "console/messages.properties", "console/messages_ru.properties" })
	void everyCodeHasALabelInEachLanguage(String file) throws IOException {
		Properties messages = load(file);
		Set<String> missing = new TreeSet<>();
		assertThat(CODES).hasSize(Labels.Kind.values().length);
		CODES.forEach((kind, codes) -> {
			for (Enum<?> code : codes.getEnumConstants()) {
				String label = messages.getProperty(kind.prefix + code.name());
				if (label == null || label.isBlank()) {
					missing.add(kind.prefix + code.name());
				}
			}
		});
		for (IncidentStatus target : IncidentStatus.values()) {
			if (messages.getProperty("incident.to." + target.name()) == null) {
				missing.add("incident.to." + target.name());
			}
		}
		assertThat(missing).as("codes without a label in %s", file).isEmpty();
	}

	@Test
	void everyEnglishMessageHasARussianOneAndNoMore() throws IOException {
		Set<String> english = new TreeSet<>(load("console/messages.properties").stringPropertyNames());
		Set<String> russian = new TreeSet<>(load("console/messages_ru.properties").stringPropertyNames());

		assertThat(english).contains("nav.overview", "overview.unassigned", "since.hours");
		assertThat(russian).isEqualTo(english);
	}

	@Test
	void russianStatusesTakeTheGenderOfTheirItem() throws IOException {
		Properties ru = load("console/messages_ru.properties");

		// заявка is feminine, инцидент masculine
		assertThat(ru.getProperty("request.status.NEW")).isEqualTo("Новая");
		assertThat(ru.getProperty("request.status.CLOSED")).isEqualTo("Закрыта");
		assertThat(ru.getProperty("incident.status.NEW")).isEqualTo("Новый");
		assertThat(ru.getProperty("incident.status.CLOSED")).isEqualTo("Закрыт");
		assertThat(ru.getProperty("incident.status.ASSIGNED")).isEqualTo("Назначен");
		assertThat(ru.getProperty("incident.status.ON_HOLD")).isEqualTo("Приостановлен");
	}

	@Test
	void labelsAreReadInThePagesLanguageAndStatusesByTheirItem() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("console/messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		Labels labels = new Labels(source);
		Locale ru = Locale.forLanguageTag("ru");

		assertThat(labels.label(Labels.Kind.REQUEST_STATUS, RequestStatus.CLOSED, ru)).isEqualTo("Закрыта");
		assertThat(labels.label(Labels.Kind.INCIDENT_STATUS, "CLOSED", ru)).isEqualTo("Закрыт");
		assertThat(labels.label(Labels.Kind.CHANNEL, Channel.PHONE, Locale.ENGLISH)).isEqualTo("Phone");
		assertThat(labels.label(Labels.Kind.ACTIVITY, "SOMETHING_NEW", ru)).isEqualTo("SOMETHING_NEW");
		assertThat(labels.label(Labels.Kind.REQUEST_STATUS, "", ru)).isEmpty();
	}

	/**
	 * The journal stores a kind as text, so the compiler cannot tell when a new one is
	 * written: every literal (or constant) handed to {@code activity(…)} must be an
	 * {@link ActivityKind}, which the test above gives labels.
	 */
	@Test
	void everyActivityKindWrittenInTheCodeIsKnown() throws IOException {
		Pattern call = Pattern.compile("\\.activity\\(([^;]*)\\);", Pattern.DOTALL);
		Pattern literal = Pattern.compile("\"([A-Z][A-Z_]+)\"");
		Pattern constant = Pattern.compile("static final String ([A-Z_]+) = \"([A-Z][A-Z_]+)\";");
		Pattern name = Pattern.compile("\\b([A-Z][A-Z_]{2,})\\b");
		Set<String> written = new TreeSet<>();
		List<Path> sources;
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			sources = files.filter((p) -> p.toString().endsWith(".java")).toList();
		}
		for (Path source : sources) {
			String java = Files.readString(source);
			Map<String, String> constants = new HashMap<>();
			Matcher c = constant.matcher(java);
			while (c.find()) {
				constants.put(c.group(1), c.group(2));
			}
			Matcher m = call.matcher(java);
			while (m.find()) {
				String[] arguments = m.group(1).split(",");
				if (arguments.length < 5) {
					continue; // the interface's declaration
				}
				String kind = arguments[2];
				Matcher l = literal.matcher(kind);
				while (l.find()) {
					written.add(l.group(1));
				}
				Matcher n = name.matcher(kind.replaceAll("\"[^\"]*\"", ""));
				while (n.find()) {
					if (constants.containsKey(n.group(1))) {
						written.add(constants.get(n.group(1)));
					}
				}
			}
		}
		Set<String> known = new TreeSet<>();
		for (ActivityKind kind : ActivityKind.values()) {
			known.add(kind.name());
		}

		assertThat(written).contains("MAIL_SENT", "NOTE_ADDED", "REASSIGNED");
		assertThat(known).containsAll(written);
	}

	private static Properties load(String file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(LabelsTests.class.getClassLoader().getResourceAsStream(file),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
