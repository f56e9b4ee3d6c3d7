package ru.telecom.crm.report.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.telecom.crm.access.AccessPolicy;
import ru.telecom.crm.access.Caller;
import ru.telecom.crm.catalog.CatalogApi;
import ru.telecom.crm.incident.IncidentSearch;
import ru.telecom.crm.report.BacklogAgeingReport;
import ru.telecom.crm.report.EngineerPerformanceReport;
import ru.telecom.crm.report.QueueHealthReport;
import ru.telecom.crm.report.ReportApi;
import ru.telecom.crm.report.ReportGrouping;
import ru.telecom.crm.report.ReportPeriod;
import ru.telecom.crm.report.SlaComplianceReport;
import ru.telecom.crm.shared.ForbiddenException;
import ru.telecom.crm.sla.BusinessCalendar;
import ru.telecom.crm.sla.SlaApi;

/**
 * The reports: who may run them and in which scope, the rows read in one go, the figures
 * worked out in memory. Read-only transactions, so that the status rows stream.
 */
@Service
@Transactional(readOnly = true)
class ReportService implements ReportApi {

	private final AccessPolicy access;

	private final ReportReader reader;

	private final SlaApi sla;

	private final CatalogApi catalog;

	private final Clock clock;

	ReportService(AccessPolicy access, ReportReader reader, SlaApi sla, CatalogApi catalog, Clock clock) {
		this.access = access;
		this.reader = reader;
		this.sla = sla;
		this.catalog = catalog;
		this.clock = clock;
	}

	@Override
	public SlaComplianceReport slaCompliance(Caller caller, ReportPeriod period, ReportGrouping groupBy) {
		IncidentSearch.Scope scope = scopeOf(caller);
		Instant asOf = notAfterNow(period.to());
		List<IncidentTrack> created = this.reader.createdWithHistory(scope, period.from(),
				earlier(period.to(), asOf.plusNanos(1)), asOf);
		SlaMeasures measures = measures();
		return ComplianceFigures.of(period, asOf, groupBy, created, measures, measures);
	}

	@Override
	public BacklogAgeingReport backlogAgeing(Caller caller, Instant at, ReportGrouping groupBy) {
		IncidentSearch.Scope scope = scopeOf(caller);
		Instant asOf = notAfterNow((at != null) ? at : this.clock.instant());
		SlaMeasures measures = measures();
		return AgeingFigures.of(asOf, groupBy, this.reader.overlapping(scope, asOf, asOf, asOf), measures, measures);
	}

	@Override
	public EngineerPerformanceReport engineerPerformance(Caller caller, ReportPeriod period) {
		IncidentSearch.Scope scope = scopeOf(caller);
		Instant asOf = notAfterNow(period.to());
		ReportPeriod known = new ReportPeriod(period.from(), earlier(period.to(), asOf.plusNanos(1)));
		EngineerPerformanceReport report = EngineerFigures.of(known,
				this.reader.closedWithHistory(scope, known.from(), known.to()), measures());
		return new EngineerPerformanceReport(period.from(), period.to(), report.rows());
	}

	@Override
	public QueueHealthReport queueHealth(Caller caller, ReportPeriod period, ReportGrouping groupBy) {
		IncidentSearch.Scope scope = scopeOf(caller);
		Instant asOf = notAfterNow(period.to());
		ZoneId zone = this.sla.helpdeskCalendar().map(BusinessCalendar::zone).orElse(ZoneOffset.UTC);
		SlaMeasures measures = measures();
		return QueueFigures.of(period, asOf, zone, groupBy,
				this.reader.overlapping(scope, period.from(), earlier(period.to(), asOf), asOf), measures, measures);
	}

	/** The caller's incidents (DESIGN §3, as the lists); refused unless a manager. */
	private IncidentSearch.Scope scopeOf(Caller caller) {
		if (!caller.overseesWork()) {
			throw new ForbiddenException("Reports are for managers and administrators");
		}
		return this.access.incidentScope(caller);
	}

	private SlaMeasures measures() {
		return new SlaMeasures(this.sla, this.catalog);
	}

	/** Nothing is known of the future: an instant still ahead is read as now. */
	private Instant notAfterNow(Instant instant) {
		return earlier(instant, this.clock.instant());
	}

	private static Instant earlier(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}
