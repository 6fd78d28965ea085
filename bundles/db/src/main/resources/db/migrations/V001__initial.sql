-- Ferric's first schema: chassis, nodes (with their traits), ports, conductors.
-- Placeholders ${ID}, ${TEXT}, ${BOOLEAN}, ${TIMESTAMP} are replaced per database (see SchemaMigrations).
-- Timestamps hold UTC wall-clock time. JSON documents are stored as text.

CREATE TABLE chassis (
    id ${ID} PRIMARY KEY,
    uuid VARCHAR(36) NOT NULL,
    description VARCHAR(255),
    extra ${TEXT},
    created_at ${TIMESTAMP} NOT NULL,
    updated_at ${TIMESTAMP},
    CONSTRAINT uniq_chassis_uuid UNIQUE (uuid)
);

CREATE TABLE nodes (
    id ${ID} PRIMARY KEY,
    uuid VARCHAR(36) NOT NULL,
    name VARCHAR(255),
    chassis_uuid VARCHAR(36),
    instance_uuid VARCHAR(36),
    driver VARCHAR(255),
    driver_info ${TEXT},
    driver_internal_info ${TEXT},
    properties ${TEXT},
    instance_info ${TEXT},
    extra ${TEXT},
    power_state VARCHAR(32),
    target_power_state VARCHAR(32),
    provision_state VARCHAR(32),
    target_provision_state VARCHAR(32),
    provision_updated_at ${TIMESTAMP},
    last_error ${TEXT},
    maintenance ${BOOLEAN} DEFAULT FALSE NOT NULL,
    maintenance_reason ${TEXT},
    fault VARCHAR(255),
    console_enabled ${BOOLEAN} DEFAULT FALSE NOT NULL,
    reservation VARCHAR(255),
    conductor_affinity VARCHAR(255),
    conductor_group VARCHAR(255) DEFAULT '' NOT NULL,
    clean_step ${TEXT},
    deploy_step ${TEXT},
    raid_config ${TEXT},
    target_raid_config ${TEXT},
    resource_class VARCHAR(80),
    inspection_started_at ${TIMESTAMP},
    inspection_finished_at ${TIMESTAMP},
    bios_interface VARCHAR(255),
    boot_interface VARCHAR(255),
    console_interface VARCHAR(255),
    deploy_interface VARCHAR(255),
    inspect_interface VARCHAR(255),
    management_interface VARCHAR(255),
    network_interface VARCHAR(255),
    power_interface VARCHAR(255),
    raid_interface VARCHAR(255),
    rescue_interface VARCHAR(255),
    storage_interface VARCHAR(255),
    vendor_interface VARCHAR(255),
    automated_clean ${BOOLEAN},
    protected ${BOOLEAN} DEFAULT FALSE NOT NULL,
    protected_reason ${TEXT},
    owner VARCHAR(255),
    lessee VARCHAR(255),
    allocation_uuid VARCHAR(36),
    description ${TEXT},
    retired ${BOOLEAN} DEFAULT FALSE NOT NULL,
    retired_reason ${TEXT},
    network_data ${TEXT},
    boot_mode VARCHAR(16),
    secure_boot ${BOOLEAN},
    shard VARCHAR(255),
    created_at ${TIMESTAMP} NOT NULL,
    updated_at ${TIMESTAMP},
    CONSTRAINT uniq_nodes_uuid UNIQUE (uuid),
    CONSTRAINT uniq_nodes_name UNIQUE (name),
    CONSTRAINT uniq_nodes_instance_uuid UNIQUE (instance_uuid),
    CONSTRAINT fk_nodes_chassis FOREIGN KEY (chassis_uuid) REFERENCES chassis (uuid)
);

-- the conductor's periodic tasks and the API's list filters
CREATE INDEX ix_nodes_provision_state ON nodes (provision_state);
CREATE INDEX ix_nodes_driver ON nodes (driver);
CREATE INDEX ix_nodes_reservation ON nodes (reservation);
CREATE INDEX ix_nodes_conductor_group ON nodes (conductor_group);
-- PostgreSQL does not index foreign keys by itself (Derby does, and only warns about these)
CREATE INDEX ix_nodes_chassis_uuid ON nodes (chassis_uuid);

CREATE TABLE node_traits (
    node_id BIGINT NOT NULL,
    trait VARCHAR(255) NOT NULL,
    CONSTRAINT pk_node_traits PRIMARY KEY (node_id, trait),
    CONSTRAINT fk_node_traits_node FOREIGN KEY (node_id) REFERENCES nodes (id)
);

CREATE TABLE ports (
    id ${ID} PRIMARY KEY,
    uuid VARCHAR(36) NOT NULL,
    address VARCHAR(18),
    node_uuid VARCHAR(36) NOT NULL,
    portgroup_uuid VARCHAR(36),
    local_link_connection ${TEXT},
    pxe_enabled ${BOOLEAN} DEFAULT TRUE NOT NULL,
    physical_network VARCHAR(64),
    internal_info ${TEXT},
    extra ${TEXT},
    is_smartnic ${BOOLEAN} DEFAULT FALSE NOT NULL,
    created_at ${TIMESTAMP} NOT NULL,
    updated_at ${TIMESTAMP},
    CONSTRAINT uniq_ports_uuid UNIQUE (uuid),
    CONSTRAINT uniq_ports_address UNIQUE (address),
    CONSTRAINT fk_ports_node FOREIGN KEY (node_uuid) REFERENCES nodes (uuid)
);

CREATE INDEX ix_ports_node_uuid ON ports (node_uuid);

CREATE TABLE conductors (
    id ${ID} PRIMARY KEY,
    hostname VARCHAR(255) NOT NULL,
    conductor_group VARCHAR(255) DEFAULT '' NOT NULL,
    online ${BOOLEAN} DEFAULT TRUE NOT NULL,
    drivers ${TEXT},
    created_at ${TIMESTAMP} NOT NULL,
    updated_at ${TIMESTAMP},
    CONSTRAINT uniq_conductors_hostname UNIQUE (hostname)
);
