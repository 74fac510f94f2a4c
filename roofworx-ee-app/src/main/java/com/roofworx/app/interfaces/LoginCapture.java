package com.roofworx.app.interfaces;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;

import java.util.Optional;

/**
 * The request's message context as handed to the container's MicroProfile JWT mechanism, noting the login that
 * mechanism reports: it tells the container about a verified token with
 * {@link #notifyContainerAboutLogin(CredentialValidationResult)}, the token as caller principal and its groups.
 * Everything goes on to the real context unchanged.
 */
final class LoginCapture extends HttpMessageContextWrapper {
    private CredentialValidationResult login;

    LoginCapture(HttpMessageContext context) {
        super(context);
    }

    @Override
    public AuthenticationStatus notifyContainerAboutLogin(CredentialValidationResult result) {
        AuthenticationStatus status = getWrapped().notifyContainerAboutLogin(result);
        if (result != null && result.getStatus() == CredentialValidationResult.Status.VALID
                && status == AuthenticationStatus.SUCCESS) {
            login = result;
        }
        return status;
    }

    /** The valid login the container accepted during this request, if any. */
    Optional<CredentialValidationResult> login() {
        return Optional.ofNullable(login);
    }

    /**
     * Logs the caller in again with a login the container made earlier, exactly as the container's mechanism
     * does: the token joins the request's subject, then the container is told the caller and the groups.
     */
    static AuthenticationStatus replay(HttpMessageContext context, CredentialValidationResult login) {
        context.getClientSubject().getPrincipals().add(login.getCallerPrincipal());
        return context.notifyContainerAboutLogin(login);
    }
}
