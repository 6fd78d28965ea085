-- only on: derby
-- Derby reads every CLOB value through a java.sql.Clob with its own stream and finalizer; for a
-- list of 1,000 nodes that was 17,000 of them and the largest cost of the list. The node's short
-- documents and texts become VARCHAR, Derby's longest (32,672 characters; the DB API refuses a
-- longer value, on PostgreSQL too). instance_info and driver_internal_info stay CLOB: a config
-- drive travels in instance_info, and Ironic too gives those two a long column type.
-- PostgreSQL's TEXT has no such cost, so this script does nothing there.

ALTER TABLE nodes ADD COLUMN driver_info_v VARCHAR(32672);
UPDATE nodes SET driver_info_v = CAST(driver_info AS VARCHAR(32672));
ALTER TABLE nodes DROP COLUMN driver_info;
RENAME COLUMN nodes.driver_info_v TO driver_info;

ALTER TABLE nodes ADD COLUMN properties_v VARCHAR(32672);
UPDATE nodes SET properties_v = CAST(properties AS VARCHAR(32672));
ALTER TABLE nodes DROP COLUMN properties;
RENAME COLUMN nodes.properties_v TO properties;

ALTER TABLE nodes ADD COLUMN extra_v VARCHAR(32672);
UPDATE nodes SET extra_v = CAST(extra AS VARCHAR(32672));
ALTER TABLE nodes DROP COLUMN extra;
RENAME COLUMN nodes.extra_v TO extra;

ALTER TABLE nodes ADD COLUMN last_error_v VARCHAR(32672);
UPDATE nodes SET last_error_v = CAST(last_error AS VARCHAR(32672));
ALTER TABLE nodes DROP COLUMN last_error;
RENAME COLUMN nodes.last_error_v TO last_error;

ALTER TABLE nodes ADD COLUMN maintenance_reason_v VARCHAR(32672);
UPDATE nodes SET maintenance_reason_v = CAST(maintenance_reason AS VARCHAR(32672));
ALTER TABLE nodes DROP COLUMN maintenance_reason;
RENAME COLUMN nodes.maintenance_reason_v TO maintenance_reason;

ALTER TABLE nodes ADD COLUMN clean_step_v VARCHAR(32672);
UPDATE nodes SET clean_step_v = CAST(clean_step AS VARCHAR(32672));
ALTER TABLE nodes DROP COLUMN clean_step;
RENAME COLUMN nodes.clean_step_v TO clean_step;

ALTER TABLE nodes ADD COLUMN deploy_step_v VARCHAR(32672);
UPDATE nodes SET deploy_step_v = CAST(deploy_step AS VARCHAR(32672));
ALTER TABLE nodes DROP COLUMN deploy_step;
RENAME COLUMN nodes.deploy_step_v TO deploy_step;

ALTER TABLE nodes ADD COLUMN raid_config_v VARCHAR(32672);
UPDATE nodes SET raid_config_v = CAST(raid_config AS VARCHAR(32672));
ALTER TABLE nodes DROP COLUMN raid_config;
RENAME COLUMN nodes.raid_config_v TO raid_config;

ALTER TABLE nodes ADD COLUMN target_raid_config_v VARCHAR(32672);
UPDATE nodes SET target_raid_config_v = CAST(target_raid_config AS VARCHAR(32672));
ALTER TABLE nodes DROP COLUMN target_raid_config;
RENAME COLUMN nodes.target_raid_config_v TO target_raid_config;

ALTER TABLE nodes ADD COLUMN protected_reason_v VARCHAR(32672);
UPDATE nodes SET protected_reason_v = CAST(protected_reason AS VARCHAR(32672));
ALTER TABLE nodes DROP COLUMN protected_reason;
RENAME COLUMN nodes.protected_reason_v TO protected_reason;

ALTER TABLE nodes ADD COLUMN description_v VARCHAR(32672);
UPDATE nodes SET description_v = CAST(description AS VARCHAR(32672));
ALTER TABLE nodes DROP COLUMN description;
RENAME COLUMN nodes.description_v TO description;

ALTER TABLE nodes ADD COLUMN retired_reason_v VARCHAR(32672);
UPDATE nodes SET retired_reason_v = CAST(retired_reason AS VARCHAR(32672));
ALTER TABLE nodes DROP COLUMN retired_reason;
RENAME COLUMN nodes.retired_reason_v TO retired_reason;

ALTER TABLE nodes ADD COLUMN network_data_v VARCHAR(32672);
UPDATE nodes SET network_data_v = CAST(network_data AS VARCHAR(32672));
ALTER TABLE nodes DROP COLUMN network_data;
RENAME COLUMN nodes.network_data_v TO network_data;
