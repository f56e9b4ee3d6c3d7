/**
 * Email about incidents (DESIGN §6): sent by asynchronous engine jobs after the change
 * committed, retried with backoff while the mail server is down, recorded once sent so a
 * retry never sends twice, each with a Message-ID stable per event.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "incident", "servicerequest",
		"customer", "catalog", "directory", "status", "sla" })
package ru.telecom.crm.notification;
