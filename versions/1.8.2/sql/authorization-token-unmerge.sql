-- The down of --resolve merge-token-duplicates (20260122000000-add-authorization-unique-index,
-- after the index is gone): the merged Authorizations come back whole with their ids, and each
-- reference the merge repointed at the kept row points at its merged row again -- where it
-- still points at the kept row (a reference changed since stays as it is; a row deleted since
-- stays deleted). Then the two archive tables go.
-- Only when the archive holds a merge (the step checks that first).

DO $$
DECLARE
    link record;
    cond text;
    cols text;
BEGIN
    -- One statement, column by name: references among the merged rows (group members) are
    -- checked at its end.
    SELECT string_agg(format('%I', a.attname), ', ' ORDER BY a.attnum) INTO cols
      FROM pg_attribute AS a
      WHERE a.attrelid = 'public."Authorizations"'::regclass AND a.attnum > 0
        AND NOT a.attisdropped
        AND EXISTS (SELECT 1 FROM pg_attribute AS b
                    WHERE b.attrelid = '{archive}."20260122000000_merged_Authorizations"'::regclass
                      AND b.attname = a.attname AND NOT b.attisdropped);
    EXECUTE format('INSERT INTO public."Authorizations" (%s) SELECT %s '
                   'FROM {archive}."20260122000000_merged_Authorizations" ORDER BY id',
                   cols, cols);

    FOR link IN SELECT DISTINCT "table", "column"
                FROM {archive}."20260122000000_merged_links" ORDER BY 1, 2 LOOP
        IF to_regclass(link."table") IS NULL THEN
            CONTINUE;
        END IF;
        SELECT string_agg(format('r.%I = (l."key" ->> %L)::%s', att.attname, att.attname,
                                 format_type(att.atttypid, att.atttypmod)), ' AND ')
          INTO cond
          FROM pg_index AS x
          JOIN pg_attribute AS att ON att.attrelid = x.indrelid AND att.attnum = ANY(x.indkey)
          WHERE x.indrelid = to_regclass(link."table") AND x.indisprimary;
        EXECUTE format(
            'UPDATE %s AS r SET %I = l."mergedId" '
            'FROM {archive}."20260122000000_merged_links" AS l '
            'WHERE l."table" = %L AND l."column" = %L AND %s AND r.%I = l."keptId"',
            link."table", link."column", link."table", link."column", cond, link."column");
    END LOOP;
END
$$;

DROP TABLE {archive}."20260122000000_merged_links";
DROP TABLE {archive}."20260122000000_merged_Authorizations";
