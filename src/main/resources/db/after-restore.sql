-- Run once on a database restored from a dump, before the app starts on it (README,
-- "Backing up and restoring"): moves every sequence of our tables a million ids ahead.
-- The old database may have handed out ids after the dump began (to API clients, in
-- mails, to ClickHouse as event ids); without the gap the restored one would hand the
-- same ids out again for other items. The engine's own ids are UUIDs and need nothing.
select format('%I.%I', schemaname, sequencename) as sequence,
       setval(format('%I.%I', schemaname, sequencename), coalesce(last_value, start_value) + 1000000)
from pg_sequences
where schemaname = current_schema();
