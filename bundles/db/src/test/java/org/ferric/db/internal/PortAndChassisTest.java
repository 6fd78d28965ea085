package org.ferric.db.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.ferric.db.api.Chassis;
import org.ferric.db.api.ConflictException;
import org.ferric.db.api.DuplicateEntryException;
import org.ferric.db.api.Node;
import org.ferric.db.api.NotFoundException;
import org.ferric.db.api.Port;
import org.ferric.db.api.PortQuery;
import org.junit.jupiter.api.Test;

class PortAndChassisTest extends DatabaseTestBase {

    @Test
    void portRoundTripsAndIsFoundByAddress() {
        String node = db.createNode(NodeFixtures.minimal("n1")).getUuid();
        Port port = port(node, "52:54:00:00:00:01");
        port.setLocalLinkConnection(Map.of("switch_id", "0a:1b:2c:3d:4e:5f", "port_id", "Eth1/1"));
        port.setPxeEnabled(false);
        port.setPhysicalNetwork("physnet1");
        port.setInternalInfo(Map.of("tenant_vif_port_id", "vif-1"));
        port.setExtra(Map.of("k", 1));
        port.setSmartnic(true);
        port.setPortgroupUuid("4f3e2d1c-0000-0000-0000-000000000001");

        Port created = db.createPort(port);
        Port read = db.getPortByAddress("52:54:00:00:00:01").orElseThrow();

        assertNotNull(created.getUuid());
        assertNotNull(read.getCreatedAt());
        assertEquals(node, read.getNodeUuid());
        assertEquals(port.getLocalLinkConnection(), read.getLocalLinkConnection());
        assertFalse(read.isPxeEnabled());
        assertEquals("physnet1", read.getPhysicalNetwork());
        assertEquals(port.getInternalInfo(), read.getInternalInfo());
        assertEquals(port.getExtra(), read.getExtra());
        assertTrue(read.isSmartnic());
        assertEquals(port.getPortgroupUuid(), read.getPortgroupUuid());
        assertEquals(created.getUuid(), db.getPortByUuid(created.getUuid()).orElseThrow().getUuid());
    }

    @Test
    void macAddressAndUuidAreUnique() {
        String node = db.createNode(NodeFixtures.minimal("n1")).getUuid();
        Port first = db.createPort(port(node, "52:54:00:00:00:01"));
        Port second = db.createPort(port(node, "52:54:00:00:00:02"));

        DuplicateEntryException mac = assertThrows(DuplicateEntryException.class,
                () -> db.createPort(port(node, "52:54:00:00:00:01")));
        assertEquals("address", mac.field());
        Port sameUuid = port(node, "52:54:00:00:00:03");
        sameUuid.setUuid(first.getUuid());
        assertEquals("uuid", assertThrows(DuplicateEntryException.class, () -> db.createPort(sameUuid)).field());

        second.setAddress("52:54:00:00:00:01");
        assertEquals("address", assertThrows(DuplicateEntryException.class, () -> db.updatePort(second)).field());
        assertEquals("52:54:00:00:00:02", db.getPortByUuid(second.getUuid()).orElseThrow().getAddress());
    }

    @Test
    void portNeedsAnExistingNode() {
        assertThrows(NotFoundException.class, () -> db.createPort(port("00000000-0000-0000-0000-000000000000", "52:54:00:00:00:01")));
        assertThrows(IllegalArgumentException.class, () -> db.createPort(port(null, "52:54:00:00:00:01")));
    }

    @Test
    void portsAreListedPerNodeUpdatedAndDestroyed() {
        String n1 = db.createNode(NodeFixtures.minimal("n1")).getUuid();
        String n2 = db.createNode(NodeFixtures.minimal("n2")).getUuid();
        db.createPort(port(n1, "52:54:00:00:00:03"));
        Port p = db.createPort(port(n1, "52:54:00:00:00:01"));
        db.createPort(port(n2, "52:54:00:00:00:02"));

        List<Port> ofN1 = db.listPorts(new PortQuery(n1, null, 10, null, "address", true));
        assertEquals(List.of("52:54:00:00:00:01", "52:54:00:00:00:03"), ofN1.stream().map(Port::getAddress).toList());
        assertEquals(1, db.listPorts(new PortQuery(null, null, 10, ofN1.get(0).getId(), "address", true)).stream()
                .filter(x -> x.getNodeUuid().equals(n1)).count());

        p.setNodeUuid(n2);
        Port moved = db.updatePort(p);
        assertEquals(n2, moved.getNodeUuid());
        assertNotNull(moved.getUpdatedAt());
        assertEquals(2, db.listPorts(new PortQuery(n2, null, 10, null, null, true)).size());

        db.destroyPort(p.getUuid());
        assertTrue(db.getPortByUuid(p.getUuid()).isEmpty());
        assertThrows(NotFoundException.class, () -> db.destroyPort(p.getUuid()));
        assertThrows(IllegalArgumentException.class, () -> db.listPorts(new PortQuery(null, null, 10, null, "extra", true)));
    }

