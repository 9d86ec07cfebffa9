-- fact_mention keeps the name as the article wrote it; the dimension row is the resolved entity.
ALTER TABLE fact_mention ADD COLUMN name_as_written VARCHAR;
