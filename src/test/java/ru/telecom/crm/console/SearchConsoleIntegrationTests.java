package ru.telecom.crm.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.telecom.crm.support.ConsoleSession;
import ru.telecom.crm.support.PostgresDatabases;
import ru.telecom.crm.support.PostgresIntegrationTest;
import ru.telecom.crm.support.TestPhones;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's searches with LegacyDB (issue 13, item 4) and its header's search across
 * everything (item 6): LegacyDB's hits marked and opened by copying them, no "New client"
 * next to a phone LegacyDB knows, a client's legacy orders on the client's page, and the
 * header search only showing what the user may read.
 */
@PostgresIntegrationTest
class SearchConsoleIntegrationTests {

	private final JdbcTemplate legacy = PostgresDatabases.legacyWriter();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aLegacyOnlyClientIsListedWithoutANewClientButtonAndOpeningItCopiesIt() throws Exception {
		long custId = ThreadLocalRandom.current().nextLong(10_000_000L, 2_000_000_000L);
		String typed = TestPhones.fresh();
		this.legacy.update("insert into customers (cust_id, full_name, phone) values (?, ?, ?)", custId,
				"Lebedev Oleg Petrovich", typed);
		String code = "LGC-" + custId;
		this.legacy.update("insert into orders (order_no, cust_id, title, amount) values (?, ?, ?, 5.00)", code, custId,
				"Old copper line");
		ConsoleSession anna = signedIn("anna");

		String found = anna.get("/clients?q=" + encode(TestPhones.e164(typed).replace("+7", "+7 "))).body();
		assertThat(found).contains("Lebedev Oleg Petrovich")
			.contains("LegacyDB")
			.contains("/clients/legacy/" + custId)
			.doesNotContain("href=\"/clients/new\"");
		assertThat(anna.get("/clients?q=" + encode(TestPhones.fresh())).body()).as("an unknown phone may be new")
			.contains("href=\"/clients/new\"");

		HttpResponse<String> opened = anna.post("/clients/legacy/" + custId, Map.of());
		assertThat(opened.statusCode()).isEqualTo(302);
		String clientPath = URI.create(opened.headers().firstValue("Location").orElseThrow()).getPath();
		long id = this.jdbc.queryForObject("select id from client where legacy_id = ?", Long.class, custId);
		assertThat(clientPath).isEqualTo("/clients/" + id);
		String page = anna.get(clientPath).body();
		assertThat(page).contains("Lebedev").contains("Copied from LegacyDB.").contains(code);

		ConsoleSession ivan = signedIn("ivan");
		assertThat(ivan.get("/clients?q=" + encode(typed)).body()).contains("Lebedev")
			.doesNotContain("/clients/legacy/");
		assertThat(ivan.post("/clients/legacy/" + custId, Map.of()).statusCode()).isEqualTo(403);
	}

	@Test
	void smirnovsPageListsHisLegacyOrdersOnceHeIsOurs() throws Exception {
		ConsoleSession anna = signedIn("anna");
		String orders = anna.get("/orders?q=ORD-100").body();
		// other tests on this database may have copied an order already: then it is ours
		for (String code : List.of("ORD-1001", "ORD-1002")) {
			boolean ours = this.jdbc.queryForObject("select count(*) from client_order where code = ?", Integer.class,
					code) > 0;
			assertThat(orders).contains(code);
			assertThat(orders.contains("/orders/legacy/" + code + "\"")).as(code + " offered as LegacyDB's")
				.isNotEqualTo(ours);
		}
		assertThat(anna.get("/clients?q=" + encode("+7 900 444 55 66")).body()).contains("Kuznetsova")
			.doesNotContain("href=\"/clients/new\"");
		assertThat(anna.get("/clients?q=Popov").body()).as("ours, LegacyDB's Popov is the same")
			.contains("Popov Dmitry Sergeevich")
			.doesNotContain("/clients/legacy/3\"");
		long popov = this.jdbc.queryForObject("select id from client where phone = '+79007778899'", Long.class);
		assertThat(anna.get("/clients/" + popov).body()).as("Popov's order ORD-3002 is still only LegacyDB's")
			.contains("ORD-3002");
	}

	@Test
	void theHeaderSearchFindsARequestByNumberAndOnlyForThoseWhoMayReadIt() throws Exception {
		ConsoleSession anna = signedIn("anna");
		String clientPage = anna.get("/clients?q=%2B79007778899").body();
		assertThat(clientPage).contains("action=\"/search\"");
		long popov = this.jdbc.queryForObject("select id from client where phone = '+79007778899'", Long.class);
		anna.get("/clients/" + popov);
		String word = "quokka" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
		HttpResponse<String> opened = anna.post("/clients/" + popov + "/requests",
				Map.of("order", "ORD-3001", "description", "Modem " + word + " resets", "priority", "NORMAL"));
		String requestPath = URI.create(opened.headers().firstValue("Location").orElseThrow()).getPath();
		String number = requestPath.substring(requestPath.lastIndexOf('/') + 1);

		assertThat(anna.get("/search?q=" + number).body()).contains("href=\"" + requestPath + "\"");
		assertThat(anna.get("/search?q=" + word).body()).contains("href=\"" + requestPath + "\"")
			.contains("Popov Dmitry Sergeevich");
		assertThat(signedIn("boris").get("/search?q=" + word).body()).doesNotContain(requestPath);
		assertThat(signedIn("sergey").get("/search?q=%23" + number).body()).doesNotContain(requestPath);
		assertThat(anna.get("/search?q=" + word + "&lang=ru").body()).contains("Поиск");

		HttpResponse<String> tooShort = anna.get("/search?q=x&lang=en");
		assertThat(tooShort.statusCode()).isEqualTo(400);
		assertThat(tooShort.body()).contains("Type 2 to 200 characters, or a number.");
	}

	private ConsoleSession signedIn(String user) throws IOException, InterruptedException {
		return ConsoleSession.signedIn(this.port, user);
	}

	private static String encode(String text) {
		return ConsoleSession.encode(text);
	}

}
