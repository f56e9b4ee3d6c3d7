package ru.telecom.crm.api;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import ru.telecom.crm.support.PostgresIntegrationTest;
import ru.telecom.crm.support.TestPhones;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An intake holds one connection of the pool at a time. When a call held one while it
 * waited for a second (its own transaction for the client lookup's race on the phone), as
 * many calls at once as the pool has connections held them all and waited for each other
 * until the pool's timeout: a burst of calls stopped the intake for everyone.
 */
@PostgresIntegrationTest
class ConnectionPoolIntegrationTests {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	DataSource dataSource;

	@Test
	void anIntakeNeedsNoMoreThanOneConnectionAtATime() throws Exception {
		HikariDataSource pool = this.dataSource.unwrap(HikariDataSource.class);
		List<Connection> held = new ArrayList<>();
		try {
			// everyone else's calls hold all the pool but one connection
			for (int i = 1; i < pool.getMaximumPoolSize(); i++) {
				held.add(pool.getConnection());
			}
			HttpHeaders headers = new HttpHeaders();
			headers.setBasicAuth("anna", "anna");
			headers.setContentType(MediaType.APPLICATION_JSON);
			ResponseEntity<JsonNode> opened = this.rest.exchange("/api/service-requests", HttpMethod.POST,
					new HttpEntity<>(Map.of("clientPhone", TestPhones.fresh(), "orderCode", "POOL-" + System.nanoTime(),
							"clientLastName", "Pool", "description", "One connection at a time"), headers),
					JsonNode.class);

			assertThat(opened.getStatusCode().value()).as("%s", opened.getBody()).isEqualTo(201);
		}
		finally {
			for (Connection connection : held) {
				connection.close();
			}
		}
	}

}
