package org.preventcase.casefile;

import java.util.List;

/**
 * A case as the intervention provider its support plan allocates sees it, need to know only (docs/support.md):
 * who the person is and where they live, the support plan (every version, newest first) and the contacts and
 * notes the provider recorded; nothing of the referral, the screening, the partners' information or the panel.
 */
public record ProviderView(String reference, String authorityName, CaseView.Person person,
    List<CaseView.Entry> plans, List<CaseView.Entry> ownEntries) {

  static ProviderView of(CaseView view, String providerUserId) {
    List<CaseView.Entry> newestFirst = new java.util.ArrayList<>(view.entries());
    java.util.Collections.reverse(newestFirst);
    return new ProviderView(view.reference(), view.authorityName(), view.person(),
        newestFirst.stream().filter(entry -> entry.kind() == EntryKind.PLAN).toList(),
        newestFirst.stream().filter(entry -> providerUserId.equals(entry.recordedBy())).toList());
  }
}
