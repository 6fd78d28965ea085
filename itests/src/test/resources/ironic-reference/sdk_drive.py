#!/usr/bin/env python3
"""Drives each resource group through openstacksdk's baremetal proxy (noauth + endpoint override).

    sdk_drive.py http://127.0.0.1:16385
"""
import sys
import time

import openstack

endpoint = sys.argv[1]
conn = openstack.connection.Connection(auth_type="none", baremetal_endpoint_override=endpoint,
                                       baremetal_api_version="1.82")
bm = conn.baremetal

chassis = bm.create_chassis(description="sdk chassis")
node = bm.create_node(driver="fake-hardware", name="sdk-node", chassis_id=chassis.id, resource_class="sdk-rc")
assert [n.id for n in bm.nodes(resource_class="sdk-rc")] == [node.id]
assert bm.get_node(node.id).chassis_id == chassis.id
bm.add_node_trait(node, "CUSTOM_SDK")
assert bm.get_node(node.id).traits == ["CUSTOM_SDK"]
bm.set_node_maintenance(node, reason="sdk")
assert bm.get_node(node.id).is_maintenance
bm.unset_node_maintenance(node)
bm.set_node_boot_device(node, "disk", persistent=True)
boot_device = bm.get(f"/nodes/{node.id}/management/boot_device", microversion="1.82").json()
assert boot_device == {"boot_device": "disk", "persistent": True}, boot_device
pg = bm.create_port_group(node_id=node.id, name="sdk-pg", address="52:54:00:cc:00:01")
port = bm.create_port(node_id=node.id, address="52:54:00:cc:00:02", port_group_id=pg.id)
assert [p.id for p in bm.ports(details=True, node=node.id)] == [port.id]
assert [g.id for g in bm.port_groups()] == [pg.id]
vc = bm.create_volume_connector(node_id=node.id, type="iqn", connector_id="iqn.2024-01.org.ferric:sdk")
vt = bm.create_volume_target(node_id=node.id, volume_type="iscsi", boot_index=0, volume_id="vol-1")
assert [c.id for c in bm.volume_connectors(node=node.id)] == [vc.id]
assert [t.id for t in bm.volume_targets(node=node.id)] == [vt.id]
tpl = bm.create_deploy_template(name="CUSTOM_SDK_TPL", steps=[{"interface": "bios", "step": "apply_configuration",
                                                             "args": {}, "priority": 10}])
assert bm.get_deploy_template(tpl.id).name == "CUSTOM_SDK_TPL"
# (openstacksdk's conductors(details=True) asks for /conductors/detail, which Ironic answers 404 too)
conductors = list(bm.conductors())
assert conductors and bm.get_conductor(conductors[0].hostname).alive
bm.attach_vif_to_node(node, "vif-sdk-1")
assert "vif-sdk-1" in bm.list_node_vifs(node)
bm.detach_vif_from_node(node, "vif-sdk-1")
alloc = bm.create_allocation(resource_class="sdk-none", name="sdk-alloc")
for _ in range(50):
    alloc = bm.get_allocation(alloc.id)
    if alloc.state != "allocating":
        break
    time.sleep(0.2)
assert alloc.state == "error", alloc
bm.delete_allocation(alloc)
bm.delete_deploy_template(tpl)
bm.delete_volume_target(vt)
bm.delete_volume_connector(vc)
bm.delete_port(port)
bm.delete_port_group(pg)
bm.delete_node(node)
bm.delete_chassis(chassis)
print("openstacksdk: all resource groups OK")
