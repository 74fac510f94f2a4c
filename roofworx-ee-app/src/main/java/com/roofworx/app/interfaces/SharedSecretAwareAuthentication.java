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

    @Inject
    BeanManager beans;

    @Inject
    AppSettings settings;

    private volatile HttpAuthenticationMechanism jwt;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        if (isCronSecretCall(request)) {
            return context.doNothing();
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
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith(CRON_PATH) && SharedSecrets.matches(settings.cronSecret(),
                SharedSecrets.bearer(request.getHeader("Authorization")));
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
