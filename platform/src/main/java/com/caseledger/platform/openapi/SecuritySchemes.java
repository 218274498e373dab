package com.caseledger.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Declares how to sign in, so that client generators and Swagger UI can: HTTP Basic (the configured or development
 * users) or a bearer JWT (when the node is configured for an issuer). Every documented operation needs one of them.
 */
@Component
public class SecuritySchemes implements OpenApiCustomizer {

    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";

    @Override
    public void customise(OpenAPI api) {
        api.getComponents()
                .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("A configured user's name and password (on the embedded default, the "
                                + "development users: agent/agent, supervisor/supervisor, auditor/auditor, "
                                + "analyst/analyst, admin/admin)"))
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("JWT").description("A token of the configured issuer, naming the user's roles"));
        api.addSecurityItem(new SecurityRequirement().addList(BASIC));
        api.addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
