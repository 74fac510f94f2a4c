package com.roofworx.app.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.logging.Logger;

/**
 * Refuses to start an app that could not verify tokens, then starts the SDK eagerly so that a wrong setting
 * fails the deployment instead of the first request. A deployment without {@code mp.jwt.verify.publickey} or
 * {@code mp.jwt.verify.publickey.location}, or without {@code mp.jwt.verify.issuer}, does not start.
 */
@ApplicationScoped
public class StartupChecks {
    static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
    static final String KEY_LOCATION = "mp.jwt.verify.publickey.location";
    static final String ISSUER = "mp.jwt.verify.issuer";
    private static final Logger LOG = Logger.getLogger(StartupChecks.class.getName());

    @Inject
    RoofworxRuntime runtime;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        Config config = ConfigProvider.getConfig();
        Settings raw = new Settings(name -> config.getOptionalValue(name, String.class));
        requireJwtVerification(raw);
        checkWebSettings(AppSettings.of(raw));
        checkAuthSettings(AppSettings.of(raw));
        LOG.info(() -> "Roofworx ready; backing services: " + runtime.probes().stream().map(StoreProbe::name).toList());
    }

    /** Reads the web client's and CORS settings once, so a bad value stops the deployment naming it. */
    static void checkWebSettings(AppSettings settings) {
        settings.corsOrigins();
        settings.corsMaxAge();
        settings.clientConnectOrigins();
        settings.clientToken();
        settings.clientEnabled();
    }

    /** Reads the verified-token cache's settings once, so a bad value stops the deployment naming it. */
    static void checkAuthSettings(AppSettings settings) {
        settings.tokenCacheTtl();
        settings.tokenCacheSize();
        settings.jwtClockSkewSeconds();
        settings.jwtTokenAgeSeconds();
    }

    static void requireJwtVerification(Settings settings) {
        boolean key = settings.optional(PUBLIC_KEY).isPresent() || settings.optional(KEY_LOCATION).isPresent();
        if (!key || settings.optional(ISSUER).isEmpty()) {
            throw new IllegalStateException("JWT verification is not configured: set " + ISSUER
                    + " (env MP_JWT_VERIFY_ISSUER) and " + PUBLIC_KEY + " or " + KEY_LOCATION
                    + " (env MP_JWT_VERIFY_PUBLICKEY or MP_JWT_VERIFY_PUBLICKEY_LOCATION); see docs/configuration.md."
                    + " The app does not start without them.");
        }
    }
}
