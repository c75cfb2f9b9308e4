package org.preventcase.casefile;

/**
 * A referral's reference, R-&lt;referral id&gt; (e.g. R-4711): what a referrer is given, in the API's
 * answer, their own view and the acknowledgement, whatever became of the referral. Unlike the case
 * reference it says nothing about whether the person was already known, or since when.
 */
public final class ReferralReference {

  private ReferralReference() {}

  public static String of(long referralId) {
    return "R-" + referralId;
  }
}
