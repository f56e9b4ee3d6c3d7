package ru.telecom.crm.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.incident.IncidentActions;
import ru.telecom.crm.incident.IncidentProcess;
import ru.telecom.crm.incident.IncidentApi.TransitionDetails;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.servicerequest.OpenRequest;
import ru.telecom.crm.servicerequest.RequestActions;
import ru.telecom.crm.servicerequest.ServiceRequestProcess;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.support.AsUser;
import ru.telecom.crm.support.PostgresIntegrationTest;
import ru.telecom.crm.support.RawHttp;
import ru.telecom.crm.support.RawHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notes and files of requests and incidents through the API (DESIGN §13): who reads and
 * adds them (DESIGN §3), what a file may be, how it comes back, and what the activity
 * keeps.
 */
@PostgresIntegrationTest
class NotesAndAttachmentsIntegrationTests {

	private static final int MB = 1024 * 1024;

	private static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.UTF_8);

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RequestActions requests;

	@Autowired
	IncidentActions incidents;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RuntimeService runtime;

	@LocalServerPort
	int port;

	/** Anna's request, with an incident of work group 100 assigned to Ivan. */
	private ServiceRequestView annas;

	private IncidentView annasIncident;

	/** Boris's request, with an incident of work group 200 assigned to Sergey. */
	private IncidentView borisBilling;

	@BeforeEach
	void openItems() {
		this.annas = as("anna", () -> this.requests.open(request("Slow internet since Monday")));
		this.annasIncident = as("anna", () -> this.requests.openIncident(this.annas.id(), 1001));
		as("olga", () -> this.incidents.changeStatus(this.annasIncident.id(), IncidentStatus.ASSIGNED,
				new TransitionDetails("ivan", null, null)));
		ServiceRequestView borisOwn = as("boris", () -> this.requests.open(request("Refund")));
		this.borisBilling = as("boris", () -> this.requests.openIncident(borisOwn.id(), 2001));
	}

	@Test
	void whoeverReadsTheItemReadsItsNotesAndWhoeverChangesItAddsThem() {
		String request = "/api/service-requests/" + this.annas.id() + "/notes";
		String incident = "/api/incidents/" + this.annasIncident.id() + "/notes";
		List<String> wrong = new ArrayList<>();

		expect(wrong, "GET", request, null,
				"anna 200 boris 404 maria 200 ivan 200 petr 404 olga 200 sergey 404 elena 404 admin 200 esb 404");
		expect(wrong, "POST", request, "{\"text\":\"Called back\"}",
				"anna 201 boris 404 maria 201 ivan 403 petr 404 olga 403 sergey 404 admin 201 esb 404");
		expect(wrong, "GET", incident, null,
				"anna 200 boris 404 maria 200 ivan 200 petr 404 olga 200 sergey 404 elena 404 admin 200 esb 404");
		expect(wrong, "POST", incident, "{\"text\":\"Port 7 reset\"}",
				"anna 403 boris 404 maria 403 ivan 201 petr 404 olga 201 sergey 404 elena 404 admin 201 esb 404");
		expect(wrong, "GET", "/api/incidents/" + this.borisBilling.id() + "/notes", null,
				"anna 404 ivan 404 petr 404 sergey 200 elena 200 boris 200");
		expect(wrong, "GET", "/api/service-requests/999999999/notes", null, "admin 404");
		assertThat(wrong).isEmpty();
	}

	@Test
	void aNoteKeepsItsAuthorTimeAndTextAndIsLoggedInTheActivity() {
		ResponseEntity<JsonNode> added = call("anna", "POST", "/api/service-requests/" + this.annas.id() + "/notes",
				"{\"text\":\"  The client will be home after 18:00  \"}");

		assertThat(added.getStatusCode().value()).isEqualTo(201);
		assertThat(added.getBody().get("authorId").asText()).isEqualTo("anna");
		assertThat(added.getBody().get("text").asText()).isEqualTo("The client will be home after 18:00");
		assertThat(added.getBody().get("createdAt").asText()).isNotBlank();
		assertThat(added.getBody().get("itemType").asText()).isEqualTo("SERVICE_REQUEST");
		JsonNode listed = call("maria", "GET", "/api/service-requests/" + this.annas.id() + "/notes", null).getBody();
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).get("id").asLong()).isEqualTo(added.getBody().get("id").asLong());
		assertThat(activities("SERVICE_REQUEST", this.annas.id())).contains("NOTE_ADDED anna");
	}

	@Test
	void theEngineerReadsTheRequestsNotesFromTheIncident() {
		call("anna", "POST", "/api/service-requests/" + this.annas.id() + "/notes",
				"{\"text\":\"Router replaced last week\"}");
		call("ivan", "POST", "/api/incidents/" + this.annasIncident.id() + "/notes", "{\"text\":\"Port 7 reset\"}");

		JsonNode notes = call("ivan", "GET", "/api/incidents/" + this.annasIncident.id() + "/notes", null).getBody();

		assertThat(notes).hasSize(2);
		assertThat(notes.get(0).get("text").asText()).isEqualTo("Router replaced last week");
		assertThat(notes.get(0).get("itemType").asText()).isEqualTo("SERVICE_REQUEST");
		assertThat(notes.get(0).get("itemId").asLong()).isEqualTo(this.annas.id());
		assertThat(notes.get(1).get("itemType").asText()).isEqualTo("INCIDENT");
		// and the request's description, read-only
		JsonNode request = call("ivan", "GET", "/api/service-requests/" + this.annas.id(), null).getBody();
		assertThat(request.get("description").asText()).isEqualTo("Slow internet since Monday");
		assertThat(activities("INCIDENT", this.annasIncident.id())).contains("NOTE_ADDED ivan");
	}

	@Test
	void theTaskFormsFindTheItemsIdForTheirLinkToItsNotes() {
		assertThat(this.runtime.getVariable(this.annas.processInstanceId(), ServiceRequestProcess.SERVICE_REQUEST_ID))
			.isEqualTo(this.annas.id());
		assertThat(this.runtime.getVariable(this.annasIncident.processInstanceId(), IncidentProcess.INCIDENT_ID))
			.isEqualTo(this.annasIncident.id());
	}

	@Test
	void aBlankTooLongOrUnreadableNoteIsRefusedAsAProblem() {
		String notes = "/api/incidents/" + this.annasIncident.id() + "/notes";

		for (String body : List.of("{\"text\":\"   \"}", "{}", "{\"text\":\"" + "x".repeat(8001) + "\"}", "not json",
				"{\"text\":[1]}")) {
			ResponseEntity<JsonNode> refused = call("ivan", "POST", notes, body);
			assertThat(refused.getStatusCode().value()).as(body).isEqualTo(400);
			assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
			assertThat(refused.getBody().get("type").asText()).isEqualTo("urn:problem-type:crm:validation");
		}
		HttpHeaders text = as("ivan");
		text.setContentType(MediaType.TEXT_PLAIN);
		assertThat(this.rest.exchange(notes, HttpMethod.POST, new HttpEntity<>("hello", text), JsonNode.class)
			.getStatusCode()
			.value()).isEqualTo(415);
		assertThat(call("ivan", "GET", notes, null).getBody()).isEmpty();
	}

	@Test
	void aNoteOverTheApisOneMegabyteIsRefusedWhileAFileMayBeLarger() {
		String big = "{\"text\":\"" + "x".repeat(MB + 10) + "\"}";

		Response chunked = new RawHttp(this.port)
			.request("POST", "/api/incidents/" + this.annasIncident.id() + "/notes")
			.header("Authorization", RawHttp.basic("ivan", "ivan"))
			.header("Content-Type", "application/json")
			.body(big.getBytes(StandardCharsets.UTF_8), true)
			.send();
		ResponseEntity<JsonNode> file = upload("ivan", "/api/incidents/" + this.annasIncident.id() + "/attachments",
				text(3 * MB), "big.log");

		assertThat(chunked.status()).isEqualTo(413);
		assertThat(chunked.body()).contains("urn:problem-type:crm:payload-too-large");
		assertThat(file.getStatusCode().value()).isEqualTo(201);
		assertThat(file.getBody().get("size").asLong()).isEqualTo(3 * MB);
	}

	@Test
	void whoeverChangesTheItemAttachesAFileWhoeverReadsItDownloadsIt() {
		String files = "/api/service-requests/" + this.annas.id() + "/attachments";
		List<String> wrong = new ArrayList<>();
		for (String user : List.of("anna", "maria", "admin", "ivan", "olga", "boris", "petr", "esb")) {
			int status = upload(user, files, PDF, "contract.pdf").getStatusCode().value();
			int expected = switch (user) {
				case "anna", "maria", "admin" -> 201;
				case "ivan", "olga" -> 403;
				default -> 404;
			};
			if (status != expected) {
				wrong.add(user + " upload: " + status + ", expected " + expected);
			}
		}
		assertThat(wrong).isEmpty();

		JsonNode listed = call("ivan", "GET", files, null).getBody();
		assertThat(listed).hasSize(3);
		assertThat(listed.get(0).get("fileName").asText()).isEqualTo("contract.pdf");
		assertThat(listed.get(0).get("contentType").asText()).isEqualTo("application/pdf");
		assertThat(listed.get(0).get("size").asLong()).isEqualTo(PDF.length);
		assertThat(listed.get(0).get("authorId").asText()).isEqualTo("anna");
		long id = listed.get(0).get("id").asLong();

		ResponseEntity<byte[]> download = this.rest.exchange(files + "/" + id, HttpMethod.GET,
				new HttpEntity<>(as("ivan")), byte[].class);
		assertThat(download.getStatusCode().value()).isEqualTo(200);
		assertThat(download.getBody()).isEqualTo(PDF);
		assertThat(download.getHeaders().getContentType()).hasToString("application/pdf");
		assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;")
			.contains("contract.pdf");
		assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		for (String user : List.of("boris", "petr", "sergey", "esb")) {
			assertThat(this.rest.exchange(files + "/" + id, HttpMethod.GET, new HttpEntity<>(as(user)), byte[].class)
				.getStatusCode()
				.value()).as(user).isEqualTo(404);
		}
		assertThat(activities("SERVICE_REQUEST", this.annas.id())).contains("ATTACHMENT_ADDED anna");
	}

	@Test
	void aFileOfAnotherItemIsNotFoundThroughThisOne() {
		long ivansFile = upload("ivan", "/api/incidents/" + this.annasIncident.id() + "/attachments", PDF, "a.pdf")
			.getBody()
			.get("id")
			.asLong();

		assertThat(call("admin", "GET", "/api/incidents/" + this.borisBilling.id() + "/attachments/" + ivansFile, null)
			.getStatusCode()
			.value()).isEqualTo(404);
		assertThat(call("admin", "GET", "/api/service-requests/" + this.annas.id() + "/attachments/" + ivansFile, null)
			.getStatusCode()
			.value()).isEqualTo(404);
		assertThat(call("admin", "GET", "/api/incidents/" + this.annasIncident.id() + "/attachments/999999999", null)
			.getStatusCode()
			.value()).isEqualTo(404);
	}

	@Test
	void theTypeIsToldByTheContentNotTheName() {
		String files = "/api/incidents/" + this.annasIncident.id() + "/attachments";
		byte[] exe = { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF };

		ResponseEntity<JsonNode> disguised = upload("ivan", files, exe, "invoice.pdf");
		ResponseEntity<JsonNode> html = upload("ivan", files,
				"<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), "notes.txt");
		ResponseEntity<JsonNode> pdfNamedTxt = upload("ivan", files, PDF, "scan.txt");

		for (ResponseEntity<JsonNode> refused : List.of(disguised, html)) {
			assertThat(refused.getStatusCode().value()).isEqualTo(415);
			assertThat(refused.getBody().get("type").asText()).isEqualTo("urn:problem-type:crm:unsupported-media-type");
		}
		assertThat(pdfNamedTxt.getStatusCode().value()).isEqualTo(201);
		assertThat(pdfNamedTxt.getBody().get("contentType").asText()).isEqualTo("application/pdf");
		assertThat(call("ivan", "GET", files, null).getBody()).hasSize(1);
	}

	@Test
	void aFileOverTheAttachmentLimitIs413WithItsLengthAndChunked() {
		String files = "/api/incidents/" + this.annasIncident.id() + "/attachments";
		byte[] multipart = multipartBody(text(10 * MB + 1), "huge.log");

		Response stated = new RawHttp(this.port).request("POST", files)
			.header("Authorization", RawHttp.basic("ivan", "ivan"))
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.body(multipart, false)
			.send();
		Response chunked = new RawHttp(this.port).request("POST", files)
			.header("Authorization", RawHttp.basic("ivan", "ivan"))
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.body(multipart, true)
			.send();

		assertThat(stated.status()).isEqualTo(413);
		assertThat(stated.body()).contains("urn:problem-type:crm:payload-too-large");
		assertThat(chunked.status()).isEqualTo(413);
		assertThat(chunked.body()).contains("urn:problem-type:crm:payload-too-large");
		assertThat(call("ivan", "GET", files, null).getBody()).isEmpty();
	}

	@Test
	void anUploadWithoutItsFilePartOrEmptyIsRefused() {
		String files = "/api/incidents/" + this.annasIncident.id() + "/attachments";
		HttpHeaders headers = as("ivan");
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("other", "x");

		ResponseEntity<JsonNode> noPart = this.rest.exchange(files, HttpMethod.POST, new HttpEntity<>(parts, headers),
				JsonNode.class);
		ResponseEntity<JsonNode> empty = upload("ivan", files, new byte[0], "empty.txt");
		ResponseEntity<JsonNode> json = call("ivan", "POST", files, "{\"file\":\"x\"}");

		assertThat(noPart.getStatusCode().value()).isEqualTo(400);
		assertThat(noPart.getBody().get("type").asText()).isEqualTo("urn:problem-type:crm:validation");
		assertThat(empty.getStatusCode().value()).isEqualTo(400);
		assertThat(json.getStatusCode().value()).isEqualTo(415);
		assertThat(json.getHeaders().getContentType().toString()).startsWith("application/problem+json");
	}

	private static final String BOUNDARY = "----notesTestBoundary7MA4YWxk";

	private static byte[] multipartBody(byte[] content, String name) {
		byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
		byte[] body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
		return body;
	}

	private static byte[] text(int size) {
		byte[] text = new byte[size];
		for (int i = 0; i < size; i++) {
			text[i] = (byte) (((i % 80) == 79) ? '\n' : 'a' + (i % 26));
		}
		return text;
	}

	private ResponseEntity<JsonNode> upload(String user, String path, byte[] content, String name) {
		HttpHeaders headers = as(user);
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return name;
			}
		});
		return this.rest.exchange(path, HttpMethod.POST, new HttpEntity<>(parts, headers), JsonNode.class);
	}

	private List<String> activities(String type, long id) {
		return this.jdbc.queryForList(
				"select kind || ' ' || actor_id from activity where entity_type = ? and entity_id = ? order by id",
				String.class, type, id);
	}

	private void expect(List<String> wrong, String method, String path, String body, String table) {
		String[] cells = table.split(" ");
		for (int i = 0; i < cells.length; i += 2) {
			ResponseEntity<JsonNode> answer = call(cells[i], method, path, body);
			int status = answer.getStatusCode().value();
			if (status != Integer.parseInt(cells[i + 1])) {
				wrong.add(cells[i] + " " + method + " " + path + ": " + status + ", expected " + cells[i + 1]);
			}
			else if (status >= 400 && !answer.getHeaders().getContentType().toString().contains("problem+json")) {
				wrong.add(cells[i] + " " + method + " " + path + ": not a problem document");
			}
		}
	}

	private ResponseEntity<JsonNode> call(String user, String method, String path, String body) {
		HttpHeaders headers = as(user);
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.exchange(path, HttpMethod.valueOf(method), new HttpEntity<>(body, headers), JsonNode.class);
	}

	private static HttpHeaders as(String user) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, user);
		return headers;
	}

	private static OpenRequest request(String description) {
		return new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"), description, null);
	}

	private <T> T as(String user, Supplier<T> work) {
		return new AsUser(this.identity).get(user, work);
	}

	private void as(String user, Runnable work) {
		new AsUser(this.identity).run(user, work);
	}

}
