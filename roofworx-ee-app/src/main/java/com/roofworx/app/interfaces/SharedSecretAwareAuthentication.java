package com.roofworx.app.interfaces;

import com.roofworx.app.infrastructure.AppSettings;
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
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The container's MicroProfile JWT mechanism, except for a cron call carrying the cron secret as its bearer
 * token: MP-JWT would refuse that token as a malformed JWT before the cron resource could compare it with the
 * secret. Such a call passes on anonymously and {@link CronResource} checks the secret (in constant time)
 * itself; every other request, including any other bearer token on a cron path, goes to MP-JWT unchanged.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class SharedSecretAwareAuthentication implements HttpAuthenticationMechanism {
    static final String CRON_PATH = "/api/cron/";
    static final String API_PATH = "/api/";

    @Inject
    BeanManager beans;

    @Inject
    AppSettings settings;

    private volatile HttpAuthenticationMechanism jwt;
    private volatile CorsPolicy cors;

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
        return jwt().validateRequest(request, response, context);
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
