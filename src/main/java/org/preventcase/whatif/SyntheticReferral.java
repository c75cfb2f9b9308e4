package org.preventcase.whatif;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One invented referral of a what-if run: when it arrives and the facts the national mix decides. The
 * person is invented ({@link SyntheticNames}).
 */
public record SyntheticReferral(int number, Instant arrives, String referrerSector, String concernType,
    LocalDate dateOfBirth, String gender, String givenName, String familyName) {}
