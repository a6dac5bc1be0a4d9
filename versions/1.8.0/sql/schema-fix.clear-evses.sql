-- schema-fix, data move: empty "Evses" before it becomes the 1.8.0 table of station EVSEs.
-- Every old row is in "EvseTypes" by now (schema-fix.up.sql copied each one with its
-- "databaseId", id and "connectorId"); 20250903102900-create-evses fills "Evses" again.
-- Expects: schema-fix.up.sql has run; no foreign key points at "Evses" any more.
-- keeps: "Evses" (every row is in "EvseTypes")
TRUNCATE "Evses";
