package ru.telecom.crm.api;

import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

	private static final String PROBLEM = "application/problem+json";

	/** The errors every operation of the API may answer, as problem documents. */
	private static final Map<String, String> ERRORS = Map.of("400",
			"Invalid input (urn:problem-type:crm:validation), with the offending fields in errors", "401",
			"Not signed in (urn:problem-type:crm:unauthorized)", "403",
			"Visible but not yours to change, or not your role (urn:problem-type:crm:forbidden)", "404",
			"No such item, or not one you may see (urn:problem-type:crm:not-found)", "409",
			"A transition the state machine does not allow, or a concurrent change (urn:problem-type:crm:conflict)",
			"429",
			"Too many failed sign-ins for this user from this address; see Retry-After"
					+ " (urn:problem-type:crm:too-many-requests)",
			"503", "LegacyDB cannot answer now; nothing was written (urn:problem-type:crm:unavailable)");

	/** What a body-carrying operation may answer besides. */
	private static final Map<String, String> BODY_ERRORS = Map.of("413",
			"The body is over the limit (urn:problem-type:crm:payload-too-large)", "415",
			"Not JSON (urn:problem-type:crm:unsupported-media-type)", "422",
			"An idempotency key used before with another payload (urn:problem-type:crm:idempotency-key-reused)");

	/** Every operation documents its error responses as RFC 9457 problem documents. */
	@Bean
	GlobalOpenApiCustomizer problemResponses() {
		return (api) -> {
			Schema<?> problem = new ObjectSchema().description("An RFC 9457 problem document")
				.addProperty("type", new StringSchema().example("urn:problem-type:crm:validation"))
				.addProperty("title", new StringSchema())
				.addProperty("status", new IntegerSchema())
				.addProperty("detail", new StringSchema())
				.addProperty("instance", new StringSchema())
				.addProperty("errors", new ObjectSchema().additionalProperties(new StringSchema())
					.description("Offending fields and what is wrong with each"));
			api.getComponents().addSchemas("Problem", problem);
			api.getPaths().values().forEach((path) -> path.readOperationsMap().forEach((method, operation) -> {
				ApiResponses responses = operation.getResponses();
				ERRORS.forEach((status, description) -> responses.putIfAbsent(status, problemResponse(description)));
				if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
					BODY_ERRORS
						.forEach((status, description) -> responses.putIfAbsent(status, problemResponse(description)));
				}
			}));
		};
	}

	private static ApiResponse problemResponse(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(PROBLEM,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
	}

	@Bean
	OpenAPI helpdeskApi() {
		return new OpenAPI()
			.info(new Info().title("Telecom helpdesk CRM API")
				.version("1")
				.description("Service requests, incidents, clients, orders and the catalog. Errors are RFC 9457 "
						+ "problem documents with a type urn:problem-type:crm:<kind>. A list shows only what the "
						+ "caller may see; an item the caller may not see answers 404."))
			.components(new Components()
				.addSecuritySchemes("bearer",
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("JWT")
							.description("A Keycloak access token with the audience crm-api (keycloak profile)"))
				.addSecuritySchemes("basic",
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("basic")
							.description("A user of Camunda's identity store (embedded default)")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"))
			.addSecurityItem(new SecurityRequirement().addList("basic"));
	}

}
