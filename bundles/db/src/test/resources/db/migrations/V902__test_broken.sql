-- test only: fails halfway, so nothing of it may remain
CREATE TABLE test_half (id INTEGER);
CREATE TABLE test_half (id INTEGER);
