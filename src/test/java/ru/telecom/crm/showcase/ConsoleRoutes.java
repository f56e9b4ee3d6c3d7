package ru.telecom.crm.showcase;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Controller;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The console's pages as its controllers declare them ({@code @GetMapping} in the console
 * module): whether an address opens one, with path variables and query parameters the
 * handler takes and values it can convert (a status the enum knows, a group code that is
 * a number). A board's link that passes here opens a page rather than a 404 or a 400.
 */
final class ConsoleRoutes {

	private static final String CONSOLE = "ru.telecom.crm.console";

	private final List<Route> routes;

	private final DefaultFormattingConversionService conversions = new DefaultFormattingConversionService();

	private ConsoleRoutes(List<Route> routes) {
		this.routes = routes;
	}

	private record Route(PathPattern pattern, Method handler) {
	}

	static ConsoleRoutes scan() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
		List<Route> routes = new ArrayList<>();
		for (BeanDefinition bean : scanner.findCandidateComponents(CONSOLE)) {
			Class<?> controller = ClassUtils.resolveClassName(bean.getBeanClassName(), null);
			for (Method method : controller.getDeclaredMethods()) {
				GetMapping get = AnnotatedElementUtils.findMergedAnnotation(method, GetMapping.class);
				if (get != null) {
					for (String path : get.path()) {
						routes.add(new Route(PathPatternParser.defaultInstance.parse(path), method));
					}
				}
			}
		}
		return new ConsoleRoutes(routes);
	}

	int size() {
		return this.routes.size();
	}

	/**
	 * Why the console would not open {@code address} (a path with an optional query), or
	 * empty when a GET handler takes it as it is.
	 */
	Optional<String> refusal(String address) {
		URI uri = URI.create(address);
		PathContainer path = PathContainer.parsePath(uri.getRawPath());
		for (Route route : this.routes) {
			PathPattern.PathMatchInfo match = route.pattern().matchAndExtract(path);
			if (match != null) {
				return refusal(route, match.getUriVariables(), query(uri.getRawQuery()));
			}
		}
		return Optional.of("no console page at " + uri.getRawPath());
	}

	private Optional<String> refusal(Route route, Map<String, String> pathValues, Map<String, String> queryValues) {
		Map<String, String> unread = new LinkedHashMap<>(queryValues);
		Parameter[] parameters = route.handler().getParameters();
		for (int i = 0; i < parameters.length; i++) {
			Parameter parameter = parameters[i];
			PathVariable pathVariable = AnnotatedElementUtils.findMergedAnnotation(parameter, PathVariable.class);
			RequestParam requestParam = AnnotatedElementUtils.findMergedAnnotation(parameter, RequestParam.class);
			String value;
			if (pathVariable != null) {
				value = pathValues.get(name(pathVariable.name(), parameter));
			}
			else if (requestParam != null) {
				value = unread.remove(name(requestParam.name(), parameter));
				if (value == null && requestParam.required()
						&& ValueConstants.DEFAULT_NONE.equals(requestParam.defaultValue())) {
					return Optional
						.of(route.pattern() + " needs the parameter " + name(requestParam.name(), parameter));
				}
			}
			else {
				continue;
			}
			if (value != null) {
				Optional<String> wrong = convert(value, new MethodParameter(route.handler(), i), parameter.getName());
				if (wrong.isPresent()) {
					return wrong;
				}
			}
		}
		if (!unread.isEmpty()) {
			return Optional.of(route.pattern() + " takes no parameter " + unread.keySet());
		}
		return Optional.empty();
	}

	private Optional<String> convert(String value, MethodParameter parameter, String name) {
		try {
			this.conversions.convert(value, TypeDescriptor.valueOf(String.class), new TypeDescriptor(parameter));
			return Optional.empty();
		}
		catch (RuntimeException ex) {
			return Optional.of(name + "=" + value + " is no " + parameter.getParameterType().getSimpleName());
		}
	}

	private static String name(String declared, Parameter parameter) {
		return StringUtils.hasText(declared) ? declared : parameter.getName();
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> values = new LinkedHashMap<>();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int equals = pair.indexOf('=');
				String key = (equals < 0) ? pair : pair.substring(0, equals);
				String value = (equals < 0) ? "" : pair.substring(equals + 1);
				values.put(URLDecoder.decode(key, StandardCharsets.UTF_8),
						URLDecoder.decode(value, StandardCharsets.UTF_8));
			}
		}
		return values;
	}

}
