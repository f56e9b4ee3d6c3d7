package ru.telecom.crm.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's templates hold nothing its Content-Security-Policy ({@code default-src
 * 'self'}) would block: no inline script, event handler or style; they live in
 * static/console.
 */
class ConsoleTemplatesTests {

	private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern EVENT_HANDLER = Pattern.compile("\\s(th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

	private static final Pattern INLINE_STYLE = Pattern.compile("<style\\b|\\s(th:)?style\\s*=",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern SCRIPT_URL_OR_EVAL = Pattern.compile("javascript:|\\shx-on|hx-vals=\"js:",
			Pattern.CASE_INSENSITIVE);

	@Test
	void noTemplateHasInlineScriptHandlersOrStyles() throws IOException {
		Resource[] templates = new PathMatchingResourcePatternResolver()
			.getResources("classpath:templates/console/*.html");

		assertThat(templates).isNotEmpty();
		for (Resource template : templates) {
			String html = template.getContentAsString(StandardCharsets.UTF_8);
			assertThat(INLINE_SCRIPT.matcher(html).find()).as("inline <script> in %s", template.getFilename())
				.isFalse();
			assertThat(EVENT_HANDLER.matcher(html).find()).as("on… handler in %s", template.getFilename()).isFalse();
			assertThat(INLINE_STYLE.matcher(html).find()).as("inline style in %s", template.getFilename()).isFalse();
			assertThat(SCRIPT_URL_OR_EVAL.matcher(html).find())
				.as("script in an attribute in %s", template.getFilename())
				.isFalse();
		}
	}

	@Test
	void htmxIsToldNotToInjectItsIndicatorStyles() throws IOException {
		String layout = new PathMatchingResourcePatternResolver().getResource("classpath:templates/console/layout.html")
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(layout).contains("name=\"htmx-config\"").contains("\"includeIndicatorStyles\":false");
	}

}
