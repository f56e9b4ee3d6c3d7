package ru.telecom.crm.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The app's clock for test harnesses out of process ({@code src/bench}): read, moved,
 * back to the system's time. Only with {@code crm.clock.controllable} (never in
 * production; without it there is no such endpoint, 404), for administrators
 * ({@code /api/test/**} is theirs alone).
 */
@RestController
@ConditionalOnProperty(prefix = "crm.clock", name = "controllable", havingValue = "true")
class TestClockController {

	private static final String PATH = "/api/test/clock";

	/** How far one move goes at most, either way: a century, far from any overflow. */
	static final Duration REACH = Duration.ofDays(36_525);

	private final AppClock clock;

	TestClockController(AppClock clock) {
		this.clock = clock;
	}

	@GetMapping(PATH)
	@Operation(summary = "The app's time and its offset from the system's (tests only, administrators)")
	ClockState read() {
		return state(this.clock.instant());
	}

	@PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Move the app's clock and the engine's (tests only, administrators)",
			description = "Either {\"at\": instant} (now becomes that instant, forwards or back) or "
					+ "{\"advanceSeconds\": n} (n > 0), not both. Time flows on from there; the offset is kept "
					+ "for a restart. Timers due by the new time run within the job executor's polling.")
	ClockState move(@RequestBody ClockMove move) {
		if ((move.at() == null) == (move.advanceSeconds() == null)) {
			throw new InvalidInputException("Give either at or advanceSeconds", Map.of("at",
					"give either at or advanceSeconds", "advanceSeconds", "give either at or advanceSeconds"));
		}
		if (move.at() != null) {
			Instant system = Instant.now();
			if (move.at().isBefore(system.minus(REACH)) || move.at().isAfter(system.plus(REACH))) {
				throw new InvalidInputException("at", "must be within a century of the system's time");
			}
			return state(this.clock.moveTo(move.at()));
		}
		if (move.advanceSeconds() <= 0 || move.advanceSeconds() > REACH.toSeconds()) {
			throw new InvalidInputException("advanceSeconds",
					"must be a positive number of seconds, at most a century");
		}
		return state(this.clock.advance(Duration.ofSeconds(move.advanceSeconds())));
	}

	@DeleteMapping(PATH)
	@Operation(summary = "Put the app's clock and the engine's back to the system's time (tests only, administrators)")
	ClockState reset() {
		return state(this.clock.reset());
	}

	private ClockState state(Instant now) {
		return new ClockState(now, this.clock.offset().toMillis());
	}

	/** A move: to an instant, or forwards by seconds. */
	record ClockMove(Instant at, Long advanceSeconds) {
	}

	/** The app's time now and its offset from the system's. */
	record ClockState(Instant now, long offsetMillis) {
	}

}
