package ru.telecom.crm.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte for byte over a socket: paths that clients would normalise,
 * header bytes they would refuse, chunked bodies, and a client address of our choosing
 * (any 127.x.y.z is this machine), so that a test can be "someone else".
 */
public final class RawHttp {

	private final int port;

	private final String from;

	public RawHttp(int port) {
		this(port, "127.0.0.1");
	}

	private RawHttp(int port, String from) {
		this.port = port;
		this.from = from;
	}

	/** The same server, called from another local address. */
	public RawHttp from(String address) {
		return new RawHttp(this.port, address);
	}

	public Request request(String method, String path) {
		return new Request(method, path);
	}

	public static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** A request being written. */
	public final class Request {

		private final String method;

		private final String path;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private byte[] body = new byte[0];

		private boolean chunked;

		private Request(String method, String path) {
			this.method = method;
			this.path = path;
		}

		/** A header; its value goes out as UTF-8 bytes, whatever they are. */
		public Request header(String name, String value) {
			this.headers.put(name, value);
			return this;
		}

		public Request json(String body) {
			return header("Content-Type", "application/json").body(body.getBytes(StandardCharsets.UTF_8), false);
		}

		public Request form(String body) {
			return header("Content-Type", "application/x-www-form-urlencoded")
				.body(body.getBytes(StandardCharsets.UTF_8), false);
		}

		/** The body, with a Content-Length or chunked (no length said). */
		public Request body(byte[] body, boolean chunked) {
			this.body = body;
			this.chunked = chunked;
			return this;
		}

		public Response send() {
			try (Socket socket = new Socket()) {
				socket.bind(new InetSocketAddress(RawHttp.this.from, 0));
				socket.connect(new InetSocketAddress("127.0.0.1", RawHttp.this.port), 5000);
				socket.setSoTimeout(60_000);
				write(socket.getOutputStream());
				return Response.read(socket.getInputStream());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private void write(OutputStream out) {
			StringBuilder head = new StringBuilder(this.method + " " + this.path + " HTTP/1.1\r\n");
			head.append("Host: localhost:").append(RawHttp.this.port).append("\r\nConnection: close\r\n");
			this.headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
			head.append(this.chunked ? "Transfer-Encoding: chunked\r\n"
					: (this.body.length > 0) ? "Content-Length: " + this.body.length + "\r\n" : "");
			head.append("\r\n");
			try {
				out.write(head.toString().getBytes(StandardCharsets.UTF_8));
				if (!this.chunked) {
					out.write(this.body);
				}
				else {
					for (int at = 0; at < this.body.length; at += 8192) {
						int length = Math.min(8192, this.body.length - at);
						out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
						out.write(this.body, at, length);
						out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
					}
					out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				}
				out.flush();
			}
			catch (IOException ex) {
				// the server may answer and stop reading before the body ends: read its
				// answer
			}
		}

	}

	/** Status, headers (names in lower case) and the body as text. */
	public record Response(int status, Map<String, List<String>> headers, String body) {

		public String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
			return (values != null) ? values.get(0) : null;
		}

		public List<String> headers(String name) {
			return this.headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
		}

		/** A cookie the response sets, or null. */
		public String cookie(String name) {
			return headers("Set-Cookie").stream()
				.filter((cookie) -> cookie.startsWith(name + "="))
				.map((cookie) -> cookie.substring(name.length() + 1).split(";")[0])
				.findFirst()
				.orElse(null);
		}

		static Response read(InputStream in) throws IOException {
			byte[] all = in.readAllBytes();
			String text = new String(all, StandardCharsets.ISO_8859_1);
			int end = text.indexOf("\r\n\r\n");
			String[] lines = text.substring(0, end).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			Map<String, List<String>> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers
					.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
							(name) -> new ArrayList<>())
					.add(lines[i].substring(colon + 1).strip());
			}
			byte[] body = Arrays.copyOfRange(all, end + 4, all.length);
			List<String> encoding = headers.getOrDefault("transfer-encoding", List.of());
			if (encoding.contains("chunked")) {
				body = unchunk(body);
			}
			return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
		}

		private static byte[] unchunk(byte[] chunked) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			int at = 0;
			while (at < chunked.length) {
				int lineEnd = at;
				while (chunked[lineEnd] != '\r') {
					lineEnd++;
				}
				String size = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].strip();
				int length = Integer.parseInt(size, 16);
				if (length == 0) {
					break;
				}
				out.write(chunked, lineEnd + 2, length);
				at = lineEnd + 2 + length + 2;
			}
			return out.toByteArray();
		}

	}

}
