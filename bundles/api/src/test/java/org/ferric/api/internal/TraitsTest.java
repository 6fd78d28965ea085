package org.ferric.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TraitsTest {

    @Test
    void customAndStandardNamesAreValid() {
        for (String t : List.of("CUSTOM_GPU", "CUSTOM_1_2", "HW_CPU_X86_AVX2", "COMPUTE_NET_VIF_MODEL_E1000",
                "STORAGE_DISK_SSD", "MISC_SHARES_VIA_AGGREGATE", "OWNER_CYBORG")) {
            assertTrue(Traits.isValid(t), t);
            assertEquals(t, Traits.check(t));
        }
    }

    @Test
    void otherNamesAreRefused() {
        for (String t : Arrays.asList("custom_gpu", "CUSTOM_", "CUSTOM_gpu", "CUSTOM-GPU", "GPU", "HW", "", " CUSTOM_A",
                "CUSTOM_A ", "VENDOR_THING", null)) {
            assertFalse(Traits.isValid(t), String.valueOf(t));
        }
    }

    @Test
    void theMessageIsJsonschemasAndNamesTheTrait() {
        ApiError e = assertThrows(ApiError.class, () -> Traits.check("custom_gpu"));
        assertEquals(400, e.status());
        assertEquals("Schema error for trait: 'custom_gpu' is not valid under any of the given schemas. "
                + "Possible root cause: 'custom_gpu' does not match '^CUSTOM_[A-Z0-9_]+$'", e.getMessage());
    }

    @Test
    void lengthIsLimitedTo255() {
        String max = "CUSTOM_" + "A".repeat(248);
        assertEquals(255, max.length());
        assertTrue(Traits.isValid(max));
        String tooLong = max + "A";
        assertFalse(Traits.isValid(tooLong));
        assertTrue(assertThrows(ApiError.class, () -> Traits.check(tooLong)).getMessage().endsWith(" is too long"));
    }

    @Test
    void listsMustBeArraysOfStrings() {
        assertEquals(List.of("CUSTOM_A", "HW_CPU_X86_VMX"), Traits.checkAll(List.of("CUSTOM_A", "HW_CPU_X86_VMX"), "traits"));
        assertEquals("Schema error for traits: 'CUSTOM_A' is not of type 'array'",
                assertThrows(ApiError.class, () -> Traits.checkAll("CUSTOM_A", "traits")).getMessage());
        assertEquals("Schema error for traits: {'a': 1} is not of type 'array'",
                assertThrows(ApiError.class, () -> Traits.checkAll(Map.of("a", 1), "traits")).getMessage());
        assertEquals("Schema error for trait: 5 is not of type 'string'",
                assertThrows(ApiError.class, () -> Traits.checkAll(List.of("CUSTOM_A", 5), "traits")).getMessage());
        assertThrows(ApiError.class, () -> Traits.checkAll(List.of("CUSTOM_A", "bad"), "traits"));
    }
}
