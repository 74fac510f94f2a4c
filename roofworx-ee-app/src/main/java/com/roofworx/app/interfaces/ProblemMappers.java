package com.roofworx.app.interfaces;

import com.roofworx.sdk.CorrectionNotAllowedException;
import com.roofworx.sdk.EntryConflictException;
import com.roofworx.sdk.EntryNotFoundException;
import com.roofworx.sdk.ProjectNotAllowedException;
import com.roofworx.sdk.RoofworxException;
import com.roofworx.sdk.StaleVersionException;
import com.roofworx.sdk.StoreUnavailableException;
import com.roofworx.sdk.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Maps every exception that leaves a resource to a problem response; nothing reaches the client as HTML. */
public final class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());
    /** When a client should try again after a 503: a store outage is absorbed or over within seconds. */
    public static final long RETRY_AFTER_SECONDS = 5;

    private ProblemMappers() {
    }

    @Provider
    public static final class ApiProblems implements ExceptionMapper<ApiProblem> {
        @Override
        public Response toResponse(ApiProblem e) {
            return Problems.of(e);
        }
    }

    /** The SDK's rule failures: 400, 403, 404, 409, 412, 503, each naming what it is about. */
    @Provider
    public static final class SdkProblems implements ExceptionMapper<RoofworxException> {
        @Override
        public Response toResponse(RoofworxException e) {
            if (e instanceof ValidationException v) {
                return Problems.response(400, "invalid-field", "Invalid field", v.getMessage(), v.field(),
                        v.rejectedValue());
            }
            if (e instanceof ProjectNotAllowedException p) {
                return Problems.response(403, "project-not-allowed", "Project not allowed", p.getMessage(),
                        "projectId", p.projectId());
            }
            if (e instanceof EntryConflictException c) {
                return Problems.response(409, "entry-conflict", "Entry conflict", c.getMessage(), "id",
                        String.valueOf(c.entryId()));
            }
            if (e instanceof StaleVersionException stale) {
                return EntryTags.stale(stale);
            }
            if (e instanceof CorrectionNotAllowedException closed) {
                return Problems.response(409, "correction-not-allowed", "Correction not allowed", closed.getMessage(),
                        "id", String.valueOf(closed.entryId()));
            }
            if (e instanceof EntryNotFoundException missing) {
                // The same answer as for an id nobody has: another user's entry must not show that it exists.
                return Problems.of(ApiProblem.noEntry(missing.entryId()));
            }
            if (e instanceof StoreUnavailableException s) {
                LOG.log(Level.WARNING, "store unavailable: {0}", s.getMessage());
                return Problems.retryAfter(Problems.response(503, "store-unavailable", "Service Unavailable",
                        "the " + s.store() + " store is unavailable; try again", null, null), RETRY_AFTER_SECONDS);
            }
            return unexpected(e);
        }
    }

    /** JAX-RS's own answers (404 path, 405, 406, 415, 401, 403) as problems, with their status kept. */
    @Provider
    public static final class HttpProblems implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            int status = original.getStatus();
            if (status >= 500) {
                return unexpected(e);
            }
            String title = original.getStatusInfo().getReasonPhrase();
            Response problem = Problems.response(status, slug(title), title, e.getMessage(), null, null);
            Response.ResponseBuilder copy = Response.fromResponse(problem);
            original.getHeaders().forEach((name, values) -> {
                if (!"Content-Type".equalsIgnoreCase(name)) {
                    values.forEach(v -> copy.header(name, v));
                }
            });
            return copy.build();
        }
    }

    @Provider
    public static final class Unexpected implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            return unexpected(e);
        }
    }

    /** Logs the failure under an incident id and answers only that id: internals stay on the server. */
    static Response unexpected(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "unexpected failure, incident " + incident, e);
        return Problems.response(500, "internal", "Internal Server Error", "unexpected failure; incident " + incident,
                null, null);
    }

    private static String slug(String title) {
        return title == null ? "http" : title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
