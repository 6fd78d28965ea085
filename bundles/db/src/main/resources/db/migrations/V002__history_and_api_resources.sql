-- The rest of Ironic's API v1 resources: node history, portgroups, volume connectors and targets,
-- deploy templates, allocations, BIOS settings, node inventory. Rows refer to their node by uuid
-- (as ports do); DbApi removes them with the node. Columns anyone filters or sorts by are VARCHAR.

CREATE TABLE node_history (
    id ${ID} PRIMARY KEY,
    uuid VARCHAR(36) NOT NULL,
    node_uuid VARCHAR(36) NOT NULL,
    event ${TEXT},
    event_type VARCHAR(255),
    severity VARCHAR(255),
    conductor VARCHAR(255),
    user_id VARCHAR(255),
    created_at ${TIMESTAMP} NOT NULL,
    updated_at ${TIMESTAMP},
    CONSTRAINT uniq_node_history_uuid UNIQUE (uuid)
);
CREATE INDEX ix_node_history_node_uuid ON node_history (node_uuid);

CREATE TABLE portgroups (
    id ${ID} PRIMARY KEY,
    uuid VARCHAR(36) NOT NULL,
    name VARCHAR(255),
    node_uuid VARCHAR(36) NOT NULL,
    address VARCHAR(18),
    extra ${TEXT},
    internal_info ${TEXT},
    standalone_ports_supported ${BOOLEAN} DEFAULT TRUE NOT NULL,
    mode VARCHAR(255),
    properties ${TEXT},
    created_at ${TIMESTAMP} NOT NULL,
    updated_at ${TIMESTAMP},
    CONSTRAINT uniq_portgroups_uuid UNIQUE (uuid),
    CONSTRAINT uniq_portgroups_name UNIQUE (name),
    CONSTRAINT uniq_portgroups_address UNIQUE (address),
    CONSTRAINT fk_portgroups_node FOREIGN KEY (node_uuid) REFERENCES nodes (uuid)
);
CREATE INDEX ix_portgroups_node_uuid ON portgroups (node_uuid);

CREATE TABLE volume_connectors (
    id ${ID} PRIMARY KEY,
    uuid VARCHAR(36) NOT NULL,
    node_uuid VARCHAR(36) NOT NULL,
    type VARCHAR(32) NOT NULL,
    connector_id VARCHAR(255) NOT NULL,
    extra ${TEXT},
    created_at ${TIMESTAMP} NOT NULL,
    updated_at ${TIMESTAMP},
    CONSTRAINT uniq_volume_connectors_uuid UNIQUE (uuid),
    CONSTRAINT uniq_volume_connectors_type_connector_id UNIQUE (type, connector_id),
    CONSTRAINT fk_volume_connectors_node FOREIGN KEY (node_uuid) REFERENCES nodes (uuid)
);
CREATE INDEX ix_volume_connectors_node_uuid ON volume_connectors (node_uuid);

CREATE TABLE volume_targets (
    id ${ID} PRIMARY KEY,
    uuid VARCHAR(36) NOT NULL,
    node_uuid VARCHAR(36) NOT NULL,
    volume_type VARCHAR(64) NOT NULL,
    properties ${TEXT},
    boot_index INTEGER NOT NULL,
    volume_id VARCHAR(36) NOT NULL,
    extra ${TEXT},
    created_at ${TIMESTAMP} NOT NULL,
    updated_at ${TIMESTAMP},
    CONSTRAINT uniq_volume_targets_uuid UNIQUE (uuid),
    CONSTRAINT uniq_volume_targets_node_uuid_boot_index UNIQUE (node_uuid, boot_index),
    CONSTRAINT fk_volume_targets_node FOREIGN KEY (node_uuid) REFERENCES nodes (uuid)
);

CREATE TABLE deploy_templates (
    id ${ID} PRIMARY KEY,
    uuid VARCHAR(36) NOT NULL,
    name VARCHAR(255) NOT NULL,
    steps ${TEXT},
    extra ${TEXT},
    created_at ${TIMESTAMP} NOT NULL,
    updated_at ${TIMESTAMP},
    CONSTRAINT uniq_deploy_templates_uuid UNIQUE (uuid),
    CONSTRAINT uniq_deploy_templates_name UNIQUE (name)
);

CREATE TABLE allocations (
    id ${ID} PRIMARY KEY,
    uuid VARCHAR(36) NOT NULL,
    name VARCHAR(255),
    node_uuid VARCHAR(36),
    state VARCHAR(15) NOT NULL,
    owner VARCHAR(255),
    last_error ${TEXT},
    resource_class VARCHAR(80),
    traits ${TEXT},
    candidate_nodes ${TEXT},
    extra ${TEXT},
    conductor_affinity VARCHAR(255),
    created_at ${TIMESTAMP} NOT NULL,
    updated_at ${TIMESTAMP},
    CONSTRAINT uniq_allocations_uuid UNIQUE (uuid),
    CONSTRAINT uniq_allocations_name UNIQUE (name)
);
CREATE INDEX ix_allocations_state ON allocations (state);
CREATE INDEX ix_allocations_node_uuid ON allocations (node_uuid);

CREATE TABLE bios_settings (
    id ${ID} PRIMARY KEY,
    node_uuid VARCHAR(36) NOT NULL,
    name VARCHAR(255) NOT NULL,
    setting_value ${TEXT},
    attribute_type VARCHAR(255),
    allowable_values ${TEXT},
    lower_bound INTEGER,
    max_length INTEGER,
    min_length INTEGER,
    read_only ${BOOLEAN},
    reset_required ${BOOLEAN},
    unique_setting ${BOOLEAN},
    upper_bound INTEGER,
    created_at ${TIMESTAMP} NOT NULL,
    updated_at ${TIMESTAMP},
    CONSTRAINT uniq_bios_settings_node_uuid_name UNIQUE (node_uuid, name),
    CONSTRAINT fk_bios_settings_node FOREIGN KEY (node_uuid) REFERENCES nodes (uuid)
);

CREATE TABLE node_inventory (
    id ${ID} PRIMARY KEY,
    node_uuid VARCHAR(36) NOT NULL,
    inventory_data ${TEXT},
    plugin_data ${TEXT},
    created_at ${TIMESTAMP} NOT NULL,
    updated_at ${TIMESTAMP},
    CONSTRAINT uniq_node_inventory_node_uuid UNIQUE (node_uuid),
    CONSTRAINT fk_node_inventory_node FOREIGN KEY (node_uuid) REFERENCES nodes (uuid)
);
