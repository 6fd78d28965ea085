package org.ferric.api.internal;

import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.Application;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.MessageBodyReader;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceScope;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Ironic answers both {@code /} (the versions document) and {@code /v1/...}, so our application sits
 * at the server root. An application with base "/" shadows the whiteboard's default application
 * (Aries test {@code testApplicationShadowsDefault}); nothing else in Ferric uses the default one.
 * Resources select this application by name and carry their full path ({@code v1/nodes}...).
 * <p>
 * The whiteboard redeploys the whole application each time one of its resources or extensions
 * appears, and requests during a redeploy get 404. So the application waits (through the static
 * references below, which it never calls) until every resource and extension is registered, and
 * is deployed once, complete. A new resource class must be added here.
 */
@Component(service = Application.class)
@JaxrsApplicationBase("/")
@JaxrsName(FerricApplication.NAME)
public class FerricApplication extends Application {
    public static final String NAME = "ferric";
    public static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";

    @Reference
    private AgentResource agentResource;

    @Reference
    private AllocationsResource allocationsResource;

    @Reference
    private ChassisResource chassisResource;

    @Reference
    private ConductorsResource conductorsResource;

    @Reference
    private DeployTemplatesResource deployTemplatesResource;

    @Reference
    private DriversResource driversResource;

    @Reference
    private MiscResource miscResource;

    @Reference
    private NodeStatesResource nodeStatesResource;

    @Reference
    private NodesResource nodesResource;

    @Reference
    private PortgroupsResource portgroupsResource;

    @Reference
    private PortsResource portsResource;

    @Reference
    private RootResource rootResource;

    @Reference
    private VolumeConnectorsResource volumeConnectorsResource;

    @Reference
    private VolumeTargetsResource volumeTargetsResource;

    @Reference(target = "(component.name=org.ferric.api.internal.ApiVersionFilter)")
    private ContainerRequestFilter versionFilter;

    @Reference(target = "(component.name=org.ferric.api.internal.ErrorMapper)")
    private ExceptionMapper<?> errorMapper;

    @Reference(target = "(component.name=org.ferric.api.internal.JsonProvider)", scope = ReferenceScope.PROTOTYPE_REQUIRED)
    private MessageBodyReader<?> jsonProvider;
}
