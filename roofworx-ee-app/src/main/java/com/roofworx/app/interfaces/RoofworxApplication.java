package com.roofworx.app.interfaces;

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
}
