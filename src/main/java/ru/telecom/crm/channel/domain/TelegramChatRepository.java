package ru.telecom.crm.channel.domain;

import org.springframework.data.jpa.repository.JpaRepository;

interface TelegramChatRepository extends JpaRepository<TelegramChat, Long> {

}
