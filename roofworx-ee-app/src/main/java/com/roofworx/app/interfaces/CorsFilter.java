package com.roofworx.app.interfaces;

import com.roofworx.app.infrastructure.AppSettings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Map;

/**
 * CORS for the API ({@code roofworx.cors.allowed-origins}; off by default). Answers preflights itself, before
 * the JAX-RS runtime and its role checks, and adds the headers to every answer for an allowed origin. Answers
 * the container's token check refuses before any filter runs get the same headers from
 * {@link SharedSecretAwareAuthentication}, so a client on another origin can read a 401 too.
 */
@WebFilter(filterName = "roofworx-cors", urlPatterns = "/api/*")
public class CorsFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Inject
    transient AppSettings settings;

    private transient volatile CorsPolicy policy;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        CorsPolicy cors = policy();
        if (!cors.enabled()) {
            chain.doFilter(request, response);
            return;
        }
        String origin = request.getHeader("Origin");
        String requested = request.getHeader("Access-Control-Request-Method");
        if (CorsPolicy.isPreflight(request.getMethod(), origin, requested)) {
            Map<String, String> headers = cors.preflightHeaders(origin, requested,
                    request.getHeader("Access-Control-Request-Headers"));
            if (headers == null) {
                response.setHeader("Vary", "Origin");
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            headers.forEach(response::setHeader);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        cors.answerHeaders(origin).forEach(response::setHeader);
        chain.doFilter(request, response);
    }

    CorsPolicy policy() {
        CorsPolicy p = policy;
        if (p == null) {
            p = of(settings);
            policy = p;
        }
        return p;
    }

    static CorsPolicy of(AppSettings settings) {
        return new CorsPolicy(settings.corsOrigins(), settings.corsMaxAge());
    }
}
