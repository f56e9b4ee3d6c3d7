package ru.telecom.crm.sla.replay;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import ru.telecom.crm.sla.replay.ReplayFixture.Checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The oracle that wrote the replayed weeks' expected figures still says exactly what they
 * hold: a changed script or a changed oracle shows here, apart from the production
 * calculator.
 */
class ReplayOracleTests {

	static final List<String> WEEKS = ReplayFixture.WEEKS;

	@ParameterizedTest(name = "{0}")
	@FieldSource("WEEKS")
	void theOracleAgreesWithEveryLiteralOfTheWeek(String week) {
		ReplayFixture fixture = ReplayFixture.load(week);
		ReplayOracle oracle = new ReplayOracle(DemoSeed.read());
		Map<Checkpoint, Map<String, String>> expected = fixture.expected();
		assertThat(expected.keySet()).containsExactlyElementsOf(fixture.checkpoints());

		SoftAssertions softly = new SoftAssertions();
		expected.forEach(
				(checkpoint, literal) -> softly.assertThat(oracle.figures(checkpoint.incident(), checkpoint.asOf()))
					.as("%s: %s as of %s", week, checkpoint.incident(), checkpoint.asOf())
					.containsExactlyEntriesOf(literal));
		softly.assertAll();
	}

	@ParameterizedTest(name = "{0}")
	@FieldSource("WEEKS")
	void theReportOracleAgreesWithEveryReportLiteralOfTheWeek(String week) {
		ReplayFixture fixture = ReplayFixture.load(week);
		ReportOracle oracle = new ReportOracle(DemoSeed.read());

		assertThat(fixture.reports).isNotEmpty();
		assertThat(fixture.reports).extracting((line) -> line.key() + " | " + line.value())
			.containsExactlyElementsOf(
					oracle.lines(fixture).stream().map((line) -> line.key() + " | " + line.value()).toList());
	}

}
