package org.ferric.agent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checksum an image must match, from {@code image_info} as Ironic sends it:
 * {@code os_hash_algo}/{@code os_hash_value} first, else {@code checksum}, whose algorithm follows
 * from its length (md5, sha256, sha512) and which may be the URL of a checksum file (one line, or
 * {@code sha256sum}/BSD-style lines naming the image's file).
 */
record ImageChecksum(String algorithm, String value) {
    private static final Pattern BSD = Pattern.compile("^(\\w+) \\((.+)\\) = ([0-9a-fA-F]+)$");
    private static final Pattern GNU = Pattern.compile("^([0-9a-fA-F]+)\\s+\\*?(.+)$");
    private static final int MAX_CHECKSUM_FILE = 1 << 20;

    MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(switch (algorithm) {
                case "md5" -> "MD5";
                case "sha1" -> "SHA-1";
                case "sha256" -> "SHA-256";
                case "sha384" -> "SHA-384";
                case "sha512" -> "SHA-512";
                default -> throw new NoSuchAlgorithmException(algorithm);
            });
        } catch (NoSuchAlgorithmException e) {
            throw AgentError.invalidParams("Unsupported checksum algorithm: " + algorithm);
        }
    }

    boolean matches(String actualHex) {
        return value.equalsIgnoreCase(actualHex);
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    static ImageChecksum of(Map<String, Object> imageInfo, String imageUrl, HttpClient http) throws InterruptedException {
        String algo = Params.string(imageInfo, "os_hash_algo");
        String value = Params.string(imageInfo, "os_hash_value");
        if (algo != null && value != null) {
            ImageChecksum c = new ImageChecksum(algo.toLowerCase(Locale.ROOT), value.strip());
            c.newDigest();
            return c;
        }
        String checksum = Params.string(imageInfo, "checksum");
        if (checksum == null || checksum.isBlank()) {
            throw AgentError.invalidParams("image_info has no checksum: give os_hash_algo and os_hash_value, or checksum");
        }
        if (checksum.startsWith("http://") || checksum.startsWith("https://")) {
            checksum = fromFile(URI.create(checksum), imageUrl, http);
        }
        return new ImageChecksum(byLength(checksum.strip()), checksum.strip());
    }

    private static String byLength(String hex) {
        return switch (hex.length()) {
            case 32 -> "md5";
            case 64 -> "sha256";
            case 128 -> "sha512";
            default -> throw AgentError.invalidParams("Cannot tell the algorithm of checksum " + hex + " from its length " + hex.length());
        };
    }

    private static String fromFile(URI url, String imageUrl, HttpClient http) throws InterruptedException {
        String text;
        try {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                if (r.statusCode() != 200) {
                    throw new IOException("status " + r.statusCode());
                }
                text = new String(in.readNBytes(MAX_CHECKSUM_FILE), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw AgentError.imageDownload(url.toString(), "cannot fetch the checksum file: " + e.getMessage());
        }
        String fileName = imageUrl.substring(imageUrl.lastIndexOf('/') + 1);
        var lines = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        if (lines.size() == 1 && lines.get(0).matches("[0-9a-fA-F]+(\\s.*)?")) {
            return lines.get(0).split("\\s+")[0];
        }
        for (String line : lines) {
            Matcher bsd = BSD.matcher(line);
            if (bsd.matches() && names(bsd.group(2), fileName)) {
                return bsd.group(3);
            }
            Matcher gnu = GNU.matcher(line);
            if (gnu.matches() && names(gnu.group(2).strip(), fileName)) {
                return gnu.group(1);
            }
        }
        throw AgentError.imageDownload(imageUrl, "checksum file " + url + " has no checksum for " + fileName);
    }

    private static boolean names(String listed, String fileName) {
        return listed.equals(fileName) || listed.endsWith("/" + fileName);
    }
}
