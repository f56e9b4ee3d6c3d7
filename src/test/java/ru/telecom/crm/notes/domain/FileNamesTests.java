package ru.telecom.crm.notes.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A sent file name is kept as its last segment, without what could break a header. */
class FileNamesTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "report.pdf|report.pdf", "C:\\Users\\anna\\scan 1.png|scan 1.png", "../../etc/passwd|passwd",
					"..hidden.txt|hidden.txt", "a\"b.txt|ab.txt", "|attachment", "   |attachment",
					"Счёт.pdf|Счёт.pdf" })
	void aNameIsCleaned(String sent, String kept) {
		assertThat(FileNames.clean(sent)).isEqualTo(kept);
	}

	@ParameterizedTest
	@CsvSource({ "120, 200", "250, 200" })
	void aLongNameKeepsItsEnd(int length, int max) {
		String cleaned = FileNames.clean("x".repeat(length) + ".log");

		assertThat(cleaned).hasSizeLessThanOrEqualTo(max).endsWith(".log");
	}

}
