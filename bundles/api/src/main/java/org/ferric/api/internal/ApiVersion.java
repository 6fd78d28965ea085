package org.ferric.api.internal;

/**
 * An Ironic API microversion. A request without the header is served at the minimum (1.1), which
 * is what old clients expect; {@code latest} means the maximum.
 */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {
    public static final String HEADER = "X-OpenStack-Ironic-API-Version";
    public static final String MIN_HEADER = "X-OpenStack-Ironic-API-Minimum-Version";
    public static final String MAX_HEADER = "X-OpenStack-Ironic-API-Maximum-Version";

    public static final ApiVersion MIN = new ApiVersion(1, 1);
    public static final ApiVersion MAX = new ApiVersion(1, 82);

    /** Why a version header was refused; {@code rangeHeaders} as Ironic: only once the value parsed. */
    public static final class NotAcceptable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean rangeHeaders;

        NotAcceptable(String message, boolean rangeHeaders) {
            super(message);
            this.rangeHeaders = rangeHeaders;
        }

        public boolean rangeHeaders() {
            return rangeHeaders;
        }
    }

    /** Parses the request header the way Ironic's {@code Version.parse_headers} and {@code _check_version} do. */
    public static ApiVersion negotiate(String header) {
        if (header == null) {
            return MIN;
        }
        String text = header.strip();
        if (text.equalsIgnoreCase("latest")) {
            return MAX;
        }
        ApiVersion requested = parse(text);
        if (requested == null) {
            throw new NotAcceptable("Invalid value for " + HEADER + " header", false);
        }
        if (requested.major != MIN.major) {
            throw new NotAcceptable("Mutually exclusive versions requested. Version " + requested
                    + " requested but not supported by this service. The supported version range is: ["
                    + MIN + ", " + MAX + "].", true);
        }
        if (requested.compareTo(MIN) < 0 || requested.compareTo(MAX) > 0) {
            throw new NotAcceptable("Version " + requested + " was requested but the minor version is not "
                    + "supported by this service. The supported version range is: [" + MIN + ", " + MAX + "].", true);
        }
        return requested;
    }

    private static ApiVersion parse(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 2) {
            return null;
        }
        try {
            return new ApiVersion(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether this request may see what microversion 1.{@code minor} introduced. */
    public boolean atLeast(int minorVersion) {
        return minor >= minorVersion;
    }

    @Override
    public int compareTo(ApiVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
