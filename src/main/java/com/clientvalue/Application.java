package com.clientvalue;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;

@OpenAPIDefinition(info = @Info(
        title = "Client decisions",
        version = "0.1",
        description = "Decides how to treat each B2B client (cluster, actions) from client facts in MariaDB "
                + "and rule tables edited by business analysts; every decision is audited. Errors are problem details "
                + "(application/problem+json, schema Problem); formulas and the API reference: src/docs/ of the repository."),
        servers = @Server(url = "http://localhost:8080", description = "the service as ./mvnw mn:run starts it; use your own base URL"),
        security = @SecurityRequirement(name = "bearer"))
// every /api operation names the roles it accepts as the scopes of this requirement (and in x-roles)
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API token (POST /api/tokens, ADMIN) sent as Authorization: Bearer <token>. Each operation lists the roles "
                + "it accepts; any other role gets 403, no or an unknown token 401.")
public class Application {
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("validate")) {
            System.exit(ValidateCommand.run(args, System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("verify-audit")) {
            System.exit(com.clientvalue.audit.VerifyAuditCommand.run(args, System.out, System.err));
        }
        Micronaut.run(Application.class, args);
    }
}
