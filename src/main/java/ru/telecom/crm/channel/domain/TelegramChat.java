package ru.telecom.crm.channel.domain;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The phone a Telegram chat shared, for the texts that follow it. */
@Entity
@Table(name = "telegram_chat")
class TelegramChat {

	@Id
	private Long chatId;

	private String phone;

	private Instant updatedAt;

	protected TelegramChat() {
	}

	TelegramChat(long chatId, String phone, Instant now) {
		this.chatId = chatId;
		this.phone = phone;
		this.updatedAt = now;
	}

	void shared(String phone, Instant now) {
		this.phone = phone;
		this.updatedAt = now;
	}

	String getPhone() {
		return this.phone;
	}

}
