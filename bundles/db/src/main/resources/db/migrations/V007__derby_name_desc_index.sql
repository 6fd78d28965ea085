-- only on: derby
-- Derby does not scan an index backwards to avoid a sort, so sort_dir=desc by name needs an index
-- of its own (at 100,000 nodes: 0.7-2.2 s without it, 2 ms with it). PostgreSQL scans V006's index
-- in either direction; this script does nothing there.
CREATE INDEX ix_nodes_name_desc_id ON nodes (name DESC, id DESC);
