package com.roofworx.sdk.redis;

/**
 * How a {@code rediss://} connection checks the server's certificate. {@link #FULL} unless configured.
 */
public enum RedisTlsVerify {
    /** The certificate chains to a trusted CA and names the host connected to. The default. */
    FULL,
    /**
     * The certificate chains to a trusted CA; the host name is not compared. For services reached by an address
     * their certificate does not name (e.g. a private IP address and the service's own CA).
     */
    CA,
    /**
     * No check at all: anyone on the path can read and change the traffic, password included. Only for a
     * service whose certificate cannot be verified, and never on a network you do not control.
     */
    NONE
}
