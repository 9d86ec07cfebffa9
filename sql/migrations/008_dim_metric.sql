-- dim_metric: the closed list of figure metrics (ANNOTATION.md).
CREATE TABLE dim_metric (
    metric_key  INTEGER PRIMARY KEY,
    metric_id   VARCHAR NOT NULL UNIQUE,
    description VARCHAR NOT NULL
);
INSERT INTO dim_metric VALUES
    (1, 'trade_turnover', 'Total trade (exports plus imports) between two parties'),
    (2, 'exports', 'Exports of the subject to the counterpart'),
    (3, 'imports', 'Imports of the subject from the counterpart'),
    (4, 'investment', 'Investment, loans, credit lines and financing'),
    (5, 'project_count', 'Number of projects'),
    (6, 'project_value', 'Money value of a set of projects, deals or agreements'),
    (7, 'growth', 'A change: percentage, multiple or absolute amount'),
    (8, 'share', 'A share of a whole'),
    (9, 'other', 'Any other measurable quantity');
