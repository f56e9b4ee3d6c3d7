-- The compose stack's PostgreSQL: our database and LegacyDB side by side, each its own.
-- The app applies its Liquibase changelog to "crm" and, with the demo context, the legacy
-- shape and demo rows to "legacy".
CREATE ROLE crm LOGIN PASSWORD 'crm';
CREATE DATABASE crm OWNER crm;
CREATE DATABASE legacy OWNER crm;
