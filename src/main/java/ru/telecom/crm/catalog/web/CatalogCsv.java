package ru.telecom.crm.catalog.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import ru.telecom.crm.catalog.CatalogImport;
import ru.telecom.crm.catalog.CatalogImport.ServiceEntry;
import ru.telecom.crm.catalog.CatalogImport.WorkGroupEntry;
import ru.telecom.crm.shared.InvalidInputException;

/**
 * The catalog as CSV: one row per entry, with a header line
 * {@code kind,code,name,email,managerId,workGroupCode}; {@code kind} is
 * {@code WORK_GROUP} or {@code SERVICE}.
 */
final class CatalogCsv {

	static final String MEDIA_TYPE = "text/csv";

	private static final CsvMapper MAPPER = new CsvMapper();

	private CatalogCsv() {
	}

	static CatalogImport parse(String csv) {
		List<WorkGroupEntry> groups = new ArrayList<>();
		List<ServiceEntry> services = new ArrayList<>();
		Map<String, String> errors = new LinkedHashMap<>();
		CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnReordering(true);
		try (MappingIterator<Map<String, String>> rows = MAPPER.readerForMapOf(String.class)
			.with(schema)
			.readValues(csv)) {
			int line = 1;
			while (rows.hasNext()) {
				line++;
				Map<String, String> row = rows.next();
				String kind = value(row, "kind");
				String at = "line " + line + ".";
				switch ((kind != null) ? kind.toUpperCase(Locale.ROOT).replace('-', '_') : "") {
					case "WORK_GROUP", "WORKGROUP" -> groups.add(new WorkGroupEntry(number(row, "code", at, errors),
							value(row, "name"), value(row, "email"), value(row, "managerId")));
					case "SERVICE" -> services.add(new ServiceEntry(number(row, "code", at, errors), value(row, "name"),
							number(row, "workGroupCode", at, errors)));
					default -> errors.put(at + "kind", "kind must be WORK_GROUP or SERVICE");
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InvalidInputException invalid) {
				throw invalid;
			}
			throw new InvalidInputException("csv", "not readable as CSV with a header line: " + firstLine(ex));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The catalog CSV has errors; nothing was changed", errors);
		}
		return new CatalogImport(groups, services);
	}

	private static String value(Map<String, String> row, String column) {
		String value = row.get(column);
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static Integer number(Map<String, String> row, String column, String at, Map<String, String> errors) {
		String value = value(row, column);
		if (value == null) {
			return null;
		}
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			errors.put(at + column, "'" + value + "' is not a number");
			return null;
		}
	}

	private static String firstLine(Exception ex) {
		String message = String.valueOf(ex.getMessage());
		int end = message.indexOf('\n');
		return (end > 0) ? message.substring(0, end) : message;
	}

}
