package org.preventcase.vocabulary;

/** The referrer's relationship to the person referred (process.md §4 B). */
public enum RelationshipToPerson implements FormOption {
  PROFESSIONAL("Professional working with the person"),
  FAMILY("Family member"),
  FRIEND("Friend"),
  MEMBER_OF_PUBLIC("Member of the public"),
  OTHER("Other");

  private final String label;

  RelationshipToPerson(String label) { this.label = label; }

  @Override public String label() { return label; }
}
