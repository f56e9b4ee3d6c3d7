package ru.telecom.crm.metrics.internal;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;

import org.springframework.stereotype.Component;

/**
 * Keeps query strings out of the {@code uri} label of outgoing HTTP calls' meters: a
 * client built with a literal address ({@code /api/clients?q=+79…}) would otherwise put
 * what it searched for, a phone or a name, in a label, and make a series per search.
 * Incoming requests are labelled by their route's pattern already.
 */
@Component
class NoQueryStringsInUris implements MeterFilter {

	@Override
	public Meter.Id map(Meter.Id id) {
		String uri = id.getTag("uri");
		if (!id.getName().startsWith("http.client.requests") || uri == null || uri.indexOf('?') < 0) {
			return id;
		}
		return id.replaceTags(id.getTags()
			.stream()
			.map((tag) -> "uri".equals(tag.getKey()) ? Tag.of("uri", uri.substring(0, uri.indexOf('?'))) : tag)
			.toList());
	}

}
