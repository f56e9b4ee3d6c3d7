package ru.telecom.crm.support;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import static org.awaitility.Awaitility.await;

/**
 * Counts the SQL statements our database runs for one HTTP request, whole (security, the
 * caller, the page), for a test that says what a page costs: the request carries the
 * header {@value #HEADER} with a mark of the test's choosing, and only the statements run
 * on the thread serving it count (the engine's job executor works on its own threads).
 * Import it into the test's context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

	public static final String HEADER = "X-Count-Statements";

	private static final ThreadLocal<List<String>> counting = new ThreadLocal<>();

	private static final Map<String, List<String>> counted = new ConcurrentHashMap<>();

	/**
	 * The statements of the request with that mark, once it is done: their SQL as
	 * prepared (or "?" for a plain statement's, which is known only as it runs).
	 */
	public static List<String> of(String mark) {
		await().atMost(Duration.ofSeconds(10)).until(() -> counted.containsKey(mark));
		return counted.remove(mark);
	}

	@Bean
	static BeanPostProcessor countingDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return ("dataSource".equals(name) && bean instanceof DataSource pool)
						? proxy(DataSource.class, pool, null, StatementCounter::connection) : bean;
			}
		};
	}

	@Bean
	FilterRegistrationBean<Filter> statementCountingFilter() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter() {
			@Override
			public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
					throws IOException, ServletException {
				String mark = ((HttpServletRequest) request).getHeader(HEADER);
				if (mark == null) {
					chain.doFilter(request, response);
					return;
				}
				List<String> statements = new ArrayList<>();
				counting.set(statements);
				try {
					chain.doFilter(request, response);
				}
				finally {
					counting.remove();
					counted.put(mark, statements);
				}
			}
		});
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/** A connection whose statements count when they run. */
	private static Object connection(Object target, Method method, Object[] arguments, Object result) {
		return (result instanceof Connection connection)
				? proxy(Connection.class, connection, null, StatementCounter::statement) : result;
	}

	private static Object statement(Object target, Method method, Object[] arguments, Object result) {
		String sql = (arguments != null && arguments.length > 0 && arguments[0] instanceof String text) ? text : "?";
		return (result instanceof Statement statement)
				? proxy(method.getReturnType(), statement, sql, (on, call, given, itself) -> itself) : result;
	}

	@SuppressWarnings("unchecked")
	/**
	 * A proxy of the target whose results the wrap may proxy in turn; a statement's
	 * ({@code sql} not {@code null}) is counted each time it runs.
	 */
	private static <T> T proxy(Class<?> type, Object target, String sql, Wrap wrap) {
		InvocationHandler handler = (proxy, method, arguments) -> {
			List<String> statements = counting.get();
			if (sql != null && statements != null && method.getName().startsWith("execute")) {
				statements.add((arguments != null && arguments.length > 0 && arguments[0] instanceof String text) ? text
						: sql);
			}
			try {
				return wrap.apply(target, method, arguments, method.invoke(target, arguments));
			}
			catch (InvocationTargetException ex) {
				throw ex.getTargetException();
			}
		};
		return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] { type }, handler);
	}

	/** What a proxied call's result becomes: a proxy of its own, or itself. */
	@FunctionalInterface
	private interface Wrap {

		Object apply(Object target, Method method, Object[] arguments, Object result);

	}

}
