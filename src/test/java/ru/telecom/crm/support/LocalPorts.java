package ru.telecom.crm.support;

import java.io.IOException;
import java.net.ServerSocket;

/** A free local port for a server the tests start (Keycloak, ClickHouse, Prometheus). */
final class LocalPorts {

	private LocalPorts() {
	}

	static int free() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
