package ru.telecom.crm.report.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import ru.telecom.crm.catalog.CatalogApi;
import ru.telecom.crm.report.ReportGrouping;
import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.sla.SlaApi;
import ru.telecom.crm.sla.SlaClock;
import ru.telecom.crm.sla.WorkingTime;

/**
 * The calendars, policies and names of one report, each asked of the SLA module and the
 * catalog once per report however many incidents share it; safe to share between the
 * threads that read the clocks.
 */
final class SlaMeasures implements Measures, Measures.Labels {

	private final SlaApi sla;

	private final CatalogApi catalog;

	private final Map<String, Optional<SlaClock>> clocks = new ConcurrentHashMap<>();

	private final Map<Integer, WorkingTime> times = new ConcurrentHashMap<>();

	private final Map<String, String> labels = new ConcurrentHashMap<>();

	SlaMeasures(SlaApi sla, CatalogApi catalog) {
		this.sla = sla;
		this.catalog = catalog;
	}

	@Override
	public Optional<SlaClock> clock(int serviceCode, int groupCode, Priority priority) {
		return this.clocks.computeIfAbsent(serviceCode + "/" + groupCode + "/" + priority,
				(key) -> this.sla.clock(serviceCode, groupCode, priority));
	}

	@Override
	public WorkingTime workingTime(int groupCode) {
		return this.times.computeIfAbsent(groupCode,
				(code) -> new WorkingTime(this.sla.workGroupCalendar(code).orElseGet(Measures::aroundTheClock)));
	}

	@Override
	public String label(ReportGrouping grouping, String key) {
		return this.labels.computeIfAbsent(grouping + "/" + key, (ignored) -> switch (grouping) {
			case GROUP -> this.catalog.findWorkGroup(Integer.parseInt(key))
				.map((group) -> group.code() + " " + group.name())
				.orElse(key);
			case SERVICE -> this.catalog.findService(Integer.parseInt(key))
				.map((service) -> service.code() + " " + service.name())
				.orElse(key);
			case PRIORITY -> key;
		});
	}

}
