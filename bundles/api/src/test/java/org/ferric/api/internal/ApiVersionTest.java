package org.ferric.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiVersionTest {

    @Test
    void noHeaderMeansTheMinimumNotTheLatest() {
        assertEquals(new ApiVersion(1, 1), ApiVersion.negotiate(null));
    }

    @Test
    void latestMeansTheMaximum() {
        assertEquals("1.82", ApiVersion.negotiate("latest").toString());
        assertEquals("1.82", ApiVersion.negotiate("LATEST").toString());
    }

    @Test
    void versionsInRangeAreServedAsAsked() {
        assertEquals(new ApiVersion(1, 82), ApiVersion.negotiate("1.82"));
        assertEquals(new ApiVersion(1, 43), ApiVersion.negotiate("1.43"));
        assertTrue(ApiVersion.negotiate("1.43").atLeast(43));
        assertFalse(ApiVersion.negotiate("1.42").atLeast(43));
    }

    @Test
    void aTooHighMinorIsRefusedWithIronicsMessageAndTheRange() {
        ApiVersion.NotAcceptable e = assertThrows(ApiVersion.NotAcceptable.class, () -> ApiVersion.negotiate("1.83"));
        assertEquals("Version 1.83 was requested but the minor version is not supported by this service. "
                + "The supported version range is: [1.1, 1.82].", e.getMessage());
        assertTrue(e.rangeHeaders());
        String recorded = Samples.load("error_406_version_too_high").get("response").get("error_message_decoded")
                .get("description").textValue();
        assertEquals(recorded, assertThrows(ApiVersion.NotAcceptable.class, () -> ApiVersion.negotiate("1.99")).getMessage());
    }

    @Test
    void anotherMajorIsMutuallyExclusive() {
        ApiVersion.NotAcceptable e = assertThrows(ApiVersion.NotAcceptable.class, () -> ApiVersion.negotiate("2.1"));
        assertEquals("Mutually exclusive versions requested. Version 2.1 requested but not supported by this service. "
                + "The supported version range is: [1.1, 1.82].", e.getMessage());
        assertTrue(e.rangeHeaders());
    }

    @ParameterizedTest
    @ValueSource(strings = { "1.x", "foo", "1", "1.2.3", "", "v1.5" })
    void malformedValuesAreRefusedWithoutRangeHeaders(String header) {
        ApiVersion.NotAcceptable e = assertThrows(ApiVersion.NotAcceptable.class, () -> ApiVersion.negotiate(header));
        assertEquals("Invalid value for X-OpenStack-Ironic-API-Version header", e.getMessage());
        assertFalse(e.rangeHeaders());
    }

    @Test
    void zeroMinorIsBelowTheRange() {
        assertThrows(ApiVersion.NotAcceptable.class, () -> ApiVersion.negotiate("1.0"));
    }
}
