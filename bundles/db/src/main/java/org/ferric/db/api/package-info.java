/**
 * Ferric's DB API: plain data objects and the service that stores them. No JPA type crosses it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.ferric.db.api;
