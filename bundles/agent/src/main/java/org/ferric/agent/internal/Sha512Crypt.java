package org.ferric.agent.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * glibc's SHA-512 {@code crypt} ({@code $6$salt$hash}, Ulrich Drepper's "Unix crypt using SHA-256 and
 * SHA-512"): what IPA's {@code crypt.crypt(password, METHOD_SHA512)} writes for a rescue password and
 * what {@code /etc/shadow} and {@code chpasswd -e} take. The JDK has SHA-512 but not this scheme.
 */
final class Sha512Crypt {
    private static final String ITOA64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int DEFAULT_ROUNDS = 5000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Sha512Crypt() {
    }

    /** With a random 16-character salt and the default 5000 rounds. */
    static String crypt(String password) {
        StringBuilder salt = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            salt.append(ITOA64.charAt(RANDOM.nextInt(64)));
        }
        return crypt(password, salt.toString(), DEFAULT_ROUNDS);
    }

    /** @param salt at most 16 characters are used, as glibc does */
    static String crypt(String password, String salt, int rounds) {
        byte[] key = password.getBytes(StandardCharsets.UTF_8);
        byte[] s = salt.substring(0, Math.min(16, salt.length())).getBytes(StandardCharsets.UTF_8);

        MessageDigest md = sha512();
        md.update(key);
        md.update(s);
        md.update(key);
        byte[] b = md.digest();

        md.update(key);
        md.update(s);
        for (int n = key.length; n > 0; n -= 64) {
            md.update(b, 0, Math.min(n, 64));
        }
        for (int n = key.length; n > 0; n >>= 1) {
            if ((n & 1) != 0) {
                md.update(b);
            } else {
                md.update(key);
            }
        }
        byte[] a = md.digest();

        for (int i = 0; i < key.length; i++) {
            md.update(key);
        }
        byte[] p = repeat(md.digest(), key.length);
        for (int i = 0; i < 16 + (a[0] & 0xff); i++) {
            md.update(s);
        }
        byte[] ss = repeat(md.digest(), s.length);

        byte[] c = a;
        for (int i = 0; i < rounds; i++) {
            md.update((i & 1) != 0 ? p : c);
            if (i % 3 != 0) {
                md.update(ss);
            }
            if (i % 7 != 0) {
                md.update(p);
            }
            md.update((i & 1) != 0 ? c : p);
            c = md.digest();
        }

        StringBuilder out = new StringBuilder("$6$");
        if (rounds != DEFAULT_ROUNDS) {
            out.append("rounds=").append(rounds).append('$');
        }
        out.append(new String(s, StandardCharsets.UTF_8)).append('$');
        // The digest's bytes go out in glibc's fixed order: triples (j·22, j·22+21, j·22+42) mod 63, then byte 63.
        for (int j = 0; j < 21; j++) {
            int x = (j * 22) % 63;
            b64(out, c[x], c[(x + 21) % 63], c[(x + 42) % 63], 4);
        }
        b64(out, (byte) 0, (byte) 0, c[63], 2);
        return out.toString();
    }

    private static void b64(StringBuilder out, byte b2, byte b1, byte b0, int chars) {
        int w = ((b2 & 0xff) << 16) | ((b1 & 0xff) << 8) | (b0 & 0xff);
        for (int i = 0; i < chars; i++) {
            out.append(ITOA64.charAt(w & 0x3f));
            w >>>= 6;
        }
    }

    private static byte[] repeat(byte[] digest, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = digest[i % digest.length];
        }
        return out;
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is part of every JDK", e);
        }
    }
}
