package org.ferric.driver.redfish.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import org.ferric.driver.api.DriverException;
import org.ferric.driver.api.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One BMC's HTTP connection, shared by the nodes behind it: authentication (Basic, a session with
 * re-login on 401, or session falling back to Basic), retries on connection errors, Redfish error
 * bodies as readable messages, and 202 task monitors. Thread-safe.
 */
final class RedfishClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedfishClient.class);
    static final ObjectMapper JSON = new ObjectMapper();
    /** Answers that mean "busy or restarting, try again": sushy's and Ironic's view too. */
    private static final Set<Integer> RETRIED = Set.of(502, 503, 504);

    record Response(int status, JsonNode body, HttpHeaders headers) {
        String etag() {
            return headers.firstValue("ETag").orElse(null);
        }
    }

    private final DriverInfo info;
    private final RedfishSettings settings;
    private final HttpClient http;
    private volatile String token;
    private volatile String sessionLocation;
    /** auto: set once the BMC showed it has no usable session service */
    private volatile boolean basicFallback;
    private volatile JsonNode root;

    RedfishClient(DriverInfo info, RedfishSettings settings) throws InvalidParameterException {
        this.info = info;
        this.settings = settings;
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectionTimeout()).followRedirects(HttpClient.Redirect.NEVER);
        if (info.address().startsWith("https:")) {
            b.sslContext(Tls.context(info.verifyCa()));
        }
        http = b.build();
    }

    String address() {
        return info.address();
    }

    /** The service root, read without credentials as the standard allows. */
    JsonNode root() throws DriverException {
        JsonNode r = root;
        if (r == null) {
            r = send("GET", info.rootPath(), null, null, false).body();
            root = r;
        }
        return r;
    }

    JsonNode get(String path) throws DriverException {
        return fetch(path).body();
    }

    /** GET, with the answer's ETag. */
    Response fetch(String path) throws DriverException {
        return check("GET", path, send("GET", path, null, null, true));
    }

    Response patch(String path, JsonNode body, String etag) throws DriverException {
        return check("PATCH", path, send("PATCH", path, body, etag, true));
    }

    Response post(String path, JsonNode body) throws DriverException {
        return check("POST", path, send("POST", path, body == null ? JSON.createObjectNode() : body, null, true));
    }

    /** The unchecked answer, for callers that handle some statuses themselves (412, 404). */
    Response exchange(String method, String path, JsonNode body, String etag) throws DriverException {
        return send(method, path, body, etag, true);
    }

    Response check(String method, String path, Response r) throws DriverException {
        if (r.status() >= 400) {
            throw new DriverException("Redfish " + method + " " + path + " on " + info.address() + " failed with HTTP "
                    + r.status() + ": " + RedfishError.describe(r.body(), null));
        }
        return r;
    }

    /**
     * Follows a 202's task monitor until the task ends; any other answer is returned as it is.
     *
     * @throws DriverException when the task fails or outlasts the task timeout
     */
    Response awaitTask(Response accepted, String what) throws DriverException {
        if (accepted.status() != 202) {
            return accepted;
        }
        String monitor = accepted.headers().firstValue("Location").orElse(null);
        if (monitor == null) {
            return accepted; // nothing to follow: the BMC promises the change without a monitor
        }
        String path = URI.create(info.address()).resolve(monitor).getRawPath();
        long deadline = System.nanoTime() + settings.taskTimeout().toNanos();
        Response r = accepted;
        while (r.status() == 202) {
            if (System.nanoTime() > deadline) {
                throw new DriverException(what + " did not finish on the BMC at " + info.address() + " within "
                        + settings.taskTimeout().toSeconds() + " s (task monitor " + path + ")");
            }
            Pause.sleep(settings.pollInterval(), what);
            r = send("GET", path, null, null, true);
        }
        if (r.status() >= 400) {
            throw new DriverException(what + " failed on the BMC at " + info.address() + " (HTTP " + r.status() + "): "
                    + RedfishError.describe(r.body(), null));
        }
        String state = r.body() == null ? "" : r.body().path("TaskState").asText("");
        if (Set.of("Exception", "Killed", "Cancelled", "Interrupted").contains(state)) {
            throw new DriverException(what + " failed on the BMC at " + info.address() + " (task " + state + "): "
                    + RedfishError.describe(r.body(), null));
        }
        return r;
    }

    private Response send(String method, String path, JsonNode body, String etag, boolean authenticated)
            throws DriverException {
        boolean freshLogin = false;
        if (authenticated && usesSession() && token == null) {
            login();
            freshLogin = true;
        }
        Response r = sendWithRetries(method, path, body, etag, authenticated);
        if (r.status() == 401 && authenticated && usesSession() && !freshLogin) {
            LOG.info("Redfish session on {} is no longer valid; logging in again", info.address());
            token = null;
            login();
            r = sendWithRetries(method, path, body, etag, true);
        }
        if (r.status() == 401 && authenticated) {
            throw new DriverException("The Redfish BMC at " + info.address() + " refused the credentials of user '"
                    + info.username() + "' (HTTP 401 on " + method + " " + path + "): "
                    + RedfishError.describe(r.body(), null));
        }
        return r;
    }

    private boolean usesSession() {
        return info.username() != null && !"basic".equals(info.authType()) && !basicFallback;
    }

    private synchronized void login() throws DriverException {
        if (token != null) {
            return;
        }
        String sessions = info.rootPath() + "SessionService/Sessions";
        try {
            String advertised = root().path("Links").path("Sessions").path("@odata.id").asText("");
            if (!advertised.isBlank()) {
                sessions = advertised;
            }
        } catch (DriverException e) {
            LOG.debug("No service root on {}, using the default session path: {}", info.address(), e.getMessage());
        }
        ObjectNode credentials = JSON.createObjectNode().put("UserName", info.username())
                .put("Password", info.password() == null ? "" : info.password());
        Response r = sendWithRetries("POST", sessions, credentials, null, false);
        String newToken = r.headers().firstValue("X-Auth-Token").orElse(null);
        if (r.status() < 300 && newToken != null) {
            token = newToken;
            sessionLocation = r.headers().firstValue("Location").orElse(null);
            LOG.debug("Redfish session opened on {} for user {}", info.address(), info.username());
            return;
        }
        if (r.status() == 401 || r.status() == 403) {
            throw new DriverException("The Redfish BMC at " + info.address() + " refused the credentials of user '"
                    + info.username() + "' (HTTP " + r.status() + " on login): " + RedfishError.describe(r.body(), null));
        }
        if ("auto".equals(info.authType())) {
            LOG.info("Redfish BMC at {} gave no session (HTTP {}); using Basic authentication", info.address(), r.status());
            basicFallback = true;
            return;
        }
        throw new DriverException("Could not open a Redfish session on " + info.address() + " (HTTP " + r.status()
                + "): " + RedfishError.describe(r.body(), null));
    }

    private Response sendWithRetries(String method, String path, JsonNode body, String etag, boolean authenticated)
            throws DriverException {
        IOException last = null;
        Response r = null;
        for (int attempt = 1; attempt <= settings.connectionAttempts(); attempt++) {
            if (attempt > 1) {
                Pause.sleep(settings.retryInterval(), "a retry of " + method + " " + path);
            }
            try {
                r = sendOnce(method, path, body, etag, authenticated);
                if (!RETRIED.contains(r.status())) {
                    return r;
                }
                LOG.debug("Redfish {} {} on {} answered {}; attempt {} of {}", method, path, info.address(), r.status(),
                        attempt, settings.connectionAttempts());
            } catch (IOException e) {
                last = e;
                LOG.debug("Redfish {} {} on {} failed: {}; attempt {} of {}", method, path, info.address(), e,
                        attempt, settings.connectionAttempts());
            }
        }
        if (r != null) {
            return r;
        }
        throw new DriverException("Unable to connect to the Redfish BMC at " + info.address() + " (" + method + " " + path
                + ", " + settings.connectionAttempts() + " attempts): " + describe(last));
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    private Response sendOnce(String method, String path, JsonNode body, String etag, boolean authenticated)
            throws IOException, DriverException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(info.address() + path))
                .timeout(settings.requestTimeout())
                .header("Accept", "application/json")
                .header("OData-Version", "4.0");
        if (body != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (etag != null) {
            b.header("If-Match", etag);
        }
        if (authenticated && info.username() != null) {
            String t = token;
            if (usesSession() && t != null) {
                b.header("X-Auth-Token", t);
            } else {
                String pair = info.username() + ":" + (info.password() == null ? "" : info.password());
                b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
            }
        }
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException("Interrupted during Redfish " + method + " " + path);
        }
        JsonNode json = null;
        byte[] bytes = answer.body();
        if (bytes != null && bytes.length > 0) {
            try {
                json = JSON.readTree(bytes);
            } catch (IOException e) {
                if (answer.statusCode() < 400) {
                    throw new DriverException("The Redfish BMC at " + info.address() + " answered " + method + " " + path
                            + " with a body that is not JSON: " + RedfishError.describe(null, new String(bytes, StandardCharsets.UTF_8)));
                }
                ObjectNode error = JSON.createObjectNode();
                error.putObject("error").put("message", RedfishError.describe(null, new String(bytes, StandardCharsets.UTF_8)));
                json = error;
            }
        }
        return new Response(answer.statusCode(), json, answer.headers());
    }

    /** Ends the session, if any; a BMC has few session slots. */
    @Override
    public void close() {
        String location = sessionLocation;
        if (token != null && location != null) {
            try {
                String path = URI.create(info.address()).resolve(location).getRawPath();
                sendOnce("DELETE", path, null, null, true);
            } catch (IOException | DriverException | RuntimeException e) {
                LOG.debug("Could not end the Redfish session on {}: {}", info.address(), e.toString());
            }
        }
        token = null;
        sessionLocation = null;
    }
}
