package org.preventcase.support;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * prevent.support (application.yaml; docs/support.md).
 *
 * @param contactLapse how long an intervention may go without a recorded contact before the Channel
 *     coordinator and the chair are alerted (process.md §2.6: 30 days)
 * @param postExitReviews when the panel reviews a case after its exit, counted from the exit (§2.7: 6 and 12 months)
 * @param extendedPostExitReviews the same once the panel extends the reviews (§2.7: up to two years)
 */
@ConfigurationProperties("prevent.support")
public record SupportProperties(Duration contactLapse, List<Period> postExitReviews,
    List<Period> extendedPostExitReviews) {

  public SupportProperties {
    if (contactLapse == null || contactLapse.isNegative() || contactLapse.isZero()) {
      throw new IllegalArgumentException("prevent.support.contact-lapse must be a positive duration");
    }
    postExitReviews = List.copyOf(postExitReviews);
    extendedPostExitReviews = List.copyOf(extendedPostExitReviews);
    if (postExitReviews.isEmpty() || extendedPostExitReviews.size() < postExitReviews.size()
        || !extendedPostExitReviews.subList(0, postExitReviews.size()).equals(postExitReviews)) {
      throw new IllegalArgumentException("prevent.support.extended-post-exit-reviews must begin with the "
          + "post-exit-reviews and may only add to them");
    }
  }

  /** The review periods in force: the extended ones once the panel extended them. */
  public List<Period> reviews(boolean extended) {
    return extended ? extendedPostExitReviews : postExitReviews;
  }
}
