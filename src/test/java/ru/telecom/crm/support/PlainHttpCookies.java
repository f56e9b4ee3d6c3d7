package ru.telecom.crm.support;

import java.net.CookieManager;
import java.net.CookieStore;
import java.net.HttpCookie;
import java.net.URI;
import java.util.List;

/**
 * A browser sends Keycloak's Secure cookies to a loopback address over plain HTTP (a
 * secure context); Java's cookie manager would not, so tests keep them unflagged.
 */
public final class PlainHttpCookies implements CookieStore {

	private final CookieStore store = new CookieManager().getCookieStore();

	@Override
	public void add(URI uri, HttpCookie cookie) {
		cookie.setSecure(false);
		this.store.add(uri, cookie);
	}

	@Override
	public List<HttpCookie> get(URI uri) {
		return this.store.get(uri);
	}

	@Override
	public List<HttpCookie> getCookies() {
		return this.store.getCookies();
	}

	@Override
	public List<URI> getURIs() {
		return this.store.getURIs();
	}

	@Override
	public boolean remove(URI uri, HttpCookie cookie) {
		return this.store.remove(uri, cookie);
	}

	@Override
	public boolean removeAll() {
		return this.store.removeAll();
	}

}
