package ru.telecom.crm.shared;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as an RFC 9457 problem document with a stable {@code type} per
 * kind, field errors for validation, and never a stack trace.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	/** The prefix of every problem type; the kind's slug follows. */
	public static final String TYPE_PREFIX = "urn:problem-type:crm:";

	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> domain(DomainException ex) {
		ProblemDetail problem = problem(ex.kind().status(), ex.kind().slug(), ex.getMessage());
		if (!ex.fieldErrors().isEmpty()) {
			problem.setProperty("errors", ex.fieldErrors());
		}
		return ResponseEntity.status(ex.kind().status()).body(problem);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		ProblemDetail problem = problem(400, "validation", "Parameter '" + ex.getName() + "' has a wrong value");
		problem.setProperty("errors", Map.of(ex.getName(), "'" + ex.getValue() + "' is not allowed here"));
		return ResponseEntity.badRequest().body(problem);
	}

	/**
	 * A header or parameter with characters the firewall refuses (control characters,
	 * such as UTF-8 bytes read as ISO-8859-1), found when the controller reads it.
	 */
	@ExceptionHandler(RequestRejectedException.class)
	ResponseEntity<ProblemDetail> rejected(RequestRejectedException ex) {
		return ResponseEntity.badRequest()
			.body(problem(400, "validation", "A header or parameter holds characters that are not allowed"));
	}

	/**
	 * A unique key taken meanwhile, or a row changed meanwhile: try again with fresh
	 * data.
	 */
	@ExceptionHandler({ DataIntegrityViolationException.class, OptimisticLockingFailureException.class })
	ResponseEntity<ProblemDetail> concurrentChange(RuntimeException ex) {
		if (ex instanceof DataIntegrityViolationException && !KeyRaceRetry.isUniqueViolation(ex)) {
			return unexpected(ex);
		}
		return ResponseEntity.status(409)
			.body(problem(409, "conflict",
					"The same data was changed by someone else meanwhile; read it and try again"));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		DomainException meaning = Failures.meaningOf(ex).orElse(null);
		if (meaning != null) {
			return domain(meaning);
		}
		log.error("Unexpected error", ex);
		return ResponseEntity.internalServerError()
			.body(problem(500, "internal", "Something went wrong on our side; nothing you sent was lost"));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach((error) -> errors.putIfAbsent(error.getField(), error.getDefaultMessage()));
		ProblemDetail problem = problem(400, "validation", "The request has invalid fields");
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	/**
	 * A body Jackson could not read: when it is one field's value that does not fit (an
	 * unknown priority or status, a word for a number), that field is named as a
	 * validation's would be.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ResponseEntity<Object> answer = super.handleHttpMessageNotReadable(ex, headers, status, request);
		if (answer != null && answer.getBody() instanceof ProblemDetail problem
				&& ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			problem.setProperty("errors", Map.of(fieldOf(mismatch), expected(mismatch.getTargetType())));
		}
		return answer;
	}

	/** The field's path in the body, as a validation names it: {@code priority}. */
	private static String fieldOf(MismatchedInputException mismatch) {
		StringBuilder field = new StringBuilder();
		for (JsonMappingException.Reference step : mismatch.getPath()) {
			if (step.getFieldName() != null) {
				field.append((field.length() > 0) ? "." : "").append(step.getFieldName());
			}
			else {
				field.append('[').append(step.getIndex()).append(']');
			}
		}
		return field.toString();
	}

	private static String expected(Class<?> type) {
		if (type != null && type.isEnum()) {
			return "must be one of "
					+ Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
		}
		return "has a value of the wrong type";
	}

	/** Spring's own errors (unreadable body, wrong media type…) get our types too. */
	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			problem.setType(URI.create(TYPE_PREFIX + slugOf(statusCode)));
			if (statusCode.value() == 400 && problem.getDetail() != null
					&& problem.getDetail().startsWith("Failed to read request")) {
				problem.setDetail("The request body is not readable JSON of the expected shape");
			}
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	static ProblemDetail problem(int status, String slug, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
		problem.setType(URI.create(TYPE_PREFIX + slug));
		return problem;
	}

	private static String slugOf(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "validation";
			case 403 -> "forbidden";
			case 404 -> "not-found";
			case 405 -> "method-not-allowed";
			case 406 -> "not-acceptable";
			case 409 -> "conflict";
			case 413 -> "payload-too-large";
			case 415 -> "unsupported-media-type";
			case 503 -> "unavailable";
			default -> (status.is5xxServerError()) ? "internal" : "bad-request";
		};
	}

}
