package org.ferric.api.internal;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Hides secrets in node documents the way Ironic does for callers without the show_password
 * policy (all callers here): oslo's {@code mask_dict_password} on {@code driver_info} and
 * {@code instance_info}, plus the config drive, image URL and agent token.
 */
final class Secrets {
    static final String MASK = "******";

    /** oslo.utils {@code _SANITIZE_KEYS}: a key containing any of these (case-insensitively) is a secret. */
    private static final List<String> SECRET_KEY_PARTS = List.of("adminpass", "admin_pass", "password",
            "admin_password", "auth_token", "new_pass", "auth_password", "secret_uuid", "secret", "sys_pswd", "token",
            "configdrive", "chappassword", "encrypted_key", "private_key", "fernetkey", "sslkey", "passphrase",
            "cephclusterfsid", "octaviaheartbeatkey", "rabbitcookie", "cephmanilaclientkey", "pacemakerremoteauthkey",
            "designaterndckey", "cephadminkey", "heatauthencryptionkey", "cephclientkey", "keystonecredential",
            "barbicansimplecryptokek", "cephrgwkey", "swifthashsuffix", "migrationsshkey", "cephmdskey", "cephmonkey");

    private Secrets() {
    }

    static boolean isSecretKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        for (String part : SECRET_KEY_PARTS) {
            if (k.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** A masked copy; nested objects are masked too. */
    static ObjectNode maskDict(Map<String, Object> dict) {
        ObjectNode tree = dict == null ? Json.object() : (ObjectNode) Json.toTree(dict);
        maskInPlace(tree);
        return tree;
    }

    private static void maskInPlace(ObjectNode node) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isObject()) {
                maskInPlace((ObjectNode) e.getValue());
            } else if (isSecretKey(e.getKey())) {
                e.setValue(Json.MAPPER.getNodeFactory().textNode(MASK));
            }
        }
    }

    static ObjectNode maskInstanceInfo(Map<String, Object> instanceInfo) {
        ObjectNode tree = maskDict(instanceInfo);
        // A config drive may be a dict (1.56); Ironic hides it whole, as it does image_url (a temp URL).
        for (String key : List.of("configdrive", "image_url")) {
            if (truthy(tree.get(key))) {
                tree.put(key, MASK);
            }
        }
        return tree;
    }

    static ObjectNode maskDriverInternalInfo(Map<String, Object> info) {
        ObjectNode tree = info == null ? Json.object() : (ObjectNode) Json.toTree(info);
        if (truthy(tree.get("agent_secret_token"))) {
            tree.put("agent_secret_token", MASK);
        }
        return tree;
    }

    private static boolean truthy(JsonNode v) {
        if (v == null || v.isNull()) {
            return false;
        }
        if (v.isTextual()) {
            return !v.textValue().isEmpty();
        }
        if (v.isContainerNode()) {
            return v.size() > 0;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        return !v.isNumber() || v.doubleValue() != 0;
    }
}
