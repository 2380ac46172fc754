package com.clientvalue.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.List;

/**
 * Nothing is open by default: when no active token has the ADMIN role, the first start creates
 * one and prints it once, with how to use it. security.bootstrap.token sets its value instead
 * (for automated set-ups; the tests use it) and security.bootstrap.roles its roles.
 */
@Context
class AdminTokenBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(AdminTokenBootstrap.class);
    static final String NAME = "bootstrap-admin";

    AdminTokenBootstrap(ApiTokens tokens, @Nullable @Value("${security.bootstrap.token:}") String configured,
                        @Value("${security.bootstrap.roles:ADMIN}") String roles,
                        @Nullable @Value("${security.bootstrap.token-file:}") String tokenFile) {
        if (tokens.anyActiveWith(Roles.ADMIN)) {
            return;
        }
        List<String> granted = Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty()).toList();
        String name = NAME + "-" + System.currentTimeMillis();
        if (configured != null && !configured.isBlank()) {
            tokens.store(name, granted, configured, "system");
            LOG.info("Created the admin token '{}' from security.bootstrap.token, roles {}", name, granted);
            return;
        }
        ApiTokens.IssuedToken issued = tokens.store(name, granted, ApiTokens.newToken(), "system");
        String banner = """

                ==================================================================================
                 No admin token existed, so one was created. It is shown this once: keep it safe.
                   %s
                 Use it:  curl -H 'Authorization: Bearer %s' localhost:8080/api/tokens
                 Create tokens for the other roles (CRM, ANALYST, AUDITOR, COMPLIANCE):
                   curl -H 'Authorization: Bearer %s' -H 'Content-Type: application/json' \\
                        -d '{"name":"crm-prod","roles":["CRM"]}' localhost:8080/api/tokens
                ==================================================================================
                """.formatted(issued.token(), issued.token(), issued.token());
        System.out.println(banner);
        LOG.warn("Created the admin token '{}' (printed on standard output)", name);
        if (tokenFile != null && !tokenFile.isBlank()) {
            writeOwnerOnly(java.nio.file.Path.of(tokenFile), issued.token());
            LOG.warn("The admin token is also in {} (readable by its owner only)", tokenFile);
        }
    }

    // a local convenience (security.bootstrap.token-file, set for mn:run): readable by the owner only
    private static void writeOwnerOnly(java.nio.file.Path file, String token) {
        try {
            java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
            java.nio.file.Files.deleteIfExists(file);
            java.nio.file.Files.createFile(file);
            try {
                java.nio.file.Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                LOG.warn("{} cannot be made private on this file system", file);
            }
            java.nio.file.Files.writeString(file, token + "\n");
        } catch (java.io.IOException e) {
            LOG.warn("Could not write the admin token to {}: {}", file, e.getMessage());
        }
    }
}
