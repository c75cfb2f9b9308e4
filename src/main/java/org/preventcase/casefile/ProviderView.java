package org.preventcase.casefile;

import java.util.List;

/**
 * A case as the intervention provider its support plan allocates sees it, need to know only (docs/support.md):
 * who the person is and where they live, the support plan (every version, newest first) and the contacts and
 * notes the provider recorded; nothing of the referral, the screening, the partners' information or the panel.
 */
public record ProviderView(String reference, String authorityName, CaseView.Person person,
    List<CaseView.Entry> plans, List<CaseView.Entry> ownEntries) {

  /** The view of these entries (in the order written): the plans and the provider's own, each newest first. */
  static ProviderView of(String reference, String authorityName, CaseView.Person person, List<CaseView.Entry> entries,
      String providerUserId) {
    List<CaseView.Entry> newestFirst = new java.util.ArrayList<>(entries);
    java.util.Collections.reverse(newestFirst);
    return new ProviderView(reference, authorityName, person,
        newestFirst.stream().filter(entry -> entry.kind() == EntryKind.PLAN).toList(),
        newestFirst.stream().filter(entry -> providerUserId.equals(entry.recordedBy())).toList());
  }
}
