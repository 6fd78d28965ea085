package org.ferric.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PagingTest {
    private static final Links LINKS = new Links("http://127.0.0.1:6385/");

    private static Map<String, String> sort(String key, String dir) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("sort_key", key);
        m.put("sort_dir", dir);
        return m;
    }

    @Test
    void aFullPageLinksToTheNextExactlyAsIronic() {
        String recorded = Samples.responseBody("nodes_list_limit2").get("next").textValue();
        assertEquals(recorded, Paging.next(LINKS, "nodes", 2, 2, sort("id", "asc"), NodeRenderer.LIST_FIELDS,
                "235a8a06-79f6-45f7-a4ab-fd1b43d35152"));
    }

    @Test
    void detailVariantsKeepTheirShape() {
        Map<String, String> params = sort("id", "asc");
        params.put("detail", "True");
        assertEquals("http://127.0.0.1:6385/v1/nodes?sort_key=id&sort_dir=asc&detail=True&limit=2&marker=m",
                Paging.next(LINKS, "nodes", 2, 2, params, null, "m"));
        assertEquals("http://127.0.0.1:6385/v1/nodes/detail?sort_key=id&sort_dir=asc&limit=2&marker=m",
                Paging.next(LINKS, "nodes/detail", 2, 2, sort("id", "asc"), null, "m"));
    }

    @Test
    void noNextLinkUnlessThePageIsFull() {
        assertNull(Paging.next(LINKS, "nodes", 1, 2, sort("id", "asc"), null, "m"));
        assertNull(Paging.next(LINKS, "nodes", 0, 0, sort("id", "asc"), null, null));
    }

    @Test
    void limitsAreCappedAndMustBePositive() {
        assertEquals(1000, Paging.limit(null, 1000));
        assertEquals(1000, Paging.limit("5000", 1000));
        assertEquals(2, Paging.limit("2", 1000));
        assertEquals(1000, Paging.limit("99999999999999999999", 1000), "beyond a long, still capped");
        assertEquals("Limit must be positive", assertThrows(ApiError.class,
                () -> Paging.limit("-99999999999999999999", 1000)).getMessage());
        assertEquals("Limit must be positive", assertThrows(ApiError.class, () -> Paging.limit("-1", 1000)).getMessage());
        assertEquals("Expected an integer for limit: x", assertThrows(ApiError.class, () -> Paging.limit("x", 1000)).getMessage());
        assertThrows(ApiError.class, () -> Paging.ascending("up"));
    }

    @Test
    void sortKeysAreCheckedLikeIronic() {
        assertEquals("The sort_key value \"bogus\" is an invalid field for sorting",
                assertThrows(ApiError.class, () -> NodesResource.sortProperty("bogus")).getMessage());
        assertEquals("The sort_key value extra is an invalid field for sorting",
                assertThrows(ApiError.class, () -> NodesResource.sortProperty("extra")).getMessage());
        assertEquals("provisionState", NodesResource.sortProperty("provision_state"));
        assertEquals("id", NodesResource.sortProperty("id"));
    }
}
