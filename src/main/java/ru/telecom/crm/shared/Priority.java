package ru.telecom.crm.shared;

/** How urgent a request or incident is; an incident takes its request's priority. */
public enum Priority {

	LOW, NORMAL, HIGH, CRITICAL

}
