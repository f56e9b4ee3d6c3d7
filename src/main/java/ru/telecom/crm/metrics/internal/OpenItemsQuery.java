package ru.telecom.crm.metrics.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The metrics' read model over the tables of the request, incident, catalog and status
 * modules: read-only, at scrape time, four statements whatever the number of items. Open
 * means not {@code CLOSED}, the predicate of the partial indexes that keep these reads to
 * the open items on PostgreSQL however much history there is.
 */
@Component
class OpenItemsQuery {

	private static final String REQUEST_ITEMS = """
			select r.id, r.status, '' as grp, '' as svc, r.assignee, r.priority, r.created_at,
			       (select max(s.created_at) from status s where s.service_request_id = r.id) as status_since,
			       cast(null as timestamp with time zone) as due_at
			from service_request r
			where r.status <> 'CLOSED'
			order by r.created_at, r.id
			limit :cap""";

	private static final String INCIDENT_ITEMS = """
			select i.id, i.status, g.code as grp, v.code as svc, i.assignee, i.priority, i.created_at,
			       (select max(s.created_at) from status s where s.incident_id = i.id) as status_since,
			       -- as IncidentView.dueAt(): the earlier of the two until first in work,
			       -- then the resolution's, none on hold
			       case when i.status in ('NEW', 'ASSIGNED') then least(i.response_due_at, i.resolution_due_at)
			            when i.sla_paused then null else i.resolution_due_at end as due_at
			from incident i
			join service_group g on g.id = i.work_group_id
			join service v on v.id = i.service_id
			where i.status <> 'CLOSED'
			order by i.created_at, i.id
			limit :cap""";

	private static final String REQUEST_GROUPS = """
			select r.status, '' as grp, '' as svc, r.assignee, r.priority, count(*) as n, min(r.created_at) as oldest
			from service_request r
			where r.status <> 'CLOSED'
			group by r.status, r.assignee, r.priority""";

	private static final String INCIDENT_GROUPS = """
			select i.status, g.code as grp, v.code as svc, i.assignee, i.priority, count(*) as n,
			       min(i.created_at) as oldest
			from incident i
			join service_group g on g.id = i.work_group_id
			join service v on v.id = i.service_id
			where i.status <> 'CLOSED'
			group by i.status, g.code, v.code, i.assignee, i.priority""";

	private final JdbcClient jdbc;

	OpenItemsQuery(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	/** Every group of open items with the same labels, requests then incidents. */
	List<OpenItemGroup> groups() {
		List<OpenItemGroup> groups = new ArrayList<>();
		groups.addAll(this.jdbc.sql(REQUEST_GROUPS).query((rs, row) -> group("request", rs)).list());
		groups.addAll(this.jdbc.sql(INCIDENT_GROUPS).query((rs, row) -> group("incident", rs)).list());
		return groups;
	}

	/** The oldest {@code cap} open requests and the oldest {@code cap} open incidents. */
	List<OpenItem> oldest(int cap) {
		if (cap == 0) {
			return List.of();
		}
		List<OpenItem> items = new ArrayList<>();
		items.addAll(this.jdbc.sql(REQUEST_ITEMS).param("cap", cap).query((rs, row) -> item("request", rs)).list());
		items.addAll(this.jdbc.sql(INCIDENT_ITEMS).param("cap", cap).query((rs, row) -> item("incident", rs)).list());
		return items;
	}

	private static OpenItemGroup group(String type, ResultSet rs) throws SQLException {
		return new OpenItemGroup(type, rs.getString("status"), text(rs, "grp"), text(rs, "svc"), text(rs, "assignee"),
				rs.getString("priority"), rs.getLong("n"), instant(rs, "oldest"));
	}

	private static OpenItem item(String type, ResultSet rs) throws SQLException {
		Instant created = instant(rs, "created_at");
		Instant since = instant(rs, "status_since");
		return new OpenItem(type, rs.getLong("id"), rs.getString("status"), text(rs, "grp"), text(rs, "svc"),
				text(rs, "assignee"), rs.getString("priority"), created, (since != null) ? since : created,
				instant(rs, "due_at"));
	}

	private static String text(ResultSet rs, String column) throws SQLException {
		String value = rs.getString(column);
		return (value != null) ? value : "";
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
