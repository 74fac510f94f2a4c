package com.roofworx.app.interfaces;

import com.roofworx.app.infrastructure.AppSettings;
import com.roofworx.app.infrastructure.metrics.RoofworxMetrics;
import com.roofworx.sdk.spi.Clock;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.time.Duration;
import java.util.Optional;

/**
 * The container's MicroProfile JWT mechanism, except for a cron call carrying the cron secret as its bearer
 * token: MP-JWT would refuse that token as a malformed JWT before the cron resource could compare it with the
 * secret. Such a call passes on anonymously and {@link CronResource} checks the secret (in constant time)
 * itself; every other request, including any other bearer token on a cron path, goes to MP-JWT.
 * <p>
 * A bearer token MP-JWT verified is kept in {@link VerifiedTokens} with the login MP-JWT made of it; the same
 * token sent again is logged in with that login, as MP-JWT would (see {@link LoginCapture#replay}), without
 * being parsed and its signature checked again. Everything else MP-JWT decides, as before.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class SharedSecretAwareAuthentication implements HttpAuthenticationMechanism {
    static final String CRON_PATH = "/api/cron/";
    static final String API_PATH = "/api/";
    /** How MP-JWT reads the token: this prefix, case and space as written, then the token as it stands. */
    static final String BEARER = "Bearer ";

    @Inject
    BeanManager beans;

    @Inject
    AppSettings settings;

    @Inject
    RoofworxMetrics metrics;

    private volatile HttpAuthenticationMechanism jwt;
    private volatile CorsPolicy cors;
    private VerifiedTokens verified;

    /** The cache is off when the container reads tokens from a cookie: a token in the header must then stay unread. */
    @PostConstruct
    void init() {
        verified = new VerifiedTokens(Clock.system(),
                settings.jwtInAuthorizationHeader() ? settings.tokenCacheTtl() : Duration.ZERO,
                settings.tokenCacheSize(), settings.jwtClockSkewSeconds(), settings.jwtTokenAgeSeconds());
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        if (isCronSecretCall(request)) {
            return context.doNothing();
        }
        // Before the token check: a 401 it sends must be readable by an allowed client on another origin.
        if (path(request).startsWith(API_PATH)) {
            cors().answerHeaders(request.getHeader("Origin")).forEach(response::setHeader);
        }
        String token = bearerToken(request);
        VerifiedTokens tokens = verified;
        if (token == null || !tokens.enabled()) {
            return jwt().validateRequest(request, response, context);
        }
        Optional<CredentialValidationResult> known = tokens.find(token);
        metrics.tokenCacheLookup(known.isPresent());
        if (known.isPresent()) {
            return LoginCapture.replay(context, known.get());
        }
        LoginCapture capture = new LoginCapture(context);
        AuthenticationStatus status = jwt().validateRequest(request, response, capture);
        if (status == AuthenticationStatus.SUCCESS) {
            capture.login().ifPresent(login -> tokens.remember(token, login));
        }
        return status;
    }

    @Override
    public AuthenticationStatus secureResponse(HttpServletRequest request, HttpServletResponse response,
                                               HttpMessageContext context) throws AuthenticationException {
        return jwt().secureResponse(request, response, context);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        jwt().cleanSubject(request, response, context);
    }

    private boolean isCronSecretCall(HttpServletRequest request) {
        return path(request).startsWith(CRON_PATH) && SharedSecrets.matches(settings.cronSecret(),
                SharedSecrets.bearer(request.getHeader("Authorization")));
    }

    /** The bearer token exactly as MP-JWT reads it from the Authorization header, or null. */
    private static String bearerToken(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.startsWith(BEARER) ? authorization.substring(BEARER.length())
                : null;
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private CorsPolicy cors() {
        CorsPolicy c = cors;
        if (c == null) {
            c = CorsFilter.of(settings);
            cors = c;
        }
        return c;
    }

    /** The container's MP-JWT mechanism: the one other mechanism bean. */
    private HttpAuthenticationMechanism jwt() {
        HttpAuthenticationMechanism found = jwt;
        if (found == null) {
            Bean<?> bean = beans.getBeans(HttpAuthenticationMechanism.class, Any.Literal.INSTANCE).stream()
                    .filter(b -> !SharedSecretAwareAuthentication.class.equals(b.getBeanClass()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no MicroProfile JWT authentication mechanism: "
                            + "is @LoginConfig(authMethod = \"MP-JWT\") on the application class?"));
            found = (HttpAuthenticationMechanism) beans.getReference(bean, HttpAuthenticationMechanism.class,
                    beans.createCreationalContext(bean));
            jwt = found;
        }
        return found;
    }
}
