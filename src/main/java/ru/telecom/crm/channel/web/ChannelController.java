package ru.telecom.crm.channel.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import ru.telecom.crm.access.AccessPolicy;
import ru.telecom.crm.channel.ChannelIntake;
import ru.telecom.crm.channel.ChannelReceipt;
import ru.telecom.crm.shared.ForbiddenException;

/**
 * The unattended channels: each message is stored and acknowledged (202) with the request
 * it opened. The raw body is read as it came, for signatures and idempotency.
 */
@RestController
@RequestMapping(path = "/api/channels", consumes = MediaType.APPLICATION_JSON_VALUE)
class ChannelController {

	private final ChannelIntake intake;

	private final AccessPolicy access;

	ChannelController(ChannelIntake intake, AccessPolicy access) {
		this.intake = intake;
		this.access = access;
	}

	/** A Telegram Bot API webhook; Telegram signs in only with its secret token. */
	@PostMapping("/telegram")
	@ResponseStatus(HttpStatus.ACCEPTED)
	ResponseEntity<ChannelReceipt> telegram(
			@RequestHeader(name = "X-Telegram-Bot-Api-Secret-Token", required = false) String secret,
			@RequestBody String update) {
		return accepted(this.intake.telegram(secret, update));
	}

	/** An SMS gateway webhook, signed with HMAC-SHA256 over "timestamp.body". */
	@PostMapping("/sms")
	@ResponseStatus(HttpStatus.ACCEPTED)
	ResponseEntity<ChannelReceipt> sms(@RequestHeader(name = "X-Timestamp", required = false) String timestamp,
			@RequestHeader(name = "X-Signature", required = false) String signature, @RequestBody String message) {
		return accepted(this.intake.sms(timestamp, signature, message));
	}

	/** The ESB, as a caller with the ChannelIntegration role. */
	@PostMapping("/esb")
	@ResponseStatus(HttpStatus.ACCEPTED)
	ResponseEntity<ChannelReceipt> esb(Authentication caller,
			@RequestHeader(name = "Idempotency-Key", required = false) String key, @RequestBody String message) {
		// the policy asks the directory's user (the service account, with Keycloak)
		if (!this.access.caller(caller.getName()).sendsEsbMessages()) {
			throw new ForbiddenException("The ESB channel is for ChannelIntegration callers");
		}
		return accepted(this.intake.esb(caller.getName(), key, message));
	}

	private static ResponseEntity<ChannelReceipt> accepted(ChannelReceipt receipt) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(receipt);
	}

}
