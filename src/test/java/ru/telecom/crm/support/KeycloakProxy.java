package ru.telecom.crm.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in front of {@link KeycloakServer}: the app and the tests reach Keycloak
 * only through it, so a test can take Keycloak away as an outage would ({@link #cut()}:
 * every connection closed, new ones refused) and bring it back ({@link #restore()}) on
 * the same address, without stopping the Keycloak the other tests share. Bytes pass as
 * they are, so tokens carry the proxy's address as their issuer, the one the app knows.
 */
public final class KeycloakProxy {

	private final int target;

	private final int port;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile ServerSocket listening;

	/** Whether what the app sends is dropped: Keycloak hangs. */
	private volatile boolean stalled;

	KeycloakProxy(int target) throws IOException {
		this.target = target;
		this.port = LocalPorts.free();
		restore();
	}

	public int port() {
		return this.port;
	}

	/** Keycloak gone: open connections are closed, new ones refused. */
	public synchronized void cut() {
		ServerSocket server = this.listening;
		this.listening = null;
		if (server != null) {
			closeQuietly(server);
		}
		this.open.forEach(KeycloakProxy::closeQuietly);
		this.open.clear();
	}

	/**
	 * Keycloak hangs (a full garbage collection, a database that stopped answering it):
	 * connections are taken, what is sent on them is never answered.
	 */
	public synchronized void stall() {
		this.stalled = true;
	}

	/** Keycloak back, on the same address. */
	public synchronized void restore() {
		if (this.stalled) {
			// the requests it swallowed are never answered: their connections go
			this.stalled = false;
			this.open.forEach(KeycloakProxy::closeQuietly);
			this.open.clear();
		}
		if (this.listening != null) {
			return;
		}
		try {
			ServerSocket server = new ServerSocket();
			server.setReuseAddress(true);
			server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port));
			this.listening = server;
			Thread accepting = new Thread(() -> accept(server), "keycloak-proxy");
			accepting.setDaemon(true);
			accepting.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public boolean isCut() {
		return this.listening == null;
	}

	private void accept(ServerSocket server) {
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				Socket keycloak = new Socket(InetAddress.getLoopbackAddress(), this.target);
				this.open.add(client);
				this.open.add(keycloak);
				pump(client, keycloak, true);
				pump(keycloak, client, false);
			}
			catch (IOException ex) {
				// closed by cut(), or Keycloak refused: the client's connection ends
			}
		}
	}

	private void pump(Socket from, Socket to, boolean toKeycloak) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					if (toKeycloak && this.stalled) {
						continue;
					}
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// one side closed
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				this.open.remove(from);
				this.open.remove(to);
			}
		}, "keycloak-proxy-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(java.io.Closeable closeable) {
		try {
			closeable.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

}
