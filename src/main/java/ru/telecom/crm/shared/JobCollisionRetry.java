package ru.telecom.crm.shared;

import java.lang.reflect.Method;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;

/**
 * Runs a person's change again, in a fresh transaction, when it lost a race with a
 * background job of the engine on the same process instance: the SLA clock's step, a
 * channel lookup, a mail, run by the job executor of any node. The engine says so with
 * its own {@link OptimisticLockingException} (a row of the process instance changed since
 * it was read); the person never touched what the job changed, so the change goes through
 * on the next try, which reads the instance as the job left it. At most
 * {@value #ATTEMPTS} tries, then it is a 409 as before.
 * <p>
 * Two people on one item still get their 409. Our items carry a JPA {@code @Version}: the
 * second person's write of the request or incident fails with a JPA optimistic locking
 * failure, which is never run again. And where the engine is first to notice (both
 * completed the same task), the next try finds the task done or the item in another
 * status and fails on the guards with the conflict of DESIGN §3, as a second click would.
 * <p>
 * Wraps the write handlers ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) of
 * the API's and the console's controllers, outside their transaction (it runs before the
 * transaction interceptor); inside a transaction someone else began it only passes the
 * failure on, since that transaction cannot be run again from here.
 */
public final class JobCollisionRetry implements MethodInterceptor {

	private static final Logger log = LoggerFactory.getLogger(JobCollisionRetry.class);

	/** Tries in all: the first and two more. */
	static final int ATTEMPTS = 3;

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		if (TransactionSynchronizationManager.isActualTransactionActive()
				|| !(invocation instanceof ProxyMethodInvocation proxied)) {
			return invocation.proceed();
		}
		for (int attempt = 1;; attempt++) {
			try {
				return proxied.invocableClone().proceed();
			}
			catch (RuntimeException ex) {
				if (attempt == ATTEMPTS || !isJobCollision(ex)) {
					throw ex;
				}
				log.info("{} collided with a background job on the same process (attempt {}); running it again",
						invocation.getMethod().getName(), attempt);
				log.debug("The collision", ex);
			}
		}
	}

	/**
	 * The engine's optimistic locking failure, and none of ours: a JPA {@code @Version}
	 * conflict anywhere in the chain is two people on one item.
	 */
	static boolean isJobCollision(Throwable failure) {
		boolean engine = false;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof OptimisticLockingFailureException
					|| cause instanceof jakarta.persistence.OptimisticLockException
					|| cause instanceof DomainException) {
				return false;
			}
			engine |= cause instanceof OptimisticLockingException;
			if (cause.getCause() == cause) {
				break;
			}
		}
		return engine;
	}

	/** The handlers it wraps: a controller's writes. */
	static boolean wraps(Method method, Class<?> type) {
		return AnnotatedElementUtils.hasAnnotation(type, Controller.class)
				&& (AnnotatedElementUtils.hasAnnotation(method, PostMapping.class)
						|| AnnotatedElementUtils.hasAnnotation(method, PutMapping.class)
						|| AnnotatedElementUtils.hasAnnotation(method, PatchMapping.class)
						|| AnnotatedElementUtils.hasAnnotation(method, DeleteMapping.class));
	}

}
