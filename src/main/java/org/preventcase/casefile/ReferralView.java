package org.preventcase.casefile;

/** A referral that awaits the screener's decision on a possible match: its person and its answers. */
public record ReferralView(String authorityCode, CaseView.Person person, CaseView.Referral referral) {}
