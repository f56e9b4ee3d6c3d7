package ru.telecom.crm.sla;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the calendars and policies are read.
 *
 * @param cacheTtl how long they are kept; an import on this node reads them again at
 * once, another node's import is seen within this time
 * @param escalationStep the share of a target between two levels of an escalation chain:
 * with 0.25, level 1 is due at 125 % of the target, level 2 at 150 %…
 * @param clockRecheck how long an incident's clock waits at most before it reads the
 * clocks again, whatever is ahead: a change whose message was lost (the app stopping
 * right after the change committed) is made up for then; zero: only on changes
 */
@ConfigurationProperties("crm.sla")
public record SlaSettings(@DefaultValue("30s") Duration cacheTtl, @DefaultValue("0.25") BigDecimal escalationStep,
		@DefaultValue("1h") Duration clockRecheck) {

}
