package org.preventcase.casefile;

/** A referral of a case and the address its referrer gave (null when they gave none). */
public record ReferrerContact(long referralId, String address) {}
