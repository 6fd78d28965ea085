package org.ferric.api.internal;

import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Ironic answers both {@code /} (the versions document) and {@code /v1/...}, so our application sits
 * at the server root. An application with base "/" shadows the whiteboard's default application
 * (Aries test {@code testApplicationShadowsDefault}); nothing else in Ferric uses the default one.
 * Resources select this application by name and carry their full path ({@code v1/nodes}...).
 */
@Component(service = Application.class)
@JaxrsApplicationBase("/")
@JaxrsName(FerricApplication.NAME)
public class FerricApplication extends Application {
    public static final String NAME = "ferric";
    public static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";
}
