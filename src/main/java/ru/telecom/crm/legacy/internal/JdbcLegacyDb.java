package ru.telecom.crm.legacy.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import liquibase.integration.spring.SpringLiquibase;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.stereotype.Component;

import ru.telecom.crm.legacy.LegacyCustomer;
import ru.telecom.crm.legacy.LegacyDb;
import ru.telecom.crm.legacy.LegacyOrder;
import ru.telecom.crm.legacy.LegacyUnavailableException;
import ru.telecom.crm.shared.Phones;
import ru.telecom.crm.shared.SearchFilters;

/**
 * LegacyDB over its own read-only connection pool ({@link LegacyPool}). The pool is not a
 * Spring {@code DataSource} bean, so it never becomes the app's database by accident.
 */
@Component
class JdbcLegacyDb implements LegacyDb, DisposableBean {

	private static final String CUSTOMER_COLUMNS = "cust_id, full_name, phone, email, inn, org_name";

	private static final RowMapper<LegacyCustomer> CUSTOMER = (rs, row) -> new LegacyCustomer(rs.getLong("cust_id"),
			rs.getString("full_name"), rs.getString("phone"), rs.getString("email"), rs.getString("inn"),
			rs.getString("org_name"));

	private static final RowMapper<LegacyOrder> ORDER = JdbcLegacyDb::order;

	private final LegacyPool pool;

	private final JdbcClient jdbc;

	private final Phones phones;

	private volatile String digitsOfPhone;

	JdbcLegacyDb(LegacySettings settings, Phones phones, ResourceLoader resourceLoader) {
		this.phones = phones;
		if (settings.migrate()) {
			migrate(settings, resourceLoader);
		}
		this.pool = new LegacyPool(() -> pool(settings));
		org.springframework.jdbc.core.JdbcTemplate template = new org.springframework.jdbc.core.JdbcTemplate(this.pool);
		template.setQueryTimeout((int) Math.max(1, settings.timeout().toSeconds()));
		this.jdbc = JdbcClient.create(template);
	}

	@Override
	public Optional<LegacyCustomer> findCustomerByPhone(String e164) {
		List<String> forms = this.phones.digitForms(e164);
		return guarded(() -> this.jdbc
			.sql("select " + CUSTOMER_COLUMNS + " from customers where " + digitsOfPhone()
					+ " in (:forms) order by cust_id")
			.param("forms", forms)
			.query(CUSTOMER)
			.list()
			.stream()
			// the digits may match a number of another country: compare the numbers
			.filter((customer) -> e164.equals(this.phones.normalizeOrNull(customer.phone())))
			.findFirst());
	}

	@Override
	public Optional<LegacyCustomer> findCustomer(long custId) {
		return guarded(() -> this.jdbc.sql("select " + CUSTOMER_COLUMNS + " from customers where cust_id = ?")
			.param(custId)
			.query(CUSTOMER)
			.optional());
	}

	@Override
	public Optional<LegacyOrder> findOrder(String orderCode) {
		return guarded(() -> this.jdbc
			.sql("select order_no, cust_id, title, amount, created from orders where upper(order_no) = upper(?)")
			.param(orderCode.trim())
			.query(ORDER)
			.optional());
	}

	@Override
	public List<LegacyOrder> findOrdersOf(long custId) {
		return guarded(() -> this.jdbc.sql(
				"select order_no, cust_id, title, amount, created from orders where cust_id = ? order by created, order_no")
			.param(custId)
			.query(ORDER)
			.list());
	}

	@Override
	public List<LegacyCustomer> searchCustomers(String text, String e164, int limit) {
		if (e164 != null) {
			return findCustomerByPhone(e164).map(List::of).orElse(List.of());
		}
		String like = SearchFilters.containing(text);
		String digits = text.replaceAll("\\D", "");
		String byDigits = (digits.length() >= 4) ? " or " + digitsOfPhone() + " like :digits" : "";
		return guarded(() -> this.jdbc
			.sql("select " + CUSTOMER_COLUMNS + " from customers where lower(full_name) like :like escape '\\'"
					+ " or lower(org_name) like :like escape '\\' or lower(email) like :like escape '\\'" + byDigits
					+ " order by cust_id fetch first " + limit + " rows only")
			.param("like", like)
			.param("digits", "%" + digits + "%")
			.query(CUSTOMER)
			.list());
	}

	@Override
	public List<LegacyOrder> searchOrders(String text, int limit) {
		String like = SearchFilters.containing(text);
		return guarded(() -> this.jdbc.sql(
				"select order_no, cust_id, title, amount, created from orders where lower(order_no) like :like escape '\\'"
						+ " or lower(title) like :like escape '\\' order by order_no fetch first " + limit
						+ " rows only")
			.param("like", like)
			.query(ORDER)
			.list());
	}

	@Override
	public void destroy() {
		this.pool.close();
	}

	private <T> T guarded(Supplier<T> query) {
		try {
			return query.get();
		}
		catch (DataAccessException ex) {
			throw new LegacyUnavailableException(ex);
		}
	}

	/**
	 * The SQL expression that strips a phone down to its digits, in LegacyDB's dialect.
	 */
	private String digitsOfPhone() {
		String expression = this.digitsOfPhone;
		if (expression == null) {
			expression = guarded(() -> {
				try (Connection connection = this.pool.getConnection()) {
					String product = connection.getMetaData().getDatabaseProductName();
					// PostgreSQL replaces only the first match unless told 'g'; H2
					// replaces all
					return product.toLowerCase().contains("postgres") ? "regexp_replace(phone, '[^0-9]', '', 'g')"
							: "regexp_replace(phone, '[^0-9]', '')";
				}
				catch (SQLException ex) {
					throw new org.springframework.jdbc.CannotGetJdbcConnectionException("LegacyDB", ex);
				}
			});
			this.digitsOfPhone = expression;
		}
		return expression;
	}

	static HikariDataSource pool(LegacySettings settings) {
		HikariDataSource pool = new HikariDataSource();
		pool.setPoolName("legacy");
		pool.setJdbcUrl(settings.url());
		pool.setUsername(settings.username());
		pool.setPassword(settings.password());
		pool.setReadOnly(true);
		pool.setMaximumPoolSize(4);
		pool.setMinimumIdle(0);
		pool.setConnectionTimeout(Math.max(250, settings.timeout().toMillis()));
		// start even while LegacyDB is down: lookups report it, the rest of the app works
		pool.setInitializationFailTimeout(-1);
		return pool;
	}

	private static LegacyOrder order(ResultSet rs, int row) throws SQLException {
		java.sql.Date created = rs.getDate("created");
		return new LegacyOrder(rs.getString("order_no"), rs.getLong("cust_id"), rs.getString("title"),
				rs.getBigDecimal("amount"), (created != null) ? created.toLocalDate() : null);
	}

	private static void migrate(LegacySettings settings, ResourceLoader resourceLoader) {
		DataSource writable = new DriverManagerDataSource(settings.url(), settings.username(), settings.password());
		SpringLiquibase liquibase = new SpringLiquibase();
		liquibase.setDataSource(writable);
		liquibase.setResourceLoader(resourceLoader);
		liquibase.setChangeLog("classpath:db/legacy/changelog.yaml");
		liquibase.setContexts(settings.demoData() ? "demo" : "replica");
		try {
			liquibase.afterPropertiesSet();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not apply the LegacyDB changelog to " + settings.url(), ex);
		}
	}

}
