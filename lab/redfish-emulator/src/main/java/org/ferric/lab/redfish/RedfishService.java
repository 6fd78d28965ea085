package org.ferric.lab.redfish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/** Serves the Redfish tree: authentication, fault hooks, routing, ETags. */
final class RedfishService implements HttpHandler {
    private static final String SESSIONS = "/redfish/v1/SessionService/Sessions";

    private final Map<String, EmulatedSystem> systems;
    private final String username;
    private final String password;
    private final String serviceUuid;
    private final Faults faults;
    private final Sessions sessions;
    private final Tasks tasks = new Tasks();
    private final List<String> log;

    RedfishService(Map<String, EmulatedSystem> systems, String username, String password, String serviceUuid,
            Faults faults, Sessions sessions, List<String> log) {
        this.systems = systems;
        this.username = username;
        this.password = password;
        this.serviceUuid = serviceUuid;
        this.faults = faults;
        this.sessions = sessions;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = new Request(exchange);
            String auth = exchange.getRequestHeaders().containsKey("X-Auth-Token") ? "token"
                    : exchange.getRequestHeaders().containsKey("Authorization") ? "basic" : "none";
            String ifMatch = request.header("If-Match");
            log.add(request + " [" + auth + (ifMatch != null ? ", If-Match " + ifMatch : "") + "]");
            if (faults.takeDrop()) {
                return; // closed without an answer: the client sees the connection end
            }
            pause(faults.responseDelay());
            Answer answer;
            int injected = faults.takeFailure();
            if (injected != 0) {
                answer = Answer.error(RedfishError.injected(injected));
            } else {
                try {
                    answer = route(request);
                } catch (RedfishError e) {
                    answer = Answer.error(e);
                } catch (RuntimeException e) {
                    answer = Answer.error(new RedfishError(500, "Base.1.8.InternalError", String.valueOf(e)));
                }
            }
            send(exchange, answer);
        }
    }

    private static void pause(Duration d) {
        if (!d.isZero()) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        var headers = exchange.getResponseHeaders();
        answer.headers().forEach(headers::set);
        headers.set("OData-Version", "4.0");
        // Said back, or clients like urllib3 think the socket stays open and race its close.
        if ("close".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Connection"))) {
            headers.set("Connection", "close");
        }
        if (answer.status() == 401 && !headers.containsKey("WWW-Authenticate")) {
            headers.set("WWW-Authenticate", "Basic realm=\"Redfish\"");
        }
        byte[] body = answer.body() == null ? new byte[0] : Json.bytes(answer.body());
        if (answer.body() != null) {
            headers.set("Content-Type", "application/json; charset=utf-8");
            if (answer.status() == 200 && answer.body().has("@odata.id") && !headers.containsKey("ETag")) {
                headers.set("ETag", etag(answer.body()));
            }
        }
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(answer.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Weak, as most BMCs send them: the content, not the bytes, is what is compared. */
    static String etag(JsonNode body) {
        return "W/\"" + Integer.toHexString(body.toString().hashCode()) + "\"";
    }

    private static void checkIfMatch(Request request, String path, JsonNode current) {
        String ifMatch = request.header("If-Match");
        if (ifMatch == null || ifMatch.trim().equals("*")) {
            return;
        }
        String want = opaque(etag(current));
        for (String tag : ifMatch.split(",")) {
            if (opaque(tag).equals(want)) {
                return;
            }
        }
        throw RedfishError.preconditionFailed(path);
    }

    private static String opaque(String tag) {
        String t = tag.trim();
        return t.startsWith("W/") ? t.substring(2) : t;
    }

    private Answer route(Request r) {
        if (r.segments == null) {
            if (r.path.equals("/redfish") && r.method.equals("GET")) {
                return Answer.ok(Json.object().put("v1", "/redfish/v1/"));
            }
            throw RedfishError.notFound(r.path);
        }
        if (r.segments.isEmpty()) {
            return get(r, this::root);
        }
        if (r.is("POST", 2) && r.path.equals(SESSIONS)) {
            return login(r.json());
        }
        authenticate(r);
        String top = r.segment(0);
        return switch (top) {
            case "Systems" -> systems(r);
            case "Managers" -> managers(r);
            case "Chassis" -> chassis(r);
            case "SessionService" -> sessionService(r);
            case "TaskService" -> taskService(r);
            default -> throw RedfishError.notFound(r.path);
        };
    }

    private void authenticate(Request r) {
        if (sessions.valid(r.header("X-Auth-Token"))) {
            return;
        }
        String basic = r.header("Authorization");
        if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6) && !faults.sessionRequired()) {
            String decoded = new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
            if (decoded.equals(username + ":" + password)) {
                return;
            }
        }
        throw RedfishError.unauthorized();
    }

    private static Answer get(Request r, Supplier<ObjectNode> resource) {
        if (!r.method.equals("GET") && !r.method.equals("HEAD")) {
            throw RedfishError.notAllowed(r.method, r.path);
        }
        return Answer.ok(resource.get());
    }

    private ObjectNode root() {
        ObjectNode n = Json.resource("/redfish/v1/", "#ServiceRoot.v1_5_0.ServiceRoot", "RootService", "Ferric lab Redfish service");
        n.put("RedfishVersion", "1.6.0");
        n.put("UUID", serviceUuid);
        n.set("Systems", Json.link(SystemResources.SYSTEMS));
        n.set("Managers", Json.link(SystemResources.MANAGERS));
        n.set("Chassis", Json.link(SystemResources.CHASSIS));
        n.set("SessionService", Json.link("/redfish/v1/SessionService"));
        n.set("TaskService", Json.link("/redfish/v1/TaskService"));
        n.putObject("Links").set("Sessions", Json.link(SESSIONS));
        return n;
    }

    private Answer login(JsonNode body) {
        String user = body.path("UserName").asText(null);
        String pass = body.path("Password").asText(null);
        if (user == null || pass == null) {
            throw RedfishError.missing(user == null ? "UserName" : "Password", "Session creation");
        }
        if (!user.equals(username) || !pass.equals(password)) {
            throw new RedfishError(401, "Base.1.8.ResourceAtUriUnauthorized",
                    "While accessing the resource at " + SESSIONS + ", the service received an authorization error: "
                            + "invalid user name or password.");
        }
        Sessions.Session s = sessions.create();
        Answer a = new Answer(201, session(s.id()), new java.util.LinkedHashMap<>());
        return a.header("X-Auth-Token", s.token()).header("Location", SESSIONS + "/" + s.id());
    }

    private ObjectNode session(String id) {
        ObjectNode n = Json.resource(SESSIONS + "/" + id, "#Session.v1_1_0.Session", id, "Session " + id);
        n.put("UserName", username);
        return n;
    }

    private Answer sessionService(Request r) {
        if (r.segments.size() == 1) {
            return get(r, () -> {
                ObjectNode n = Json.resource("/redfish/v1/SessionService", "#SessionService.v1_1_6.SessionService",
                        "SessionService", "Session service");
                n.put("ServiceEnabled", true);
                n.put("SessionTimeout", 1800);
                n.set("Sessions", Json.link(SESSIONS));
                return n;
            });
        }
        if (r.segments.size() == 2 && "Sessions".equals(r.segment(1))) {
            return get(r, () -> Json.collection(SESSIONS, "#SessionCollection.SessionCollection", "Sessions",
                    () -> java.util.stream.StreamSupport.stream(sessions.ids().spliterator(), false)
                            .map(id -> SESSIONS + "/" + id).iterator()));
        }
        if (r.segments.size() == 3 && "Sessions".equals(r.segment(1))) {
            String id = r.segment(2);
            if (!sessions.exists(id)) {
                throw RedfishError.notFound(r.path);
            }
            if (r.method.equals("DELETE")) {
                sessions.delete(id);
                return Answer.noContent();
            }
            return get(r, () -> session(id));
        }
        throw RedfishError.notFound(r.path);
    }

    private Answer taskService(Request r) {
        if (r.segments.size() == 1) {
            return get(r, () -> {
                ObjectNode n = Json.resource("/redfish/v1/TaskService", "#TaskService.v1_1_4.TaskService", "TaskService",
                        "Task service");
                n.put("ServiceEnabled", true);
                n.set("Tasks", Json.link(Tasks.TASKS));
                return n;
            });
        }
        String kind = r.segment(1);
        if (r.segments.size() == 2 && "Tasks".equals(kind)) {
            return get(r, () -> Json.collection(Tasks.TASKS, "#TaskCollection.TaskCollection", "Tasks", tasks.paths()));
        }
        if (r.segments.size() == 3 && ("Tasks".equals(kind) || "TaskMonitors".equals(kind))) {
            Tasks.Task task = tasks.get(r.segment(2));
            if (task == null) {
                throw RedfishError.notFound(r.path);
            }
            Answer a = get(r, task::json);
            if ("TaskMonitors".equals(kind) && "Running".equals(task.state())) {
                return Answer.accepted(task.monitor(), a.body());
            }
            return a;
        }
        throw RedfishError.notFound(r.path);
    }

    private EmulatedSystem system(Request r) {
        EmulatedSystem s = systems.get(r.segment(1));
        if (s == null) {
            throw RedfishError.notFound(r.path);
        }
        return s;
    }

    private Answer managers(Request r) {
        if (r.segments.size() == 1) {
            return get(r, () -> Json.collection(SystemResources.MANAGERS, "#ManagerCollection.ManagerCollection", "Managers",
                    systems.keySet().stream().map(id -> SystemResources.MANAGERS + "/" + id).toList()));
        }
        EmulatedSystem s = system(r);
        if (r.segments.size() == 2) {
            return get(r, () -> SystemResources.manager(s));
        }
        if ("VirtualMedia".equals(r.segment(2))) {
            return virtualMedia(r, SystemResources.MANAGERS + "/" + s.id(), s);
        }
        throw RedfishError.notFound(r.path);
    }

    private Answer chassis(Request r) {
        if (r.segments.size() == 1) {
            return get(r, () -> Json.collection(SystemResources.CHASSIS, "#ChassisCollection.ChassisCollection", "Chassis",
                    systems.keySet().stream().map(id -> SystemResources.CHASSIS + "/" + id).toList()));
        }
        EmulatedSystem s = system(r);
        if (r.segments.size() == 2) {
            return get(r, () -> SystemResources.chassis(s));
        }
        throw RedfishError.notFound(r.path);
    }

    private Answer systems(Request r) {
        if (r.segments.size() == 1) {
            return get(r, () -> Json.collection(SystemResources.SYSTEMS, "#ComputerSystemCollection.ComputerSystemCollection",
                    "Computer systems", systems.keySet().stream().map(id -> SystemResources.SYSTEMS + "/" + id).toList()));
        }
        EmulatedSystem s = system(r);
        List<String> rest = r.segments.subList(2, r.segments.size());
        if (rest.isEmpty()) {
            if (r.method.equals("PATCH")) {
                checkIfMatch(r, r.path, SystemResources.system(s));
                JsonNode boot = r.json().path("Boot");
                if (!boot.isObject()) {
                    throw new RedfishError(400, "Base.1.8.PropertyNotWritable",
                            "Only the Boot property of a ComputerSystem can be changed here.");
                }
                s.patchBoot(text(boot, "BootSourceOverrideTarget"), text(boot, "BootSourceOverrideEnabled"),
                        text(boot, "BootSourceOverrideMode"));
                return Answer.noContent();
            }
            return get(r, () -> SystemResources.system(s));
        }
        String sub = rest.get(0);
        String id = rest.size() > 1 ? rest.get(1) : null;
        return switch (sub) {
            case "Actions" -> {
                if (!r.method.equals("POST") || !"ComputerSystem.Reset".equals(id)) {
                    throw RedfishError.notFound(r.path);
                }
                String type = text(r.json(), "ResetType");
                if (type == null) {
                    throw RedfishError.missing("ResetType", "ComputerSystem.Reset");
                }
                s.reset(type);
                yield Answer.noContent();
            }
            case "Processors" -> get(r, () -> id == null ? SystemResources.processors(s) : SystemResources.processor(s, id));
            case "SimpleStorage" -> get(r, () -> id == null ? SystemResources.simpleStorageCollection(s)
                    : SystemResources.simpleStorage(s, id));
            case "Storage" -> get(r, () -> id == null ? SystemResources.storageCollection(s)
                    : rest.size() == 4 && "Drives".equals(rest.get(2)) ? SystemResources.drive(s, id, rest.get(3))
                    : SystemResources.storage(s, id));
            case "EthernetInterfaces" -> get(r, () -> id == null ? SystemResources.nics(s) : SystemResources.nic(s, id));
            case "Bios" -> bios(r, s, rest);
            case "VirtualMedia" -> virtualMedia(r, SystemResources.path(s), s);
            default -> throw RedfishError.notFound(r.path);
        };
    }

    private Answer bios(Request r, EmulatedSystem s, List<String> rest) {
        if (rest.size() == 1) {
            return get(r, () -> SystemResources.bios(s));
        }
        if (rest.size() == 2 && "Settings".equals(rest.get(1))) {
            if (r.method.equals("PATCH")) {
                checkIfMatch(r, r.path, SystemResources.biosSettings(s));
                Map<String, Object> attributes = SystemResources.attributes(r.json());
                return maybeAsync("BIOS settings", () -> s.stageBios(attributes));
            }
            return get(r, () -> SystemResources.biosSettings(s));
        }
        if (rest.size() == 3 && "Actions".equals(rest.get(1)) && r.method.equals("POST")) {
            switch (rest.get(2)) {
                case "Bios.ResetBios":
                    return maybeAsync("BIOS reset", s::resetBios);
                case "Bios.ChangePassword":
                    return Answer.noContent();
                default:
                    break;
            }
        }
        throw RedfishError.notFound(r.path);
    }

    /** Runs the change now (204), or as a task behind a monitor (202) when the fault hooks ask for it. */
    private Answer maybeAsync(String name, Runnable work) {
        Duration d = faults.taskDuration();
        if (d == null) {
            work.run();
            return Answer.noContent();
        }
        Tasks.Task task = tasks.start(name, d, work, faults.taskFailure());
        return Answer.accepted(task.monitor(), task.json());
    }

    private Answer virtualMedia(Request r, String base, EmulatedSystem s) {
        List<String> rest = r.segments.subList(3, r.segments.size());
        if (rest.isEmpty()) {
            return get(r, () -> SystemResources.virtualMediaCollection(base, s));
        }
        String id = rest.get(0);
        SystemResources.virtualMedia(base, s, id); // 404 for an unknown device
        if (rest.size() == 1) {
            if (r.method.equals("PATCH")) { // the pre-1.2 way, still used by some clients
                JsonNode body = r.json();
                if (body.path("Inserted").asBoolean(true) && text(body, "Image") != null) {
                    s.insertMedia(id, text(body, "Image"), body.path("WriteProtected").asBoolean(true));
                } else {
                    s.ejectMedia(id);
                }
                return Answer.noContent();
            }
            return get(r, () -> SystemResources.virtualMedia(base, s, id));
        }
        if (rest.size() == 3 && "Actions".equals(rest.get(1)) && r.method.equals("POST")) {
            switch (rest.get(2)) {
                case "VirtualMedia.InsertMedia": {
                    JsonNode body = r.json();
                    if (body.has("Inserted") && !body.get("Inserted").asBoolean()) {
                        throw RedfishError.badActionValue("Inserted", false, "VirtualMedia.InsertMedia");
                    }
                    s.insertMedia(id, text(body, "Image"), body.path("WriteProtected").asBoolean(true));
                    return Answer.noContent();
                }
                case "VirtualMedia.EjectMedia":
                    s.ejectMedia(id);
                    return Answer.noContent();
                default:
                    break;
            }
        }
        throw RedfishError.notFound(r.path);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
