package ru.telecom.crm.bench;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Two years of closed work, {@code COPY}ed straight into our tables with the rows the app
 * writes for it (see a lifecycle's rows): clients with an order each, requests opened by
 * the bench agents by phone, three in four with an incident that went NEW → ASSIGNED →
 * INWORK → CLOSED and closed its request (with its four mails: three sent, the
 * customer's skipped), the others closed by the agent without one; every status row,
 * mail activity and mail delivery of them. "Items" are requests and incidents together.
 * Every value follows from the row's number, so a build is reproducible. The engine's
 * history of these processes is not made (the lists do not read it).
 */
final class ClosedItems {

	/** Three requests in four got an incident. */
	private static final int WITH_INCIDENT_OF_FOUR = 3;

	/** A client called five times in two years, on average. */
	private static final int REQUESTS_PER_CLIENT = 5;

	private static final Duration SPAN = Duration.ofDays(730);

	private static final String[] TEXTS = { "No internet since this morning", "IPTV freezes every evening",
			"Router blinking red after a storm", "Slow speed in the evening", "Static IP stopped answering",
			"Wrong amount on the bill", "Router does not get an address", "Line drops every few minutes",
			"Wi-Fi weak in the far room", "Moved flat, wants the line moved", "TV box shows no signal",
			"Charged twice for the channel pack" };

	private static final String[] LAST_NAMES = { "Ivanov", "Smirnov", "Kuznetsov", "Popova", "Vasiliev", "Petrova",
			"Sokolov", "Mikhailova", "Novikov", "Fedorova", "Morozov", "Volkova", "Alekseev", "Lebedeva", "Semenov",
			"Egorova" };

	private static final String[] FIRST_NAMES = { "Ivan", "Anna", "Sergey", "Olga", "Pavel", "Elena", "Dmitry",
			"Natalia", "Andrey", "Irina" };

	private static final String[] PRIORITIES = { "NORMAL", "NORMAL", "NORMAL", "NORMAL", "NORMAL", "NORMAL", "HIGH",
			"HIGH", "LOW", "CRITICAL" };

	private static final String NARRATIVE = "Line card reset, the customer confirmed the service";

	/** Our catalog's services: code, row id, its work group's row id, manager, engineers. */
	private record Service(String name, long id, long workGroupId, String manager, List<String> engineers) {
	}

	private final Psql psql;

	private final String database;

	private final BenchUsers users;

	private final long requests;

	private final long clients;

	private final Instant start;

	private final long clientBase;

	private final long orderBase;

	private final long requestBase;

	private final long incidentBase;

	private final List<Service> services;

	private final AtomicLong written = new AtomicLong();

	/** {@code items} closed requests and incidents, together. */
	ClosedItems(Psql psql, String database, BenchUsers users, long items) {
		this.psql = psql;
		this.database = database;
		this.users = users;
		// r requests and 3/4 r incidents make the items
		this.requests = items * 4 / (4 + WITH_INCIDENT_OF_FOUR);
		this.clients = Math.max(1, this.requests / REQUESTS_PER_CLIENT);
		this.start = Instant.now().minus(SPAN).minus(Duration.ofDays(1));
		this.clientBase = next("client");
		this.orderBase = next("client_order");
		this.requestBase = next("service_request");
		this.incidentBase = next("incident");
		List<String> engineers = java.util.stream.IntStream.range(0, users.engineers())
			.mapToObj(users::engineer)
			.toList();
		this.services = List.of(service("1001", engineers), service("1001", engineers), service("1002", engineers),
				service("2001", List.of("sergey")));
	}

	long requests() {
		return this.requests;
	}

	long incidents() {
		return java.util.stream.LongStream.range(0, this.requests).filter(this::hasIncident).count();
	}

	long clientBase() {
		return this.clientBase;
	}

	long clients() {
		return this.clients;
	}

	/** Rows written so far, of every table. */
	long written() {
		return this.written.get();
	}

	/** About how many rows {@link #load} writes. */
	long rowsToWrite() {
		// a request, 3/4 incident, 5.75 status rows, 3 activities, 3 mails
		return 2 * this.clients + this.requests * 27 / 2;
	}

	void load() {
		this.psql.copy(this.database, "client (id, last_name, first_name, middle_name, phone, created_at, updated_at)",
				(out) -> {
					for (long c = 0; c < this.clients; c++) {
						String at = this.start.minus(Duration.ofDays(30 + c % 3000)).toString();
						row(out, this.clientBase + c, LAST_NAMES[(int) (mix(c) % LAST_NAMES.length)],
								FIRST_NAMES[(int) (mix(c + 7) % FIRST_NAMES.length)], null, "+7903%07d".formatted(c), at,
								at);
					}
				});
		this.psql.copy(this.database,
				"client_order (id, code, name, price, created_on, client_id, created_at, updated_at)", (out) -> {
					for (long c = 0; c < this.clients; c++) {
						Instant at = this.start.minus(Duration.ofDays(30 + c % 3000));
						row(out, this.orderBase + c, "BGO-" + c, "Home internet 100 Mbit/s", "450.00",
								at.toString().substring(0, 10), this.clientBase + c, at, at);
					}
				});
		this.psql.copy(this.database,
				"service_request (id, created_at, created_by, channel, priority, description, assignee, client_id, "
						+ "order_id, status, close_reason, closed_at, process_instance_id)",
				(out) -> {
					for (long r = 0; r < this.requests; r++) {
						long client = mix(r) % this.clients;
						row(out, this.requestBase + r, opened(r), agent(r), "PHONE", priority(r), text(r), agent(r),
								this.clientBase + client, this.orderBase + client, "CLOSED",
								hasIncident(r) ? "INCIDENT_CLOSED" : "NO_INCIDENT", closed(r), uuid("sr", r));
					}
				});
		this.psql.copy(this.database,
				"incident (id, created_at, created_by, assignee, narrative, service_id, work_group_id, priority, "
						+ "service_request_id, client_id, status, closed_at, process_instance_id)",
				(out) -> {
					for (long r = 0; r < this.requests; r++) {
						if (hasIncident(r)) {
							Service service = service(r);
							row(out, this.incidentBase + r, at(r, 3), agent(r), engineer(r), NARRATIVE, service.id(),
									service.workGroupId(), priority(r), this.requestBase + r,
									this.clientBase + mix(r) % this.clients, "CLOSED", closed(r), uuid("in", r));
						}
					}
				});
		this.psql.copy(this.database,
				"status (created_at, service_request_id, incident_id, old_status, new_status, user_id, actor_id)",
				(out) -> {
					for (long r = 0; r < this.requests; r++) {
						long request = this.requestBase + r;
						row(out, opened(r), request, null, null, "NEW", agent(r), agent(r));
						if (!hasIncident(r)) {
							row(out, closed(r), request, null, "NEW", "CLOSED", agent(r), agent(r));
							continue;
						}
						long incident = this.incidentBase + r;
						String engineer = engineer(r);
						row(out, at(r, 3), request, null, "NEW", "IN_PROGRESS", agent(r), agent(r));
						row(out, at(r, 3), null, incident, null, "NEW", null, agent(r));
						row(out, at(r, 40), null, incident, "NEW", "ASSIGNED", engineer, service(r).manager());
						row(out, at(r, 90), null, incident, "ASSIGNED", "INWORK", engineer, engineer);
						row(out, closed(r), null, incident, "INWORK", "CLOSED", engineer, engineer);
						row(out, closed(r), request, null, "IN_PROGRESS", "CLOSED", agent(r), engineer);
					}
				});
		this.psql.copy(this.database, "activity (created_at, entity_type, entity_id, kind, actor_id, details)",
				(out) -> {
					for (long r = 0; r < this.requests; r++) {
						if (hasIncident(r)) {
							long incident = this.incidentBase + r;
							Service service = service(r);
							row(out, at(r, 41), "INCIDENT", incident, "MAIL_SENT", "system",
									"INCIDENT_OPENED to " + service.manager() + "@telecom.example");
							row(out, at(r, 91), "INCIDENT", incident, "MAIL_SENT", "system",
									"INCIDENT_ASSIGNED to " + engineer(r) + "@bench.example");
							row(out, closed(r), "INCIDENT", incident, "MAIL_SKIPPED", "system",
									"REQUEST_RESOLVED to nobody");
							row(out, closed(r), "INCIDENT", incident, "MAIL_SENT", "system",
									"INCIDENT_CLOSED to maria@telecom.example, " + service.manager()
											+ "@telecom.example");
						}
					}
				});
		this.psql.copy(this.database,
				"mail_delivery (event_key, message_id, kind, incident_id, recipients, subject, sent_at)", (out) -> {
					for (long r = 0; r < this.requests; r++) {
						if (hasIncident(r)) {
							long incident = this.incidentBase + r;
							Service service = service(r);
							mail(out, incident, r, "INCIDENT_OPENED", service.manager() + "@telecom.example",
									"[Incident #" + incident + "] New " + priority(r) + " incident for "
											+ service.name() + ": choose an engineer",
									at(r, 41));
							mail(out, incident, r, "INCIDENT_ASSIGNED", engineer(r) + "@bench.example",
									"[Incident #" + incident + "] Assigned to you: " + service.name(), at(r, 91));
							mail(out, incident, r, "REQUEST_RESOLVED", null,
									"Ваше обращение №" + (this.requestBase + r) + " решено", closed(r));
							mail(out, incident, r, "INCIDENT_CLOSED",
									"maria@telecom.example, " + service.manager() + "@telecom.example",
									"[Incident #" + incident + "] Closed: " + service.name(), closed(r));
						}
					}
				});
		for (String table : List.of("client", "client_order", "service_request", "incident", "status", "activity",
				"mail_delivery")) {
			this.psql.query(this.database, "select setval(pg_get_serial_sequence('%s', 'id'), max(id)) from %s"
				.formatted(table, table), "analyze " + table);
		}
	}

	private void mail(Writer out, long incident, long r, String kind, String to, String subject, String at)
			throws IOException {
		String key = "incident-" + incident + "." + kind.toLowerCase(Locale.ROOT) + "." + uuid(kind, r);
		row(out, key, "<" + key + "@helpdesk.telecom.example>", kind, incident, to, subject, at);
	}

	private boolean hasIncident(long r) {
		return mix(r + 11) % 4 < WITH_INCIDENT_OF_FOUR;
	}

	private String agent(long r) {
		return this.users.agent((int) (r % this.users.agents()));
	}

	private Service service(long r) {
		return this.services.get((int) (mix(r + 3) % this.services.size()));
	}

	private String engineer(long r) {
		List<String> engineers = service(r).engineers();
		return engineers.get((int) (mix(r + 5) % engineers.size()));
	}

	private static String priority(long r) {
		return PRIORITIES[(int) (mix(r + 1) % PRIORITIES.length)];
	}

	private static String text(long r) {
		return TEXTS[(int) (mix(r + 2) % TEXTS.length)];
	}

	/** Requests come evenly over the span, in the order of their ids. */
	private String opened(long r) {
		return this.start.plusMillis(SPAN.toMillis() * r / this.requests).toString();
	}

	/** {@code minutes} after the request was opened. */
	private String at(long r, long minutes) {
		return this.start.plusMillis(SPAN.toMillis() * r / this.requests).plus(Duration.ofMinutes(minutes)).toString();
	}

	/** Closed within a few hours to three days. */
	private String closed(long r) {
		return at(r, 120 + mix(r + 9) % 4200);
	}

	private static String uuid(String kind, long r) {
		return UUID.nameUUIDFromBytes((kind + r).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
	}

	/** A well-spread number from a row number (splitmix64's finaliser). */
	private static long mix(long n) {
		long z = n * 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return (z ^ (z >>> 31)) & Long.MAX_VALUE;
	}

	private void row(Writer out, Object... fields) throws IOException {
		for (int i = 0; i < fields.length; i++) {
			if (i > 0) {
				out.write(',');
			}
			Object field = fields[i];
			if (field != null) {
				String text = field.toString();
				if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.isEmpty()) {
					out.write('"');
					out.write(text.replace("\"", "\"\""));
					out.write('"');
				}
				else {
					out.write(text);
				}
			}
		}
		out.write('\n');
		this.written.incrementAndGet();
	}

	private long next(String table) {
		return Long.parseLong(this.psql.value(this.database, "select coalesce(max(id), 0) + 1 from " + table));
	}

	private Service service(String code, List<String> engineers) {
		String[] row = this.psql
			.query(this.database,
					"select s.name, s.id, g.id, g.manager_id from service s join service_group g on g.id = s.work_group_id "
							+ "where s.code = " + code)
			.get(0);
		return new Service(row[0], Long.parseLong(row[1]), Long.parseLong(row[2]), row[3], engineers);
	}

}
