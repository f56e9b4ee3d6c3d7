package ru.telecom.crm.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import ru.telecom.crm.directory.Directory;
import ru.telecom.crm.directory.DirectoryUser;

/**
 * Checks a user name and password against Camunda's identity store (a success kept
 * briefly: {@link PasswordChecks}) and grants {@code ROLE_<role>} for each role and
 * {@code GROUP_<id>} for each group.
 */
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

	private final PasswordChecks passwords;

	private final Directory directory;

	CamundaIdentityAuthenticationProvider(PasswordChecks passwords, Directory directory) {
		this.passwords = passwords;
		this.directory = directory;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		Object password = authentication.getCredentials();
		if (username == null || password == null || !this.passwords.matches(username, password.toString())) {
			throw new BadCredentialsException("Bad user name or password");
		}
		DirectoryUser user = this.directory.findUser(username)
			.orElseThrow(() -> new BadCredentialsException("Bad user name or password"));
		return UsernamePasswordAuthenticationToken.authenticated(username, null, authorities(user));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	static List<GrantedAuthority> authorities(DirectoryUser user) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		user.roles().forEach((role) -> authorities.add(new SimpleGrantedAuthority(role.authority())));
		user.groups().forEach((group) -> authorities.add(new SimpleGrantedAuthority(Directory.groupAuthority(group))));
		return authorities;
	}

}
