package ru.telecom.crm.catalog;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the catalog is read.
 *
 * @param cacheTtl how long the catalog read is kept; an import on this node reads it
 * again at once, another node's import is seen within this time
 */
@ConfigurationProperties("crm.catalog")
public record CatalogSettings(@DefaultValue("30s") Duration cacheTtl) {

}
