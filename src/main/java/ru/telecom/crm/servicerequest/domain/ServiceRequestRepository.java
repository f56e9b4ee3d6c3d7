package ru.telecom.crm.servicerequest.domain;

import org.springframework.data.jpa.repository.JpaRepository;

interface ServiceRequestRepository extends JpaRepository<ServiceRequest, Long> {

}
