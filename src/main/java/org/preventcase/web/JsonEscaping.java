package org.preventcase.web;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Text is stored as written and escaped wherever it is shown: the project's JSON (case API, referral
 * API) writes &lt; &gt; &amp; ' and " inside strings as \\u escapes, so a quoted post with markup stays
 * inert even if a client drops it into a page or a browser sniffs the response. The value a JSON
 * parser reads back is unchanged.
 */
@Configuration
class JsonEscaping {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer htmlSafeJson() {
    return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setCharacterEscapes(new HtmlSafe()));
  }

  static final class HtmlSafe extends CharacterEscapes {

    private final int[] escapes;

    HtmlSafe() {
      escapes = standardAsciiEscapesForJSON();
      for (char c : new char[] {'<', '>', '&', '\''}) {
        escapes[c] = ESCAPE_STANDARD;
      }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return null;
    }
  }
}
