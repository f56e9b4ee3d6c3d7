package ru.telecom.crm.report.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import ru.telecom.crm.incident.IncidentSearch;
import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.sla.StatusChange;
import ru.telecom.crm.sla.TrackedStatus;

/**
 * Reads the incidents a report covers, with plain SQL: one query for the incidents and
 * their status rows (ordered, streamed), one for the activity rows the report needs
 * (priority changes after the report's instant, reassignments before it). The incident's
 * {@code closed_at} column only narrows the search, with a day's slack; whether and when
 * an incident closed is read from its status rows.
 */
@Component
class ReportReader {

	/** How far {@code closed_at} may lie from its status row and still be found. */
	static final Duration SLACK = Duration.ofDays(1);

	private static final String CLOSED = TrackedStatus.CLOSED.name();

	private static final String INCIDENT_COLUMNS = "i.id, i.created_at, g.code as group_code, "
			+ "sv.code as service_code, i.priority";

	private static final String INCIDENT_TABLES = "incident i join service sv on sv.id = i.service_id "
			+ "join service_group g on g.id = i.work_group_id";

	private final NamedParameterJdbcTemplate jdbc;

	ReportReader(DataSource dataSource) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		// PostgreSQL streams with a cursor inside a transaction: rows in batches
		template.setFetchSize(5_000);
		this.jdbc = new NamedParameterJdbcTemplate(template);
	}

	/** Created in {@code [from, to)}, with their status rows up to {@code asOf}. */
	List<IncidentTrack> createdWithHistory(IncidentSearch.Scope scope, Instant from, Instant to, Instant asOf) {
		Selection created = new Selection(scope).where("i.created_at >= :from and i.created_at < :to")
			.with("from", from)
			.with("to", to);
		return withHistory(created, asOf, false);
	}

	/**
	 * Closed in {@code [from, to)} by their {@code closed_at} (give or take the slack),
	 * with their status rows up to {@code to} and their reassignments.
	 */
	List<IncidentTrack> closedWithHistory(IncidentSearch.Scope scope, Instant from, Instant to) {
		Selection closed = new Selection(scope).where("i.closed_at >= :from and i.closed_at < :to")
			.with("from", from.minus(SLACK))
			.with("to", to.plus(SLACK));
		return withHistory(closed, to, true);
	}

	/**
	 * Created by {@code until} and not closed before {@code openSince} (give or take the
	 * slack), without their history: creation, first close and priority as of
	 * {@code asOf}.
	 */
	List<IncidentTrack> overlapping(IncidentSearch.Scope scope, Instant openSince, Instant until, Instant asOf) {
		Selection selection = new Selection(scope)
			.where("i.created_at <= :until and (i.closed_at is null or i.closed_at >= :since)")
			.with("until", until)
			.with("since", openSince.minus(SLACK));
		Map<Long, Priority> priorities = prioritiesAfter(selection, asOf);
		String sql = "select " + INCIDENT_COLUMNS + ", (select min(c.created_at) from status c "
				+ "where c.incident_id = i.id and c.new_status = '" + CLOSED + "') as closed_at from " + INCIDENT_TABLES
				+ " where " + selection.condition();
		return this.jdbc.query(sql, selection.parameters(), (row, index) -> {
			long id = row.getLong("id");
			return new IncidentTrack(id, instant(row, "created_at"), row.getInt("group_code"),
					row.getInt("service_code"),
					priorities.getOrDefault(id, Priority.valueOf(row.getString("priority"))), List.of(),
					instant(row, "closed_at"), null, 0);
		});
	}

	private List<IncidentTrack> withHistory(Selection selection, Instant asOf, boolean reassignments) {
		Map<Long, Priority> priorities = prioritiesAfter(selection, asOf);
		Map<Long, Integer> reassigned = reassignments ? reassignments(selection, asOf) : Map.of();
		String sql = "select " + INCIDENT_COLUMNS + ", s.created_at as at, s.new_status, s.user_id from "
				+ INCIDENT_TABLES + " join status s on s.incident_id = i.id and s.created_at <= :asOf where "
				+ selection.condition() + " order by i.id, s.created_at, s.id";
		List<IncidentTrack> tracks = new ArrayList<>();
		Builder builder = new Builder();
		RowCallbackHandler gather = (row) -> {
			long id = row.getLong("id");
			if (builder.id != id) {
				builder.finish(tracks, priorities, reassigned);
				builder.start(id, row);
			}
			builder.add(row);
		};
		this.jdbc.query(sql, selection.parameters().addValue("asOf", timestamp(asOf)), gather);
		builder.finish(tracks, priorities, reassigned);
		return tracks;
	}

	/**
	 * The priority each selected incident had at {@code asOf}, for those whose priority
	 * changed after it: the old priority of the first change after it
	 * ({@code "NORMAL → HIGH: reason"}).
	 */
	private Map<Long, Priority> prioritiesAfter(Selection selection, Instant asOf) {
		String sql = "select a.entity_id, a.details from activity a join incident i on i.id = a.entity_id "
				+ "where a.entity_type = 'INCIDENT' and a.kind = 'PRIORITY_CHANGED' and a.created_at > :asOf and "
				+ selection.condition() + " order by a.entity_id, a.created_at, a.id";
		Map<Long, Priority> priorities = new HashMap<>();
		RowCallbackHandler first = (row) -> {
			long id = row.getLong("entity_id");
			if (!priorities.containsKey(id)) {
				Priority old = oldPriority(row.getString("details"));
				if (old != null) {
					priorities.put(id, old);
				}
			}
		};
		this.jdbc.query(sql, selection.parameters().addValue("asOf", timestamp(asOf)), first);
		return priorities;
	}

	/** The priority a change's details name first; {@code null} when unreadable. */
	static Priority oldPriority(String details) {
		if (details == null) {
			return null;
		}
		int arrow = details.indexOf(" → ");
		try {
			return (arrow > 0) ? Priority.valueOf(details.substring(0, arrow).strip()) : null;
		}
		catch (IllegalArgumentException unknown) {
			return null;
		}
	}

	private Map<Long, Integer> reassignments(Selection selection, Instant asOf) {
		String sql = "select a.entity_id, count(*) as reassignments from activity a join incident i "
				+ "on i.id = a.entity_id where a.entity_type = 'INCIDENT' and a.kind = 'REASSIGNED' "
				+ "and a.created_at <= :asOf and " + selection.condition() + " group by a.entity_id";
		Map<Long, Integer> counts = new HashMap<>();
		RowCallbackHandler count = (row) -> {
			counts.put(row.getLong("entity_id"), row.getInt("reassignments"));
		};
		this.jdbc.query(sql, selection.parameters().addValue("asOf", timestamp(asOf)), count);
		return counts;
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp timestamp = row.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static Timestamp timestamp(Instant instant) {
		return Timestamp.from(instant);
	}

	/** The incidents a report selects: a condition on {@code i} and its parameters. */
	private static final class Selection {

		private final MapSqlParameterSource parameters = new MapSqlParameterSource();

		private final String scope;

		private String condition = "1 = 1";

		Selection(IncidentSearch.Scope scope) {
			this.scope = ScopeCondition.of(scope, this.parameters);
		}

		Selection where(String condition) {
			this.condition = condition;
			return this;
		}

		Selection with(String name, Instant value) {
			this.parameters.addValue(name, timestamp(value));
			return this;
		}

		String condition() {
			return this.condition + " and " + this.scope;
		}

		/** A copy, so that each query adds its own. */
		MapSqlParameterSource parameters() {
			return new MapSqlParameterSource(this.parameters.getValues());
		}

	}

	/** Gathers one incident's rows as they stream by. */
	private static final class Builder {

		private long id = -1;

		private Instant createdAt;

		private int groupCode;

		private int serviceCode;

		private Priority priority;

		private List<StatusChange> history;

		private Instant closedAt;

		private String closedBy;

		void start(long id, ResultSet row) throws SQLException {
			this.id = id;
			this.createdAt = instant(row, "created_at");
			this.groupCode = row.getInt("group_code");
			this.serviceCode = row.getInt("service_code");
			this.priority = Priority.valueOf(row.getString("priority"));
			this.history = new ArrayList<>();
			this.closedAt = null;
			this.closedBy = null;
		}

		void add(ResultSet row) throws SQLException {
			StatusChange change = StatusChange.of(instant(row, "at"), row.getString("new_status"));
			this.history.add(change);
			if (change.status() == TrackedStatus.CLOSED && this.closedAt == null) {
				this.closedAt = change.at();
				this.closedBy = row.getString("user_id");
			}
		}

		void finish(List<IncidentTrack> tracks, Map<Long, Priority> priorities, Map<Long, Integer> reassigned) {
			if (this.id < 0) {
				return;
			}
			tracks.add(new IncidentTrack(this.id, this.createdAt, this.groupCode, this.serviceCode,
					priorities.getOrDefault(this.id, this.priority), List.copyOf(this.history), this.closedAt,
					this.closedBy, reassigned.getOrDefault(this.id, 0)));
		}

	}

}
