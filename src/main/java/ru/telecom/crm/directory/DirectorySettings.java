package ru.telecom.crm.directory;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the embedded default's directory (Camunda's identity store) is read.
 *
 * @param cacheTtl how long a user, a department or the heads of departments read from the
 * store are kept
 */
@ConfigurationProperties("crm.directory")
public record DirectorySettings(@DefaultValue("10s") Duration cacheTtl) {

}
