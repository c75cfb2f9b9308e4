package org.preventcase.vocabulary;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An enumeration whose values are known by their numbers (MAPPA's categories and levels): a form
 * offers and submits the number ("2"), people read the label.
 */
public interface NumberedOption {

  int number();

  String label();

  /** The option a form submitted (its number, as text or a number); empty for anything else. */
  static <E extends Enum<E> & NumberedOption> Optional<E> of(Class<E> options, Object submitted) {
    String text = submitted == null ? "" : String.valueOf(submitted).strip();
    return Arrays.stream(options.getEnumConstants()).filter(option -> String.valueOf(option.number()).equals(text))
        .findFirst();
  }

  /** The options as a form's choices: value the number, label the label. */
  static List<FormOption> offered(NumberedOption[] options) {
    return Arrays.stream(options).<FormOption>map(option -> new FormOption() {
      @Override
      public String name() {
        return String.valueOf(option.number());
      }

      @Override
      public String label() {
        return option.label();
      }
    }).toList();
  }
}
