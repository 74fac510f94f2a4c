package com.roofworx.app.support;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A development token issuer: an RSA key pair made at start and RS256 JWTs with the claims MicroProfile JWT
 * requires ({@code iss, sub, upn, exp, iat, jti}, header {@code typ: JWT}) plus {@code email} and
 * {@code groups}. For tests and the demo only; the app itself never issues tokens.
 */
public final class DevTokens {
    public static final String ISSUER = "https://roofworx.dev/demo-issuer";

    private final KeyPair keys;
    private final String issuer;

    public DevTokens(String issuer) {
        this.issuer = issuer;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every Java runtime", e);
        }
    }

    public DevTokens() {
        this(ISSUER);
    }

    public String issuer() {
        return issuer;
    }

    /** The public key as MicroProfile JWT's {@code mp.jwt.verify.publickey} wants it: PEM body on one line. */
    public String publicKeyPem() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    /** A token for {@code email} with the given groups, valid for {@code lifetime}. */
    public String token(String email, Duration lifetime, String... groups) {
        return sign(issuer, email, lifetime, java.util.Map.of(), groups);
    }

    /** A token with more claims ({@code nbf}, {@code email_verified}, ...), for the identity rules' tests. */
    public String tokenWith(String email, java.util.Map<String, jakarta.json.JsonValue> claims, String... groups) {
        return sign(issuer, email, Duration.ofMinutes(10), claims, groups);
    }

    /** A token for {@code email} with more claims ({@code aud}, {@code nonce}, {@code name}) and a lifetime. */
    public String token(String email, Duration lifetime, java.util.Map<String, jakarta.json.JsonValue> claims,
                        String... groups) {
        return sign(issuer, email, lifetime, claims, groups);
    }

    /** The public key as a JSON Web Key Set, for {@code mp.jwt.verify.publickey.location} or a JWKS endpoint. */
    public String jwks() {
        java.security.interfaces.RSAPublicKey key = (java.security.interfaces.RSAPublicKey) keys.getPublic();
        return Json.createObjectBuilder().add("keys", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("kty", "RSA").add("use", "sig").add("alg", "RS256").add("kid", "demo")
                .add("n", b64(unsigned(key.getModulus())))
                .add("e", b64(unsigned(key.getPublicExponent()))))).build().toString();
    }

    private static byte[] unsigned(java.math.BigInteger n) {
        byte[] b = n.toByteArray();
        return b.length > 1 && b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }

    /** A token signed with this issuer's key but naming another issuer: the app must refuse it. */
    public String tokenFromIssuer(String otherIssuer, String email, String... groups) {
        return sign(otherIssuer, email, Duration.ofMinutes(10), java.util.Map.of(), groups);
    }

    private String sign(String iss, String email, Duration lifetime, java.util.Map<String, jakarta.json.JsonValue> extra,
                        String... groups) {
        Instant now = Instant.now();
        JsonArrayBuilder groupArray = Json.createArrayBuilder();
        for (String g : groups) {
            groupArray.add(g);
        }
        String header = Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build().toString();
        String subject = email == null ? "user-without-email" : email;
        var claims = Json.createObjectBuilder().add("iss", iss).add("sub", subject).add("upn", subject)
                .add("iat", now.getEpochSecond()).add("exp", now.plus(lifetime).getEpochSecond())
                .add("jti", UUID.randomUUID().toString()).add("groups", groupArray);
        if (email != null) {
            claims.add("email", email);
        }
        extra.forEach(claims::add);
        String payload = claims.build().toString();
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(keys.getPrivate());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
