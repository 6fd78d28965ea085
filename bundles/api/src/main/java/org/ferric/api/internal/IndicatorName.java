package org.ferric.api.internal;

/** Ironic's {@code IndicatorAtComponent}: the API names an indicator {@code <indicator>@<component>}. */
final class IndicatorName {
    private IndicatorName() {
    }

    /** @return the indicator and the component (split at the first {@code @}); 400 without one */
    static String[] parse(String unique) {
        int at = unique.indexOf('@');
        if (at < 0) {
            throw ApiError.badRequest("Malformed indicator name \"" + unique + "\"");
        }
        return new String[] { unique.substring(0, at), unique.substring(at + 1) };
    }
}
