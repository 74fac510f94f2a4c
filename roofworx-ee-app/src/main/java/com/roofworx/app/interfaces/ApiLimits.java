package com.roofworx.app.interfaces;

import com.roofworx.app.infrastructure.AppSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** What one caller may cost: the per-user submit rate and the size of a list response. Read once at start. */
@ApplicationScoped
public class ApiLimits {

    @Inject
    AppSettings settings;

    private SubmitRateLimit submits;
    private int listLimit;

    @PostConstruct
    void init() {
        submits = new SubmitRateLimit(settings.submitRate(), settings.submitBurst(), System::nanoTime);
        listLimit = settings.listLimit();
    }

    /** Charges one submit to {@code user}; a 429 with Retry-After when the allowance is used up. */
    public void chargeSubmit(String user) {
        long wait = submits.take(user);
        if (wait > 0) {
            throw ApiProblem.tooManyRequests("too many submits; try again in " + wait + " s", wait);
        }
    }

    public int listLimit() {
        return listLimit;
    }
}
