-- create-evses, data move down. The step changes no schema (dump 11 = dump 12); it adds Evses
-- rows (one per EVSE of a station) and the links of Transactions and ChargingNeeds to them.
-- The down keeps both: by now they may have been changed, and others may point at them (a
-- transaction made since at that EVSE); deleting them would lose that. The next up reuses the
-- rows that are there and only links what has no Evse yet. 20250821103100-schema-fix's down,
-- which takes "Evses" out of the schema, sets every row aside first.
--
-- Expects the schema of dump 12; {archive}."20250903102900_Evses"(id), the ids of the rows the
-- up made, when the up ran here (a database installed from the snapshot, or made by
-- CitrineOS's own runner, has none).
-- Leaves: that list dropped (its rows stay in "Evses").

-- keeps: "20250903102900_Evses" (the ids of rows that stay in "Evses")
DROP TABLE IF EXISTS {archive}."20250903102900_Evses";
