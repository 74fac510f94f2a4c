package com.roofworx.app.interfaces;

import java.util.Set;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API under {@code /api}, authenticated with MicroProfile JWT bearer tokens. Application scoped so
 * that {@code JsonWebToken} can be injected with annotated bean discovery.
 */
@ApplicationPath("api")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.WORKER, Roles.ADMIN})
@OpenAPIDefinition(
        info = @Info(title = "Roofworx API", version = "0.1.0",
                description = "Time entries of field workers: projects from Zoho CRM, entries stored in Redis, "
                        + "PostgreSQL and Zoho CRM. Errors are RFC 9457 problems naming the field and value."),
        security = @SecurityRequirement(name = "jwt"))
@SecurityScheme(securitySchemeName = "jwt", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class RoofworxApplication extends Application {

    /**
     * Exactly the API's resources and providers. Without this list the container would also publish every
     * {@code @Path} type on the class path, such as the Zoho adapter's REST client interfaces.
     */
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ProjectsResource.class, TimeEntriesResource.class, CronResource.class,
                ZohoWebhookResource.class, AdminSyncResource.class, MetricsResource.class, ClientConfigResource.class,
                ServerTimingFilter.class, EntryETagFilter.class, HeaderChecks.class, TokenRules.class,
                ProblemMappers.ApiProblems.class, ProblemMappers.SdkProblems.class,
                ProblemMappers.HttpProblems.class, ProblemMappers.Unexpected.class);
    }
}
