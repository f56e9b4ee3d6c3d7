package ru.telecom.crm.security;

import java.time.Duration;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class PasswordChecksTests {

	private final IdentityService identity = mock(IdentityService.class);

	@Test
	void aRightPasswordIsCheckedOnceWhileItIsKept() {
		given(this.identity.checkPassword("anna", "secret")).willReturn(true);
		PasswordChecks checks = new PasswordChecks(this.identity, Duration.ofMinutes(1));

		assertThat(checks.matches("anna", "secret")).isTrue();
		assertThat(checks.matches("anna", "secret")).isTrue();

		verify(this.identity, times(1)).checkPassword("anna", "secret");
	}

	@Test
	void aWrongPasswordMeetsTheRealCheckEveryTime() {
		given(this.identity.checkPassword("anna", "secret")).willReturn(true);
		PasswordChecks checks = new PasswordChecks(this.identity, Duration.ofMinutes(1));
		checks.matches("anna", "secret");

		assertThat(checks.matches("anna", "guess")).isFalse();
		assertThat(checks.matches("anna", "guess")).isFalse();
		assertThat(checks.matches("anna2", "secret")).isFalse();

		verify(this.identity, times(2)).checkPassword("anna", "guess");
	}

	@Test
	void aSuccessIsForgottenAfterItsTime() {
		given(this.identity.checkPassword("anna", "secret")).willReturn(true, false);
		PasswordChecks checks = new PasswordChecks(this.identity, Duration.ZERO);

		assertThat(checks.matches("anna", "secret")).isTrue();
		assertThat(checks.matches("anna", "secret")).as("the password changed meanwhile").isFalse();
	}

	@Test
	void userAndPasswordCannotBeShiftedIntoEachOther() {
		given(this.identity.checkPassword("ann", "asecret")).willReturn(true);
		PasswordChecks checks = new PasswordChecks(this.identity, Duration.ofMinutes(1));
		checks.matches("ann", "asecret");

		assertThat(checks.matches("anna", "secret")).isFalse();
	}

}
