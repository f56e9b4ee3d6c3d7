package ru.telecom.crm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The helpdesk CRM: service requests and incidents of a telecom operator, run by an
 * embedded Camunda 7 engine.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CrmApplication {

	public static void main(String[] args) {
		SpringApplication.run(CrmApplication.class, args);
	}

}
