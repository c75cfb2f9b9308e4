package org.preventcase.casefile;

/**
 * A person's age in whole years on a day: from the date of birth in the case record, or, with none, from the
 * approximate age a referral reported, grown by the years since ({@code approximate}).
 */
public record PersonAge(int years, boolean approximate) {}
