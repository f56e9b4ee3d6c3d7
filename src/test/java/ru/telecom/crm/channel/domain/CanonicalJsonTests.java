package ru.telecom.crm.channel.domain;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class CanonicalJsonTests {

	static Stream<Arguments> sameMessages() {
		return Stream.of(arguments("{\"a\":1,\"b\":\"x\"}", "{ \"b\" : \"x\",\n  \"a\" : 1 }\n"),
				arguments("{\"a\":{\"c\":[1,2],\"b\":null}}", "{\"a\":{\"b\":null,\"c\":[ 1, 2 ]}}"),
				arguments("{\"price\":1.5}", "{\"price\":1.50}"), arguments("{\"n\":100}", "{\"n\":1e2}"),
				arguments("{\"n\":1}", "{\"n\":1.0}"), arguments("{\"text\":\"Привет \\\"мир\\\"\"}",
						"{\"text\":\"\\u041f\\u0440\\u0438\\u0432\\u0435\\u0442 \\u0022\\u043c\\u0438\\u0440\\\"\"}"));
	}

	static Stream<Arguments> otherMessages() {
		return Stream.of(arguments("{\"a\":1}", "{\"a\":2}"), arguments("{\"a\":[1,2]}", "{\"a\":[2,1]}"),
				arguments("{\"a\":\"1\"}", "{\"a\":1}"), arguments("{\"a\":null}", "{}"),
				arguments("{\"a\":0.1000000000000000001}", "{\"a\":0.1}"),
				arguments("{\"description\":\"Slow internet\"}", "{\"description\":\"Slow  internet\"}"));
	}

	@ParameterizedTest
	@MethodSource("sameMessages")
	void theSameMessageSerialisedAnotherWayHasTheSameHash(String one, String other) {
		assertThat(CanonicalJson.sha256(other)).isEqualTo(CanonicalJson.sha256(one));
	}

	@ParameterizedTest
	@MethodSource("otherMessages")
	void anotherMessageHasAnotherHash(String one, String other) {
		assertThat(CanonicalJson.sha256(other)).isNotEqualTo(CanonicalJson.sha256(one));
	}

}
