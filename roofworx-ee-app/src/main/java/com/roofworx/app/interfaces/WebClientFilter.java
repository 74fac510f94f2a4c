package com.roofworx.app.interfaces;

import com.roofworx.app.infrastructure.AppSettings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Serves the web client (the field app) at the context root with headers that keep it fresh and contained:
 * every shell file is revalidated on each use ({@code Cache-Control: no-cache}, answered 304 by its ETag when
 * unchanged), so no browser keeps an old app past a deploy; the service worker is rendered from its template
 * with the shell's version and file list; pages carry a Content-Security-Policy. The API and the operations
 * endpoints pass untouched. With {@code roofworx.client.enabled=false} the shell answers 404.
 */
@WebFilter(filterName = "roofworx-web-client", urlPatterns = "/*")
public class WebClientFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Inject
    transient AppSettings settings;

    private transient volatile WebClientShell shell;
    private transient volatile String serviceWorker;
    private transient volatile String csp;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!WebClientShell.isShellPath(path)) {
            chain.doFilter(request, response);
            return;
        }
        if (!settings.clientEnabled()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        // The sign-in callback's URL holds a one-time code: never send it on as a referrer.
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", csp());
        if (WebClientShell.SERVICE_WORKER.equals(path)) {
            serveServiceWorker(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void serveServiceWorker(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        WebClientShell s = shell();
        String etag = "\"" + s.version() + "\"";
        response.setHeader("ETag", etag);
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = serviceWorker(s).getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/javascript;charset=UTF-8");
        response.setContentLength(body.length);
        if ("GET".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    private String csp() {
        String c = csp;
        if (c == null) {
            c = WebClientShell.contentSecurityPolicy(settings.clientIssuer().orElse(null),
                    settings.clientConnectOrigins());
            csp = c;
        }
        return c;
    }

    private WebClientShell shell() {
        WebClientShell s = shell;
        if (s == null) {
            Map<String, byte[]> files = new TreeMap<>();
            collect(getServletContext(), "/", files);
            s = new WebClientShell(files);
            shell = s;
        }
        return s;
    }

    private String serviceWorker(WebClientShell s) {
        String sw = serviceWorker;
        if (sw == null) {
            sw = s.serviceWorker(new String(read(getServletContext(), WebClientShell.SERVICE_WORKER),
                    StandardCharsets.UTF_8));
            serviceWorker = sw;
        }
        return sw;
    }

    private static void collect(ServletContext context, String dir, Map<String, byte[]> files) {
        Set<String> paths = context.getResourcePaths(dir);
        if (paths == null) {
            return;
        }
        for (String path : paths) {
            if (!WebClientShell.isShellPath(path)) {
                continue;
            }
            if (path.endsWith("/")) {
                collect(context, path, files);
            } else {
                files.put(path, read(context, path));
            }
        }
    }

    private static byte[] read(ServletContext context, String path) {
        try (InputStream in = context.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the web client's " + path + " is missing from the archive");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
