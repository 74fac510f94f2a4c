package com.roofworx.app.interfaces;

import com.roofworx.app.infrastructure.AppSettings;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.function.Function;

/**
 * Claim rules the container's MicroProfile JWT check leaves out, applied to every verified token before any
 * resource or role check runs:
 * <ul>
 *   <li>{@code nbf} (not before, RFC 7519 4.1.5): a token used before that time is refused with 401, allowing
 *   the same clock skew ({@code mp.jwt.verify.clock.skew}, seconds, default 0) the container allows on
 *   {@code exp};</li>
 *   <li>{@code email_verified}: when present and false, the provider says the address is not the user's, so the
 *   caller is refused with 403. Shared identity providers let anyone register any address.</li>
 * </ul>
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class TokenRules implements ContainerRequestFilter {
    @Inject
    JsonWebToken token;

    @Inject
    AppSettings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        if (token == null || token.getRawToken() == null) {
            return;
        }
        check(token::getClaim, System.currentTimeMillis() / 1000, settings.jwtClockSkewSeconds()).ifPresent(p -> {
            throw p;
        });
    }

    /** The problem a token with these claims earns at {@code nowSeconds}, or empty when it may pass. */
    static Optional<ApiProblem> check(Function<String, Object> claims, long nowSeconds, long skewSeconds) {
        Long notBefore = seconds(claims.apply("nbf"));
        if (notBefore != null && notBefore > nowSeconds + skewSeconds) {
            return Optional.of(ApiProblem.unauthorized("the token is not valid yet (nbf)"));
        }
        if (isFalse(claims.apply("email_verified"))) {
            return Optional.of(ApiProblem.forbidden("the token's e-mail address is not verified (email_verified)"));
        }
        return Optional.empty();
    }

    /** A numeric claim (epoch seconds) as the container or JSON-P hands it, or null. */
    static Long seconds(Object claim) {
        if (claim instanceof JsonNumber n) {
            return n.longValue();
        }
        if (claim instanceof Number n) {
            return n.longValue();
        }
        return null;
    }

    /** False as a JSON boolean, or as the string "false" that some providers send. */
    private static boolean isFalse(Object claim) {
        if (claim == null) {
            return false;
        }
        if (claim instanceof Boolean b) {
            return !b;
        }
        if (claim == JsonValue.FALSE || claim instanceof JsonValue v && v.getValueType() == JsonValue.ValueType.FALSE) {
            return true;
        }
        String text = claim instanceof JsonString s ? s.getString() : claim instanceof String s ? s : null;
        return "false".equalsIgnoreCase(text == null ? null : text.strip());
    }
}
