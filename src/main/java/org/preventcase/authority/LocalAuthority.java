package org.preventcase.authority;

/** A local authority of England or Wales, with the police force area it lies in. */
public record LocalAuthority(String code, String name, LocalAuthorityKind kind, String countyCode,
    String policeForceCode, String policeForceName) {}
