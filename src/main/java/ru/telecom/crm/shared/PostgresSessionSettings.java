package ru.telecom.crm.shared;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * The planner settings every connection of ours to PostgreSQL starts with, for the
 * engine's queries we cannot change: Tasklist's queue query joins the tasks to the grants
 * the caller may read with {@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')}, and with
 * a queue of 3,800 tasks (the benchmark's 50 k open items) PostgreSQL compared every task
 * with every grant of the group: its count took 1.4 s. Looking each task's grants up in
 * the index takes 40 ms, and the planner takes that path when
 * <ul>
 * <li>{@code random_page_cost} says random reads cost about what reads in order do (SSD,
 * cloud volumes, a database that fits in memory): 1.1 by default
 * ({@code crm.db.random-page-cost}; PostgreSQL's own 4 is for spinning disks);</li>
 * <li>it does not keep the grants it read once in memory to compare each task with them
 * ({@code enable_material = off}): the driver prepares a statement run five times, and a
 * plan made once for any values guesses a group's grants by the engine's permission bit
 * masks at three rows, for which that looks cheapest. Planning each statement with its
 * values instead ({@code plan_cache_mode = force_custom_plan}) found the index too, but
 * planning all of them cost PostgreSQL 13 ms more CPU per lifecycle (a sixth);</li>
 * <li>and it knows how many grants carry a permission: the statistics on those bit masks
 * that {@link EngineTuning} makes.</li>
 * </ul>
 * H2 is left alone.
 */
@Component
class PostgresSessionSettings implements BeanPostProcessor {

	private final String randomPageCost;

	PostgresSessionSettings(@Value("${crm.db.random-page-cost:1.1}") double randomPageCost) {
		if (!(randomPageCost > 0 && randomPageCost <= 100)) {
			throw new IllegalArgumentException("crm.db.random-page-cost must be above 0 and at most 100");
		}
		this.randomPageCost = Double.toString(randomPageCost);
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
				&& pool.getJdbcUrl().startsWith("jdbc:postgresql:") && pool.getConnectionInitSql() == null) {
			pool.setConnectionInitSql("set random_page_cost = " + this.randomPageCost + "; set enable_material = off");
		}
		return bean;
	}

}
