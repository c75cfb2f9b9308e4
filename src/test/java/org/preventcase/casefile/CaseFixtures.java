package org.preventcase.casefile;

import org.preventcase.security.Actor;

/** Cases for tests, opened the way the intake opens them: the referral recorded, then its case. */
public final class CaseFixtures {

  private CaseFixtures() {}

  /** Records the referral and opens its case (stage SCREENING) as this user; returns the case reference. */
  public static String open(CaseService cases, Actor actor, NewCase newCase) {
    String authority = newCase.authorityCode();
    long referralId = cases.recordReferral(actor, authority, newCase.person(), newCase.referral());
    return cases.openCaseForReferral(actor, authority, referralId, null);
  }
}
