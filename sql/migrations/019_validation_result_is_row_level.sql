-- validation_result.is_row_level: a failed row-level expectation quarantined its rows and did
-- not block the run; a failed table-level one in a blocking suite did.
ALTER TABLE validation_result ADD COLUMN is_row_level BOOLEAN;
