package com.roofworx.app.interfaces;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.junit.jupiter.api.Test;

import javax.security.auth.Subject;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LoginCaptureTest {
    private static final long IN_AN_HOUR = java.time.Instant.now().getEpochSecond() + 3600;

    /** A request's message context that answers logins with {@code answer} and records them. */
    private static final class Context {
        final Subject subject = new Subject();
        final List<CredentialValidationResult> notified = new ArrayList<>();
        final HttpMessageContext proxy;

        Context(AuthenticationStatus answer) {
            proxy = (HttpMessageContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{HttpMessageContext.class}, (self, method, args) -> switch (method.getName()) {
                        case "getClientSubject" -> subject;
                        case "notifyContainerAboutLogin" -> {
                            notified.add((CredentialValidationResult) args[0]);
                            yield answer;
                        }
                        case "responseUnauthorized" -> AuthenticationStatus.SEND_FAILURE;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    @Test
    void theLoginTheContainerAcceptedIsNotedAndPassedOnUnchanged() {
        Context context = new Context(AuthenticationStatus.SUCCESS);
        LoginCapture capture = new LoginCapture(context.proxy);
        CredentialValidationResult login = VerifiedTokensTest.login("t", IN_AN_HOUR, "worker");

        assertThat(capture.notifyContainerAboutLogin(login)).isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(capture.login()).get().isSameAs(login);
        assertThat(context.notified).containsExactly(login);
    }

    @Test
    void refusalsAndLoginsTheContainerDidNotAcceptAreNotNoted() {
        LoginCapture refused = new LoginCapture(new Context(AuthenticationStatus.SUCCESS).proxy);
        refused.notifyContainerAboutLogin(CredentialValidationResult.INVALID_RESULT);
        assertThat(refused.responseUnauthorized()).isEqualTo(AuthenticationStatus.SEND_FAILURE);
        assertThat(refused.login()).isEmpty();

        LoginCapture failed = new LoginCapture(new Context(AuthenticationStatus.SEND_FAILURE).proxy);
        failed.notifyContainerAboutLogin(VerifiedTokensTest.login("t", IN_AN_HOUR, "worker"));
        assertThat(failed.login()).isEmpty();
    }

    @Test
    void aReplayedLoginGivesTheContainerTheSamePrincipalAndGroupsAsTheFirstLogin() {
        CredentialValidationResult login = VerifiedTokensTest.login("t", IN_AN_HOUR, "worker");
        Context context = new Context(AuthenticationStatus.SUCCESS);

        assertThat(LoginCapture.replay(context.proxy, login)).isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(context.subject.getPrincipals()).containsExactly(login.getCallerPrincipal());
        assertThat(context.notified).hasSize(1);
        assertThat(context.notified.get(0).getCallerPrincipal()).isSameAs(login.getCallerPrincipal());
        assertThat(context.notified.get(0).getCallerGroups()).containsExactly("worker");
    }
}
