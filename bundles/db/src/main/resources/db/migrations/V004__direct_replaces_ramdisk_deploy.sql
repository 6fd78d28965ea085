-- ipmi and redfish no longer offer the power-cycle 'ramdisk' deploy placeholder: nodes enrolled with it
-- (their default until then) deploy with the agent's 'direct' from now on.
UPDATE nodes SET deploy_interface = 'direct' WHERE deploy_interface = 'ramdisk' AND driver IN ('ipmi', 'redfish');
