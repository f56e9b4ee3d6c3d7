package ru.telecom.crm.showcase;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import ru.telecom.crm.support.Dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Grafana's interpolation as the tests that run the boards' queries need it. */
class DashboardsTests {

	@Test
	void substitutesEverySyntaxOfAVariable() {
		assertThat(Dashboards.substitute("x{group=~\"$group\"} [[group]] ${group}", Map.of("group", "(100|200)")))
			.isEqualTo("x{group=~\"(100|200)\"} (100|200) (100|200)");
	}

	@Test
	void looksUpAFormattedReferenceWholeBeforeItsName() {
		Map<String, String> values = Dashboards.period(Instant.parse("2025-01-15T12:00:00Z"), Duration.ofHours(1),
				Duration.ofMinutes(1));
		assertThat(Dashboards.substitute("toDateTime(${__from:date:seconds}) .. ${__to}", values))
			.isEqualTo("toDateTime(1736938800) .. 1736942400000");
	}

	@Test
	void encodesALinksValueAsGrafanaDoes() {
		assertThat(Dashboards.substitute("${console}/requests?assignee=${__data.fields.assignee:percentencode}",
				Map.of("console", "", "__data.fields.assignee", "o'neil & co")))
			.isEqualTo("/requests?assignee=o%27neil%20%26%20co");
	}

	@Test
	void leavesARegularExpressionsGroupAlone() {
		assertThat(Dashboards.substitute("label_replace(m, \"a\", \"$1\", \"b\", \"(.+)\")", Map.of()))
			.isEqualTo("label_replace(m, \"a\", \"$1\", \"b\", \"(.+)\")");
		assertThat(Dashboards.uses("\"$1\" $group")).extracting(Dashboards.Use::name).containsExactly("group");
	}

	@Test
	void refusesAVariableWithoutAValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> Dashboards.substitute("x[$__range]", Map.of()))
			.withMessageContaining("$__range");
	}

}
