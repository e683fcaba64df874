-- The overdue spans of 0015 were a stored generated column, so PostgreSQL worked them out twice in every upsert of an
-- index row: for the row proposed and again for the row that replaced the stored one (docs/decisions/0021). They are
-- now a plain column that the statements writing index rows fill from the same function, once a row. The values
-- stored stay as they are, and a row without them is refused rather than read as never overdue.
ALTER TABLE hcc_dossier_index ALTER COLUMN overdue_spans DROP EXPRESSION;
ALTER TABLE hcc_dossier_index ALTER COLUMN overdue_spans SET NOT NULL;
