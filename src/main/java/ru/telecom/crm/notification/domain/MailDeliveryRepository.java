package ru.telecom.crm.notification.domain;

import org.springframework.data.jpa.repository.JpaRepository;

interface MailDeliveryRepository extends JpaRepository<MailDelivery, Long> {

	boolean existsByEventKey(String eventKey);

}
