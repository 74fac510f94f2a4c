package com.roofworx.app.interfaces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Locale;

/** Who is calling: the verified token's {@code email} claim. Every read and write is scoped to it. */
@RequestScoped
public class Caller {
    public static final String EMAIL_CLAIM = "email";

    @Inject
    JsonWebToken token;

    /** The caller's e-mail address in lower case; 401 when the token carries none. */
    public String user() {
        Object email = token == null ? null : token.getClaim(EMAIL_CLAIM);
        String text = email instanceof jakarta.json.JsonString s ? s.getString()
                : email instanceof String s ? s : null;
        if (text == null || text.isBlank()) {
            throw ApiProblem.unauthorized("the token carries no " + EMAIL_CLAIM + " claim");
        }
        return text.trim().toLowerCase(Locale.ROOT);
    }
}
