package ru.telecom.crm.shared;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body a filter has read up front, up to a limit, and that the servlet
 * reads again as if untouched.
 */
public final class BufferedBody extends HttpServletRequestWrapper {

	private final byte[] body;

	private BufferedBody(HttpServletRequest request, byte[] body) {
		super(request);
		this.body = body;
	}

	/**
	 * Reads the body as it streams, stopping one byte past the limit.
	 * @return the request with its body read, or null when the body is over the limit
	 */
	public static BufferedBody read(HttpServletRequest request, long maxBytes) throws IOException {
		byte[] body = request.getInputStream().readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
		return (body.length > maxBytes) ? null : new BufferedBody(request, body);
	}

	/**
	 * The request with another body in place of its own (one already read, or rewritten).
	 */
	public static BufferedBody of(HttpServletRequest request, byte[] body) {
		return new BufferedBody(request, body.clone());
	}

	public byte[] bytes() {
		return this.body.clone();
	}

	@Override
	public ServletInputStream getInputStream() {
		ByteArrayInputStream bytes = new ByteArrayInputStream(this.body);
		return new ServletInputStream() {

			@Override
			public int read() {
				return bytes.read();
			}

			@Override
			public int read(byte[] buffer, int offset, int length) {
				return bytes.read(buffer, offset, length);
			}

			@Override
			public boolean isFinished() {
				return bytes.available() == 0;
			}

			@Override
			public boolean isReady() {
				return true;
			}

			@Override
			public void setReadListener(ReadListener listener) {
				throw new UnsupportedOperationException("The body was read already");
			}

		};
	}

	@Override
	public BufferedReader getReader() {
		String encoding = getCharacterEncoding();
		Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1;
		return new BufferedReader(new InputStreamReader(getInputStream(), charset));
	}

}
