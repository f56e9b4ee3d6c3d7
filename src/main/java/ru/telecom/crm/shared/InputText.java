package ru.telecom.crm.shared;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Text as the app accepts it: without NUL and the other control characters no column can
 * store (tabs and line breaks stay). Applied to every JSON string the API reads.
 */
@Configuration(proxyBeanMethods = false)
public class InputText {

	/**
	 * The text without the control characters a database refuses; {@code null} stays
	 * null.
	 */
	public static String clean(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder clean = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
			if (control && clean == null) {
				clean = new StringBuilder(text.length()).append(text, 0, i);
			}
			else if (!control && clean != null) {
				clean.append(c);
			}
		}
		return (clean != null) ? clean.toString() : text;
	}

	@Bean
	Jackson2ObjectMapperBuilderCustomizer cleanInputText() {
		SimpleModule module = new SimpleModule("clean-input-text");
		module.addDeserializer(String.class, new StringDeserializer() {

			@Override
			public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
				return clean(super.deserialize(parser, context));
			}

		});
		return (builder) -> builder.modulesToInstall((modules) -> modules.add(module));
	}

}
