package ru.telecom.crm.console;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.telecom.crm.access.Caller;
import ru.telecom.crm.preference.UserPreferences;
import ru.telecom.crm.shared.InvalidInputException;

/**
 * The signed-in user's own settings: the time zone the console shows times in. Everyone
 * may change their own and nobody another's, so no access rule is asked beyond being
 * signed in.
 */
@Controller
class SettingsPages {

	/** Russia's zones west to east, then UTC; any other region id is taken too. */
	static final List<String> ZONES = List.of("Europe/Kaliningrad", "Europe/Moscow", "Europe/Samara",
			"Asia/Yekaterinburg", "Asia/Omsk", "Asia/Novosibirsk", "Asia/Krasnoyarsk", "Asia/Irkutsk", "Asia/Yakutsk",
			"Asia/Vladivostok", "Asia/Magadan", "Asia/Kamchatka", "UTC");

	private final UserPreferences preferences;

	SettingsPages(UserPreferences preferences) {
		this.preferences = preferences;
	}

	@GetMapping("/settings")
	String read(Caller caller, Model model) {
		return page(caller, this.preferences.timeZone(caller.id()).getId(), model);
	}

	@PostMapping("/settings")
	String change(Caller caller, @RequestParam(required = false) String timeZone, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			UserZone.changed(this.preferences.changeTimeZone(caller.id(), timeZone));
		}
		catch (InvalidInputException ex) {
			// shown on the field, the form keeping what was chosen
			response.setStatus(400);
			model.addAttribute("fieldErrors", ex.fieldErrors());
			return page(caller, this.preferences.timeZone(caller.id()).getId(), model);
		}
		redirect.addFlashAttribute("notice", "settings-saved");
		return "redirect:/settings";
	}

	private String page(Caller caller, String zone, Model model) {
		List<Choice> choices = new ArrayList<>();
		for (String id : ZONES) {
			choices.add(new Choice(id, ConsoleFormat.at(Instant.now(), ZoneId.of(id))));
		}
		if (!ZONES.contains(zone)) {
			choices.add(new Choice(zone, ConsoleFormat.at(Instant.now(), ZoneId.of(zone))));
		}
		model.addAttribute("zone", zone);
		model.addAttribute("zones", choices);
		return "console/settings";
	}

	/** A zone to choose, with what its clock says now. */
	record Choice(String id, String now) {
	}

}
