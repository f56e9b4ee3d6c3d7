/**
 * LegacyDB: the operator's old client and order database, replicated next to us and read
 * through its own read-only datasource. This module only reads it, in its own shape; the
 * {@code customer} module copies and enriches what it finds.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package ru.telecom.crm.legacy;
