package org.preventcase.notify;

/** Who a message goes to. What each kind of recipient may be told: docs/notifications.md. */
public sealed interface Recipient {

  /** Every member of a group (role or agency) who works for the case's authority. */
  record GroupMembers(String groupId) implements Recipient {}

  /** The practitioner who made a referral, at the address they gave on it. */
  record Referrer(String address) implements Recipient {}

  /** A named address, such as a MAPPA unit's or another authority's Prevent mailbox. */
  record Address(String address) implements Recipient {}
}
