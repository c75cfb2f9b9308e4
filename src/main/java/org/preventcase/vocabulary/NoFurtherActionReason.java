package org.preventcase.vocabulary;

/** Why a referral needs no further action (process.md §2.2: mistaken, misguided or malicious, or no concern). */
public enum NoFurtherActionReason implements FormOption {
  MISTAKEN("Mistaken: an innocent comment or behaviour taken out of context"),
  MISGUIDED("Misguided: a concern, but not about radicalisation"),
  MALICIOUS("Malicious: the referral was made to cause harm"),
  NO_CONCERN("No concern: nothing that needs Prevent");

  private final String label;

  NoFurtherActionReason(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
