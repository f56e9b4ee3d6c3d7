package ru.telecom.crm.console;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.telecom.crm.shared.DomainException;
import ru.telecom.crm.shared.Failures;

/**
 * What a user's action on a console page came to, shown on the page it redirects to: the
 * notice when it was done, the refusal's message when not (and then nothing changed).
 */
final class Outcome {

	private Outcome() {
	}

	static <T> Optional<T> of(RedirectAttributes redirect, String notice, Supplier<T> action) {
		try {
			T done = action.get();
			redirect.addFlashAttribute("notice", notice);
			return Optional.ofNullable(done);
		}
		catch (RuntimeException ex) {
			// a refusal, or someone else's change at the same moment: said, nothing
			// changed
			DomainException meaning = Failures.meaningOf(ex).orElseThrow(() -> ex);
			redirect.addFlashAttribute("error", meaning.getMessage());
			return Optional.empty();
		}
	}

	static void run(RedirectAttributes redirect, String notice, Runnable action) {
		of(redirect, notice, () -> {
			action.run();
			return null;
		});
	}

}
