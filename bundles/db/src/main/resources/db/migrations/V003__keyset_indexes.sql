-- Pages are read in (filter column, id) order ("keyset" paging: WHERE col = ? AND id > marker
-- ORDER BY id). With single-column indexes the database had to fetch every matching row and sort
-- it; at 10,000 nodes a filtered page took 66-110 ms (bench/README.md). A composite index with id
-- last serves the page straight from the index, in order.
DROP INDEX ix_nodes_provision_state;
DROP INDEX ix_nodes_driver;
DROP INDEX ix_nodes_conductor_group;
CREATE INDEX ix_nodes_provision_state_id ON nodes (provision_state, id);
CREATE INDEX ix_nodes_driver_id ON nodes (driver, id);
CREATE INDEX ix_nodes_conductor_group_id ON nodes (conductor_group, id);
CREATE INDEX ix_nodes_maintenance_id ON nodes (maintenance, id);
CREATE INDEX ix_nodes_created_at_id ON nodes (created_at, id);