    @Test
    void portsAreListedPerPortgroupAndPerNodeShard() {
        Node a = NodeFixtures.minimal("in-a");
        a.setShard("a");
        String inA = db.createNode(a).getUuid();
        Node b = NodeFixtures.minimal("in-b");
        b.setShard("b");
        String inB = db.createNode(b).getUuid();
        String unsharded = db.createNode(NodeFixtures.minimal("none")).getUuid();
        String group = "11111111-2222-3333-4444-555555555555";
        Port grouped = port(inA, "52:54:00:00:00:01");
        grouped.setPortgroupUuid(group);
        db.createPort(grouped);
        db.createPort(port(inA, "52:54:00:00:00:02"));
        db.createPort(port(inB, "52:54:00:00:00:03"));
        db.createPort(port(unsharded, "52:54:00:00:00:04"));

        assertEquals(List.of("52:54:00:00:00:01"), addresses(new PortQuery(null, null, group, null, 10, null, "id", true)));
        assertEquals(List.of(), addresses(new PortQuery(inB, null, group, null, 10, null, "id", true)));
        assertEquals(List.of("52:54:00:00:00:01", "52:54:00:00:00:02"),
                addresses(new PortQuery(null, null, null, List.of("a"), 10, null, "address", true)));
        assertEquals(List.of("52:54:00:00:00:01", "52:54:00:00:00:02", "52:54:00:00:00:03"),
                addresses(new PortQuery(null, null, null, List.of("a", "b", "c"), 10, null, "address", true)));
        assertEquals(List.of(), addresses(new PortQuery(null, null, null, List.of(), 10, null, "address", true)));
        assertEquals(4, addresses(new PortQuery(null, null, 10, null, "id", true)).size(), "the 1.1 constructor filters nothing new");
    }

    private List<String> addresses(PortQuery query) {
        return db.listPorts(query).stream().map(Port::getAddress).toList();
    }

    @Test
    void chassisWithNodesCannotBeDestroyed() {
        Chassis chassis = new Chassis();
        chassis.setDescription("rack 1");
        chassis.setExtra(Map.of("row", 3));
        Chassis created = db.createChassis(chassis);
        Node node = NodeFixtures.minimal("n1");
        node.setChassisUuid(created.getUuid());
        String nodeUuid = db.createNode(node).getUuid();

        assertThrows(ConflictException.class, () -> db.destroyChassis(created.getUuid()));
        db.destroyNode(nodeUuid);
        db.destroyChassis(created.getUuid());
        assertTrue(db.getChassisByUuid(created.getUuid()).isEmpty());
    }

    @Test
    void nodeNeedsAnExistingChassis() {
        Node node = NodeFixtures.minimal("n1");
        node.setChassisUuid("00000000-0000-0000-0000-000000000000");

        assertThrows(NotFoundException.class, () -> db.createNode(node));
        assertEquals(0, db.countNodes());
    }

    @Test
    void chassisRoundTripsUpdatesAndLists() {
        Chassis a = new Chassis();
        a.setDescription("b-chassis");
        a.setExtra(Map.of("row", 3));
        Chassis created = db.createChassis(a);
        Chassis b = new Chassis();
        b.setDescription("a-chassis");
        db.createChassis(b);

        assertEquals(Map.of("row", 3), db.getChassisByUuid(created.getUuid()).orElseThrow().getExtra());
        assertEquals(List.of("a-chassis", "b-chassis"),
                db.listChassis(10, null, "description", true).stream().map(Chassis::getDescription).toList());
        assertEquals(List.of("a-chassis"),
                db.listChassis(10, created.getId(), "id", true).stream().map(Chassis::getDescription).toList());

        created.setDescription("renamed");
        assertEquals("renamed", db.updateChassis(created).getDescription());
        Chassis dup = new Chassis();
        dup.setUuid(created.getUuid());
        assertEquals("uuid", assertThrows(DuplicateEntryException.class, () -> db.createChassis(dup)).field());
    }

    private static Port port(String nodeUuid, String address) {
        Port p = new Port();
        p.setNodeUuid(nodeUuid);
        p.setAddress(address);
        return p;
    }
}
