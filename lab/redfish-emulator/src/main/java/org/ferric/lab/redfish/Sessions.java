package org.ferric.lab.redfish;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The SessionService's sessions: id to token, for one user. */
final class Sessions {
    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger ids = new AtomicInteger();
    /** session id to token */
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger created = new AtomicInteger();

    record Session(String id, String token) {
    }

    Session create() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        Session s = new Session(String.valueOf(ids.incrementAndGet()), HexFormat.of().formatHex(b));
        tokens.put(s.id(), s.token());
        created.incrementAndGet();
        return s;
    }

    boolean valid(String token) {
        return token != null && tokens.containsValue(token);
    }

    boolean exists(String id) {
        return tokens.containsKey(id);
    }

    boolean delete(String id) {
        return tokens.remove(id) != null;
    }

    Iterable<String> ids() {
        return tokens.keySet();
    }

    void expireAll() {
        tokens.clear();
    }

    int createdCount() {
        return created.get();
    }
}
