package ru.telecom.crm.console;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import ru.telecom.crm.catalog.CatalogApi;
import ru.telecom.crm.catalog.ServiceView;
import ru.telecom.crm.catalog.WorkGroupView;
import ru.telecom.crm.incident.IncidentCounts;
import ru.telecom.crm.servicerequest.RequestCounts;
import ru.telecom.crm.shared.AssigneeFilter;
import ru.telecom.crm.shared.Tally;

/**
 * The overview's tables: each count with what a person reads for it and the list that
 * shows those items ({@code open=true} and the one filter the line stands for, the list
 * applying the caller's scope as the count did).
 */
@Component
class OverviewLines {

	private final Labels labels;

	private final CatalogApi catalog;

	OverviewLines(Labels labels, CatalogApi catalog) {
		this.labels = labels;
		this.catalog = catalog;
	}

	/** The open requests' tables, and their total with its list. */
	Tables ofRequests(RequestCounts counts) {
		return new Tables(new Line("", counts.total(), null, list("/requests", null, null)), Map.of("status",
				lines(counts.byStatus(), "/requests", "status", OverviewLines::name, this.labels::requestStatus),
				"assignee",
				lines(counts.byAssignee(), "/requests", "assignee", OverviewLines::assignee, Function.identity()),
				"priority",
				lines(counts.byPriority(), "/requests", "priority", OverviewLines::name, this.labels::priority)));
	}

	/** The open incidents' tables, and their total with its list. */
	Tables ofIncidents(IncidentCounts counts) {
		return new Tables(new Line("", counts.total(), null, list("/incidents", null, null)), Map.of("status",
				lines(counts.byStatus(), "/incidents", "status", OverviewLines::name, this.labels::incidentStatus),
				"group",
				lines(counts.byWorkGroup(), "/incidents", "group", (id) -> groupOf(id).map(Object::toString),
						this::groupName),
				"service",
				lines(counts.byService(), "/incidents", "service", (id) -> serviceOf(id).map(Object::toString),
						this::serviceName),
				"assignee",
				lines(counts.byAssignee(), "/incidents", "assignee", OverviewLines::assignee, Function.identity()),
				"priority",
				lines(counts.byPriority(), "/incidents", "priority", OverviewLines::name, this.labels::priority)));
	}

	/** "100 Network operations": the work group's code and name, retired ones too. */
	public String groupName(long id) {
		return this.catalog.findWorkGroupById(id)
			.map((group) -> group.code() + " " + group.name())
			.orElse(String.valueOf(id));
	}

	/** "1001 Home internet": the service's code and name, retired ones too. */
	public String serviceName(long id) {
		return this.catalog.findServiceById(id)
			.map((service) -> service.code() + " " + service.name())
			.orElse(String.valueOf(id));
	}

	private Optional<Integer> groupOf(long id) {
		return this.catalog.findWorkGroupById(id).map(WorkGroupView::code);
	}

	private Optional<Integer> serviceOf(long id) {
		return this.catalog.findServiceById(id).map(ServiceView::code);
	}

	/**
	 * A line per tally, linked to the list with the filter's value for its key (none: a
	 * key the catalog no longer knows, which no list filter can name).
	 */
	private static <K> List<Line> lines(List<Tally<K>> tallies, String path, String filter,
			Function<K, Optional<String>> value, Function<K, String> label) {
		return tallies.stream()
			.map((tally) -> new Line(label.apply(tally.key()), tally.count(), tally.oldest(),
					value.apply(tally.key()).map((filtered) -> list(path, filter, filtered)).orElse(null)))
			.toList();
	}

	private static Optional<String> assignee(String assignee) {
		return Optional.of((assignee != null) ? assignee : AssigneeFilter.NONE);
	}

	private static Optional<String> name(Enum<?> code) {
		return Optional.of(code.name());
	}

	/** The list of the open items, narrowed by the filter when there is one. */
	private static String list(String path, String filter, String value) {
		UriComponentsBuilder list = UriComponentsBuilder.fromPath(path).queryParam("open", true);
		if (filter != null && value != null) {
			list.queryParam(filter, value);
		}
		return list.encode().build().toUriString();
	}

	/** The total and the tables by each filter's name. */
	record Tables(Line total, Map<String, List<Line>> by) {
	}

	/**
	 * One line of a table: what is counted ({@code null} for the unassigned), how many,
	 * when the oldest was opened, and the list of them.
	 */
	record Line(String label, long count, Instant oldest, String list) {

		/** The same list, the oldest first. */
		public String oldestFirst() {
			return (this.list != null) ? this.list + "&order=oldest" : null;
		}

	}

}
