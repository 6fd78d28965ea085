package org.ferric.conductor.rpc;

/**
 * What a vendor passthru call gave back.
 *
 * @param async  true if the call was only accepted and runs in the background (the API answers 202)
 * @param attach true if {@code value} is a file the API serves as an attachment
 * @param value  the JSON value returned to the client, may be null
 */
public record VendorResult(boolean async, boolean attach, Object value) {
}
