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
		// one row an incident, its status rows folded into one text in their order
		// ("<epoch µs> <status>,…"): a fifth of the rows to sort and send
		String sql = "select " + INCIDENT_COLUMNS + ", string_agg((extract(epoch from s.created_at) * 1000000)::bigint "
				+ "|| ' ' || s.new_status, ',' order by s.created_at, s.id) as history, (array_agg(s.user_id "
				+ "order by s.created_at, s.id) filter (where s.new_status = '" + CLOSED + "'))[1] as closed_by from "
				+ INCIDENT_TABLES + " join status s on s.incident_id = i.id and s.created_at <= :asOf where "
				+ selection.condition() + " group by i.id, g.code, sv.code";
		List<IncidentTrack> tracks = new ArrayList<>();
		RowCallbackHandler gather = (row) -> {
			long id = row.getLong("id");
			List<StatusChange> history = history(row.getString("history"));
			Instant closedAt = history.stream()
				.filter((change) -> change.status() == TrackedStatus.CLOSED)
				.map(StatusChange::at)
				.findFirst()
				.orElse(null);
			tracks.add(new IncidentTrack(id, instant(row, "created_at"), row.getInt("group_code"),
					row.getInt("service_code"),
					priorities.getOrDefault(id, Priority.valueOf(row.getString("priority"))), history, closedAt,
					(closedAt != null) ? row.getString("closed_by") : null, reassigned.getOrDefault(id, 0)));
		};
		this.jdbc.query(sql, selection.parameters().addValue("asOf", timestamp(asOf)), gather);
		return tracks;
	}

	/** The status rows folded as {@code "<epoch µs> <status>,…"}, in their order. */
	static List<StatusChange> history(String folded) {
		if (folded == null || folded.isEmpty()) {
			return List.of();
		}
		List<StatusChange> history = new ArrayList<>();
		int start = 0;
		while (start < folded.length()) {
			int end = folded.indexOf(',', start);
			end = (end < 0) ? folded.length() : end;
			int space = folded.indexOf(' ', start);
			long micros = Long.parseLong(folded, start, space, 10);
			Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
					Math.floorMod(micros, 1_000_000L) * 1_000L);
			history.add(StatusChange.of(at, folded.substring(space + 1, end)));
			start = end + 1;
		}
		return List.copyOf(history);
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

}
