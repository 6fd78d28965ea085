/**
 * The conductor's RPC interface: everything the API asks the conductor to do. In one Karaf it is
 * an OSGi service; across hosts the same interface is served over JSON-RPC.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.ferric.conductor.rpc;
