"""Drives the emulator with Debian's python3-sushy, the library Ironic's redfish driver uses.

Usage: sushy_client.py URL USER PASSWORD AUTH   (AUTH: default | basic)
Prints one line per check; exits non-zero on the first failure.
"""
import sys

import sushy
from sushy import auth

url, user, password, mode = sys.argv[1:5]
if mode == 'basic':
    root = sushy.Sushy(url + '/redfish/v1', auth=auth.BasicAuth(user, password), verify=False)
else:
    # the default: SessionOrBasicAuth, which logs in through the SessionService
    root = sushy.Sushy(url + '/redfish/v1', username=user, password=password, verify=False)

members = sorted(root.get_system_collection().members_identities)
assert members == ['/redfish/v1/Systems/1', '/redfish/v1/Systems/2'], members
print('systems', ' '.join(members))

system = root.get_system('/redfish/v1/Systems/1')
system.reset_system(sushy.RESET_FORCE_OFF)
system.refresh()
assert system.power_state == sushy.SYSTEM_POWER_STATE_OFF, system.power_state
system.set_system_boot_options(sushy.BOOT_SOURCE_TARGET_PXE, enabled=sushy.BOOT_SOURCE_ENABLED_ONCE,
                               mode=sushy.BOOT_SOURCE_MODE_UEFI)
system.refresh()
assert system.boot.target == sushy.BOOT_SOURCE_TARGET_PXE, system.boot.target
assert system.boot.enabled == sushy.BOOT_SOURCE_ENABLED_ONCE, system.boot.enabled
print('boot', system.boot.target.value, system.boot.enabled.value, system.boot.mode.value)
system.reset_system(sushy.RESET_ON)
system.refresh()
assert system.power_state == sushy.SYSTEM_POWER_STATE_ON, system.power_state
# the one-time override was used by that boot
assert system.boot.enabled == sushy.BOOT_SOURCE_ENABLED_DISABLED, system.boot.enabled
print('power', system.power_state.value)

try:
    system.reset_system('Bogus')
    raise AssertionError('an unknown reset type was accepted')
except sushy.exceptions.InvalidParameterValueError as e:
    print('refused', 'Bogus')

summary = system.processors.summary
assert summary.count == 16 and summary.architecture == sushy.PROCESSOR_ARCH_x86, summary
assert system.memory_summary.size_gib == 32, system.memory_summary.size_gib
macs = system.ethernet_interfaces.summary
assert len(macs) == 3, macs
assert max(system.simple_storage.disks_sizes_bytes) == 100 * 2**30
assert max(system.storage.drives_sizes_bytes) == 100 * 2**30
print('inventory', summary.count, summary.architecture.value, system.memory_summary.size_gib, len(macs))

bios = system.bios
assert bios.attributes['ProcTurboMode'] == 'Enabled', bios.attributes
bios.set_attributes({'ProcTurboMode': 'Disabled'})
bios.refresh()
assert bios.pending_attributes == {'ProcTurboMode': 'Disabled'}, bios.pending_attributes
print('bios pending', bios.pending_attributes)

manager = root.get_manager('/redfish/v1/Managers/1')
cd = manager.virtual_media.get_member('/redfish/v1/Managers/1/VirtualMedia/Cd')
assert sushy.VIRTUAL_MEDIA_CD in cd.media_types, cd.media_types
cd.insert_media('http://192.0.2.1/deploy.iso', inserted=True, write_protected=True)
cd.refresh()
assert cd.inserted and cd.image == 'http://192.0.2.1/deploy.iso', (cd.inserted, cd.image)
print('inserted', cd.image)
cd.eject_media()
cd.refresh()
assert not cd.inserted and cd.image is None, (cd.inserted, cd.image)
print('ejected')
