#!/usr/bin/env bash
# The compose stack's PostgreSQL, at its first start: our database and LegacyDB side by
# side, each its own, both owned by the app's role "crm" (its password from CRM_DB_PASSWORD,
# never committed). The app then applies its Liquibase changelog to "crm" and, with
# CRM_LEGACY_MIGRATE and CRM_LEGACY_DEMO_DATA, the legacy shape and demo rows to "legacy".
set -eo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
	-v crm_password="$CRM_DB_PASSWORD" <<'SQL'
CREATE ROLE crm LOGIN PASSWORD :'crm_password';
CREATE DATABASE crm OWNER crm;
CREATE DATABASE legacy OWNER crm;
SQL
