-- test only: a second migration on top of V001
CREATE TABLE test_extra (
    id ${ID} PRIMARY KEY,
    note ${TEXT}
);
INSERT INTO test_extra (note) VALUES ('added by V002');
