package ru.telecom.crm.shared;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;

import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.telecom.crm.incident.IncidentStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A change that lost a race with a background job is run again and goes through; two
 * people on one item still hear "conflict" (DESIGN §3), through the advisor as the app
 * wires it.
 */
class JobCollisionRetryTests {

	/** What the engine says when a job changed the process instance meanwhile. */
	private static final Supplier<RuntimeException> JOB_WAS_FIRST = () -> new OptimisticLockingException(
			"ENGINE-03005 Execution of 'UPDATE ExecutionEntity[42]' failed. Entity was updated by another "
					+ "transaction concurrently.");

	/** What Hibernate says when another person changed the incident meanwhile. */
	private static final Supplier<RuntimeException> PERSON_WAS_FIRST = () -> new ObjectOptimisticLockingFailureException(
			"ru.telecom.crm.incident.domain.Incident", 42L);

	@RestController
	static class Handler {

		final AtomicInteger calls = new AtomicInteger();

		final Deque<Supplier<RuntimeException>> failures = new ArrayDeque<>();

		@PostMapping("/api/incidents/{id}/status")
		String setStatus() {
			this.calls.incrementAndGet();
			Supplier<RuntimeException> failure = this.failures.poll();
			if (failure != null) {
				throw failure.get();
			}
			return "INWORK";
		}

		@GetMapping("/api/incidents/{id}")
		String read() {
			this.calls.incrementAndGet();
			Supplier<RuntimeException> failure = this.failures.poll();
			if (failure != null) {
				throw failure.get();
			}
			return "read";
		}

	}

	private static Handler proxied(Handler target) {
		ProxyFactory factory = new ProxyFactory(target);
		factory.setProxyTargetClass(true);
		factory.addAdvisor(JobCollisionRetryConfiguration.jobCollisionRetryAdvisor());
		return (Handler) factory.getProxy();
	}

	@Test
	void aChangeThatCollidedWithAJobIsRunAgainAndGoesThrough() {
		Handler target = new Handler();
		target.failures.add(JOB_WAS_FIRST);
		target.failures.add(JOB_WAS_FIRST);

		assertThat(proxied(target).setStatus()).isEqualTo("INWORK");
		assertThat(target.calls).hasValue(3);
	}

	@Test
	void twoPeopleOnOneItemStillGetAConflictWithoutASecondTry() {
		Handler target = new Handler();
		target.failures.add(PERSON_WAS_FIRST);

		assertThatThrownBy(proxied(target)::setStatus).isInstanceOf(ObjectOptimisticLockingFailureException.class)
			.satisfies(
					(failure) -> assertThat(Failures.meaningOf(failure)).containsInstanceOf(ConflictException.class));
		assertThat(target.calls).hasValue(1);
	}

	@Test
	void whenTheEngineNoticedTwoPeopleTheNextTryFailsOnTheGuards() {
		// both completed the same task: the engine's failure, then the task is gone
		Handler target = new Handler();
		target.failures.add(JOB_WAS_FIRST);
		target.failures
			.add(() -> new IllegalTransitionException("Incident", 42L, IncidentStatus.INWORK, IncidentStatus.INWORK));

		assertThatThrownBy(proxied(target)::setStatus).isInstanceOf(IllegalTransitionException.class);
		assertThat(target.calls).hasValue(2);
	}

	@Test
	void aJobThatKeepsWinningEndsInAConflictAfterThreeTries() {
		Handler target = new Handler();
		for (int i = 0; i < 5; i++) {
			target.failures.add(JOB_WAS_FIRST);
		}

		assertThatThrownBy(proxied(target)::setStatus).isInstanceOf(OptimisticLockingException.class)
			.satisfies(
					(failure) -> assertThat(Failures.meaningOf(failure)).containsInstanceOf(ConflictException.class));
		assertThat(target.calls).hasValue(JobCollisionRetry.ATTEMPTS);
	}

	@Test
	void readsAreNotWrapped() {
		Handler target = new Handler();
		target.failures.add(JOB_WAS_FIRST);

		assertThatThrownBy(proxied(target)::read).isInstanceOf(OptimisticLockingException.class);
		assertThat(target.calls).hasValue(1);
	}

	@Test
	void aPersonsConflictWrappedInTheEnginesIsStillAPersons() {
		RuntimeException both = new OptimisticLockingException("engine", PERSON_WAS_FIRST.get());

		assertThat(JobCollisionRetry.isJobCollision(both)).isFalse();
		assertThat(JobCollisionRetry.isJobCollision(new IllegalStateException("wrapped", JOB_WAS_FIRST.get())))
			.isTrue();
	}

	/**
	 * The advisor comes before any other (the transaction's), so each try has its own.
	 */
	@Test
	void theAdvisorIsOutermost() {
		Advisor advisor = JobCollisionRetryConfiguration.jobCollisionRetryAdvisor();
		Handler proxy = proxied(new Handler());

		assertThat(((org.springframework.core.Ordered) advisor).getOrder())
			.isEqualTo(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
		assertThat(((Advised) proxy).getAdvisors()).hasSize(1);
	}

}
