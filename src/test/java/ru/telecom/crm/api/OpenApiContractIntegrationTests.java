package ru.telecom.crm.api;

import org.springframework.util.LinkedMultiValueMap;

import org.springframework.http.MediaType;

import org.springframework.http.HttpHeaders;

import org.springframework.http.HttpEntity;

import org.springframework.core.io.ByteArrayResource;

import java.nio.charset.StandardCharsets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import ru.telecom.crm.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document against what the endpoints really return: every field of a
 * real response is declared in the operation's schema with a matching type, and the error
 * responses are documented.
 */
@PostgresIntegrationTest
class OpenApiContractIntegrationTests {

	@Autowired
	TestRestTemplate rest;

	@Test
	void realResponsesMatchTheDocumentedSchemas() {
		JsonNode docs = this.rest.getForEntity("/v3/api-docs", JsonNode.class).getBody();
		ResponseEntity<JsonNode> opened = this.rest.withBasicAuth("anna", "anna")
			.postForEntity("/api/service-requests", Map.of("clientPhone", "+79007778899", "orderCode", "ORD-3001"),
					JsonNode.class);
		long request = opened.getBody().get("id").asLong();
		long incident = this.rest.withBasicAuth("anna", "anna")
			.postForEntity("/api/service-requests/" + request + "/incident", Map.of("serviceCode", 1001),
					JsonNode.class)
			.getBody()
			.get("id")
			.asLong();
		long client = opened.getBody().get("clientId").asLong();
		long order = opened.getBody().get("orderId").asLong();

		List<String> mismatches = new ArrayList<>();
		check(docs, mismatches, "post", "/api/service-requests", "201", opened.getBody());
		check(docs, mismatches, "get", "/api/service-requests/{id}", "200", get("/api/service-requests/" + request));
		check(docs, mismatches, "get", "/api/service-requests", "200",
				get("/api/service-requests?createdFrom=" + Instant.now().minusSeconds(3600) + "&q=&orderId=" + order));
		check(docs, mismatches, "get", "/api/service-requests/{id}/statuses", "200",
				get("/api/service-requests/" + request + "/statuses"));
		check(docs, mismatches, "get", "/api/incidents/{id}", "200", get("/api/incidents/" + incident));
		check(docs, mismatches, "get", "/api/incidents", "200", get("/api/incidents?service=1001"));
		check(docs, mismatches, "get", "/api/clients/{id}", "200", get("/api/clients/" + client));
		check(docs, mismatches, "get", "/api/clients", "200", get("/api/clients?q=popov"));
		check(docs, mismatches, "get", "/api/orders/{id}", "200", get("/api/orders/" + order));
		check(docs, mismatches, "get", "/api/services", "200", get("/api/services"));
		check(docs, mismatches, "get", "/api/work-groups", "200", get("/api/work-groups"));
		check(docs, mismatches, "get", "/api/admin/sla", "200",
				this.rest.withBasicAuth("admin", "admin").getForEntity("/api/admin/sla", JsonNode.class).getBody());
		JsonNode note = this.rest.withBasicAuth("anna", "anna")
			.postForEntity("/api/service-requests/" + request + "/notes", Map.of("text", "Called back"), JsonNode.class)
			.getBody();
		check(docs, mismatches, "post", "/api/service-requests/{id}/notes", "201", note);
		check(docs, mismatches, "get", "/api/service-requests/{id}/notes", "200",
				get("/api/service-requests/" + request + "/notes"));
		check(docs, mismatches, "get", "/api/incidents/{id}/notes", "200",
				get("/api/incidents/" + incident + "/notes"));
		check(docs, mismatches, "post", "/api/service-requests/{id}/priority", "200",
				this.rest.withBasicAuth("anna", "anna")
					.postForEntity("/api/service-requests/" + request + "/priority",
							Map.of("priority", "HIGH", "reason", "Outage"), JsonNode.class)
					.getBody());
		check(docs, mismatches, "post", "/api/incidents/{id}/priority", "200",
				this.rest.withBasicAuth("admin", "admin")
					.postForEntity("/api/incidents/" + incident + "/priority",
							Map.of("priority", "CRITICAL", "reason", "Outage"), JsonNode.class)
					.getBody());
		HttpHeaders multipart = new HttpHeaders();
		multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
		LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new ByteArrayResource("a log line\n".getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return "modem.log";
			}
		});
		ResponseEntity<JsonNode> attached = this.rest.withBasicAuth("anna", "anna")
			.postForEntity("/api/service-requests/" + request + "/attachments", new HttpEntity<>(parts, multipart),
					JsonNode.class);
		assertThat(attached.getStatusCode().value()).isEqualTo(201);
		check(docs, mismatches, "post", "/api/service-requests/{id}/attachments", "201", attached.getBody());
		check(docs, mismatches, "get", "/api/service-requests/{id}/attachments", "200",
				get("/api/service-requests/" + request + "/attachments"));
		assertThat(mismatches).isEmpty();
		assertThat(docs.at("/paths/~1api~1incidents~1{id}~1attachments~1{attachmentId}/get/responses/200/content")
			.fieldNames()).toIterable().contains("application/octet-stream");
	}

	@Test
	void theErrorsAreDocumentedAsProblemDocuments() {
		JsonNode docs = this.rest.getForEntity("/v3/api-docs", JsonNode.class).getBody();
		JsonNode responses = docs.at("/paths/~1api~1service-requests~1{id}/get/responses");

		assertThat(responses.fieldNames()).toIterable().contains("200", "400", "404", "409");
		assertThat(responses.at("/404/content").fieldNames()).toIterable()
			.anyMatch((type) -> type.contains("problem+json") || type.contains("json"));
		assertThat(docs.at("/paths/~1api~1incidents~1{id}~1priority/post/responses").fieldNames()).toIterable()
			.contains("200", "400", "403", "404", "409");
	}

	private JsonNode get(String path) {
		ResponseEntity<JsonNode> response = this.rest.withBasicAuth("anna", "anna").getForEntity(path, JsonNode.class);
		assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
		return response.getBody();
	}

	private static void check(JsonNode docs, List<String> mismatches, String method, String path, String status,
			JsonNode actual) {
		JsonNode operation = docs.path("paths").path(path).path(method);
		JsonNode content = operation.path("responses").path(status).path("content");
		if (content.isMissingNode() || !content.fieldNames().hasNext()) {
			mismatches.add(method + " " + path + " " + status + ": no documented response body");
			return;
		}
		JsonNode schema = content.elements().next().path("schema");
		conforms(docs, schema, actual, method + " " + path + " ", mismatches);
	}

	private static void conforms(JsonNode docs, JsonNode schema, JsonNode actual, String at, List<String> mismatches) {
		schema = resolve(docs, schema);
		if (actual == null || actual.isNull()) {
			return;
		}
		String type = schema.path("type").asText(null);
		if (type == null && schema.has("properties")) {
			type = "object";
		}
		if (type == null) {
			return;
		}
		switch (type) {
			case "object" -> {
				if (!actual.isObject()) {
					mismatches.add(at + ": expected an object, got " + actual.getNodeType());
					return;
				}
				JsonNode properties = schema.path("properties");
				for (Iterator<Map.Entry<String, JsonNode>> fields = actual.fields(); fields.hasNext();) {
					Map.Entry<String, JsonNode> field = fields.next();
					if (!properties.has(field.getKey())) {
						if (!schema.has("additionalProperties")) {
							mismatches.add(at + "." + field.getKey() + ": not in the documented schema");
						}
						continue;
					}
					conforms(docs, properties.get(field.getKey()), field.getValue(), at + "." + field.getKey(),
							mismatches);
				}
			}
			case "array" -> {
				if (!actual.isArray()) {
					mismatches.add(at + ": expected an array, got " + actual.getNodeType());
					return;
				}
				for (JsonNode item : actual) {
					conforms(docs, schema.path("items"), item, at + "[]", mismatches);
				}
			}
			case "string" -> {
				if (!actual.isTextual()) {
					mismatches.add(at + ": expected a string, got " + actual.getNodeType());
				}
			}
			case "integer" -> {
				if (!actual.isIntegralNumber()) {
					mismatches.add(at + ": expected an integer, got " + actual.getNodeType());
				}
			}
			case "number" -> {
				if (!actual.isNumber()) {
					mismatches.add(at + ": expected a number, got " + actual.getNodeType());
				}
			}
			case "boolean" -> {
				if (!actual.isBoolean()) {
					mismatches.add(at + ": expected a boolean, got " + actual.getNodeType());
				}
			}
			default -> {
			}
		}
	}

	private static JsonNode resolve(JsonNode docs, JsonNode schema) {
		while (schema.has("$ref")) {
			String ref = schema.get("$ref").asText().replace("#/", "/");
			schema = docs.at(ref);
		}
		return schema;
	}

}
