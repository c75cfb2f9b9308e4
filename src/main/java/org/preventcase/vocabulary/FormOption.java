package org.preventcase.vocabulary;

/** An enumeration offered as a choice in a Camunda Form: the stored value and the label shown. */
public interface FormOption {

  String name();

  String label();
}
