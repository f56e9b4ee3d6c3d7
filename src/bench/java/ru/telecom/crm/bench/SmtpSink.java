package ru.telecom.crm.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A mail server for the fault harness: SMTP on a port of 127.0.0.1 that takes every
 * mail and keeps its Message-ID and when it came, and that can be stopped (connections
 * refused, open ones dropped) and started again on the same port, as a mail server that
 * goes away and comes back. It runs in the driver, so nothing needs installing; the app
 * talks to it with its real SMTP transport ({@code crm.mail.transport=smtp}).
 */
final class SmtpSink {

	/** One mail taken: its Message-ID as the header gives it, and when (System.nanoTime). */
	record Receipt(String messageId, long atNanos) {
	}

	private final int port;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	final ConcurrentLinkedQueue<Receipt> received = new ConcurrentLinkedQueue<>();

	private ServerSocket server;

	SmtpSink(int port) {
		this.port = port;
	}

	synchronized void start() throws IOException {
		ServerSocket socket = new ServerSocket();
		socket.setReuseAddress(true);
		socket.bind(new InetSocketAddress("127.0.0.1", this.port));
		this.server = socket;
		Thread accept = new Thread(() -> {
			while (!socket.isClosed()) {
				try {
					Socket client = socket.accept();
					this.open.add(client);
					Thread session = new Thread(() -> serve(client), "smtp-session");
					session.setDaemon(true);
					session.start();
				}
				catch (IOException ex) {
					// stopped
				}
			}
		}, "smtp-accept");
		accept.setDaemon(true);
		accept.start();
	}

	/** Refuses connections from now on and drops the open ones. */
	synchronized void stop() throws IOException {
		if (this.server != null) {
			this.server.close();
			this.server = null;
		}
		for (Socket socket : this.open) {
			socket.close();
		}
		this.open.clear();
	}

	/** Mails taken per Message-ID, in the form FaultChecks compares. */
	Map<String, Integer> sends() {
		Map<String, Integer> sends = new HashMap<>();
		for (Receipt receipt : this.received) {
			sends.merge(FaultChecks.fileName(receipt.messageId()), 1, Integer::sum);
		}
		return sends;
	}

	private void serve(Socket socket) {
		try (socket;
				BufferedReader in = new BufferedReader(
						new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
				OutputStream out = socket.getOutputStream()) {
			reply(out, "220 faults SMTP sink");
			String line;
			while ((line = in.readLine()) != null) {
				String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
				switch (verb) {
					case "EHLO", "HELO" -> reply(out, "250 faults");
					case "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
					case "DATA" -> {
						reply(out, "354 End data with <CR><LF>.<CR><LF>");
						String messageId = data(in);
						if (messageId == null) {
							return;
						}
						// recorded before the answer: a mail the app counts as sent is here
						this.received.add(new Receipt(messageId, System.nanoTime()));
						reply(out, "250 OK queued");
					}
					case "QUIT" -> {
						reply(out, "221 Bye");
						return;
					}
					default -> reply(out, "502 Command not implemented");
				}
			}
		}
		catch (IOException ex) {
			// dropped by stop(), or by the app
		}
		finally {
			this.open.remove(socket);
		}
	}

	/** Reads a mail up to its lone dot: its Message-ID (unfolded), or null when cut off. */
	private static String data(BufferedReader in) throws IOException {
		java.util.List<StringBuilder> headers = new java.util.ArrayList<>();
		boolean inHeaders = true;
		String line;
		while ((line = in.readLine()) != null) {
			if (line.equals(".")) {
				return headers.stream()
					.map(StringBuilder::toString)
					.filter((header) -> header.regionMatches(true, 0, "Message-ID:", 0, 11))
					.map((header) -> header.substring(11).strip())
					.findFirst()
					.orElse("");
			}
			if (!inHeaders) {
				continue;
			}
			if (line.isEmpty()) {
				inHeaders = false;
			}
			else if (Character.isWhitespace(line.charAt(0)) && !headers.isEmpty()) {
				headers.get(headers.size() - 1).append(' ').append(line.strip());
			}
			else {
				headers.add(new StringBuilder(line));
			}
		}
		return null;
	}

	private static void reply(OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}

}
