package ru.telecom.crm.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code /actuator/prometheus} served, read as Prometheus reads its text format: one
 * sample per line, {@code name{label="value",...} value}.
 */
public final class Scrape {

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})?\\s+(\\S+).*$");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private final String text;

	private final List<Sample> samples = new ArrayList<>();

	public Scrape(String text) {
		this.text = text;
		for (String line : text.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			Matcher sample = SAMPLE.matcher(line);
			if (!sample.matches()) {
				throw new IllegalArgumentException("Not a sample: " + line);
			}
			Map<String, String> labels = new LinkedHashMap<>();
			if (sample.group(2) != null) {
				Matcher label = LABEL.matcher(sample.group(2));
				while (label.find()) {
					labels.put(label.group(1), label.group(2));
				}
			}
			this.samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
		}
	}

	public String text() {
		return this.text;
	}

	/** The samples of {@code name} whose labels include all of {@code labels}. */
	public List<Sample> find(String name, Map<String, String> labels) {
		return this.samples.stream()
			.filter((sample) -> sample.name().equals(name))
			.filter((sample) -> sample.labels().entrySet().containsAll(labels.entrySet()))
			.toList();
	}

	/** The one sample of {@code name} with exactly these labels, if served. */
	public Optional<Sample> exactly(String name, Map<String, String> labels) {
		return this.samples.stream()
			.filter((sample) -> sample.name().equals(name) && sample.labels().equals(labels))
			.findFirst();
	}

	/** A counter's value, 0 when it has not been counted yet. */
	public double value(String name, Map<String, String> labels) {
		return exactly(name, labels).map(Sample::value).orElse(0.0);
	}

	public record Sample(String name, Map<String, String> labels, double value) {
	}

}
