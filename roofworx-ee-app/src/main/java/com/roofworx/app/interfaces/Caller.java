package com.roofworx.app.interfaces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the verified token's {@code email} claim. Every read and write is scoped to it. */
@RequestScoped
public class Caller {
    public static final String EMAIL_CLAIM = "email";

    @Inject
    JsonWebToken token;

    /** The caller's e-mail address, ASCII letters in lower case; 401 when the token carries none. */
    public String user() {
        Object email = token == null ? null : token.getClaim(EMAIL_CLAIM);
        String text = email instanceof jakarta.json.JsonString s ? s.getString()
                : email instanceof String s ? s : null;
        if (text == null || text.isBlank()) {
            throw ApiProblem.unauthorized("the token carries no " + EMAIL_CLAIM + " claim");
        }
        return normalize(text);
    }

    /**
     * Lower-cases ASCII letters only. Full Unicode lower-casing folds look-alikes onto ASCII (the Kelvin sign
     * U+212A becomes {@code k}, U+0130 becomes {@code i} plus a dot), so an identity provider that lets a user
     * register {@code \u212Aate@example.com} would hand that user Kate's entries. An address holding any
     * non-ASCII character that lower-casing would change is refused (403), because the SDK compares users in
     * lower case and would fold it all the same.
     */
    static String normalize(String email) {
        String trimmed = email.strip();
        StringBuilder out = new StringBuilder(trimmed.length());
        for (int i = 0; i < trimmed.length(); ) {
            int cp = trimmed.codePointAt(i);
            if (cp >= 'A' && cp <= 'Z') {
                out.append((char) (cp + ('a' - 'A')));
            } else if (cp > 0x7F && Character.toLowerCase(cp) != cp) {
                throw ApiProblem.forbidden("the token's " + EMAIL_CLAIM + " holds a character (U+"
                        + Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT)
                        + ") that case folding would change; such addresses are not accepted");
            } else {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
