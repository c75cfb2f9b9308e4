package org.preventcase.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The first administrator, provisioned at every start (PREVENT_ADMIN_USER, PREVENT_ADMIN_PASSWORD). */
@ConfigurationProperties(prefix = "prevent.security.administrator")
public record AdministratorProperties(String userId, String initialPassword) {}
