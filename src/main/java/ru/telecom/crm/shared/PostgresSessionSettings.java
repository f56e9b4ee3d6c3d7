package ru.telecom.crm.shared;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * The planner settings every connection of ours to PostgreSQL starts with. Only one:
 * {@code random_page_cost} for storage that reads at random about as fast as in order
 * (SSD, cloud volumes, a database that fits in memory), 1.1 by default
 * ({@code crm.db.random-page-cost}; 4, PostgreSQL's own default, for spinning disks).
 * With PostgreSQL's 4 the planner joins Tasklist's queue query to the grants it may read
 * by comparing every queue task with every grant of the group: with 3,800 tasks in a
 * queue a count took 1.4 s; with 1.1 it looks each task's grants up in the index, 41 ms
 * (the benchmark's 50 k open items, {@code src/bench/RESULTS.md}). H2 is left alone.
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
			pool.setConnectionInitSql("set random_page_cost = " + this.randomPageCost);
		}
		return bean;
	}

}
