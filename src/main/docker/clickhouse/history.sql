-- The history of requests and incidents (DESIGN §7; README, "History in ClickHouse"): one row per status change
-- and per activity, written by the app's outbox shipper. The single source of the schema:
-- docker-compose.yml mounts this directory into /docker-entrypoint-initdb.d, and the app
-- runs these statements (each ends with ";" at the end of a line) before it ships a batch.
-- Kept to what Debian's ClickHouse 18.16 (the tests' server) and the compose image both
-- accept: the compose image (24.8) would also take ReplacingMergeTree without "()",
-- DateTime64 and column comments, which 18.16 refuses.
CREATE DATABASE IF NOT EXISTS crm;

-- event_id: 2 x status.id for a status row, 2 x activity.id + 1 for an activity row (the
-- outbox id), the same whether shipped live or by a backfill. A replayed insert leaves a
-- second copy until a merge removes it: queries count uniqExact(event_id).
-- type: request | incident; id: the item's primary key; event: STATUS | ACTIVITY.
-- group and service: the work group's and service's codes, empty for requests.
-- seconds_to_assign: on an incident's first ASSIGNED, since the incident's creation.
-- seconds_to_close: on CLOSED, since the item's creation. No client data.
CREATE TABLE IF NOT EXISTS crm.history_event
(
    event_id UInt64,
    event_time DateTime('UTC'),
    event_date Date,
    event String,
    type String,
    id UInt64,
    old_status String,
    new_status String,
    activity String,
    actor String,
    assignee String,
    `group` String,
    service String,
    priority String,
    channel String,
    close_reason String,
    seconds_to_assign Nullable(UInt32),
    seconds_to_close Nullable(UInt32)
)
ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(event_date)
ORDER BY event_id;
