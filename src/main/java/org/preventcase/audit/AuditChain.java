package org.preventcase.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.RowMapper;

/**
 * How audit rows are chained: one chain per authority and UTC month (the month partition a row lives
 * in), in id order; each link is SHA-256(previous link || canonical form of the row), the first one
 * chained to a genesis value naming its chain. The canonical form writes every column as
 * {@code length:value} (the UTF-8 bytes and their count; a null as {@code -}), joined by {@code |}, the time as microseconds since the
 * epoch: the same bytes whatever the session's time zone or the driver's formatting.
 */
public final class AuditChain {

  private AuditChain() {}

  /** One audit row as stored, every column the canonical form covers. */
  public record Row(long id, OffsetDateTime at, String userId, String authorityCode, Long caseId, String caseReference,
      String subjectUserId, String action, String outcome, String purposeCode, String purposeDetail, String recipient) {

    public YearMonth month() {
      return monthOf(at.toInstant());
    }
  }

  /** The columns of {@link Row}, in order, as selected from audit_event. */
  static final String COLUMNS = "id, at, user_id, authority_code, case_id, case_reference, subject_user_id, action, "
      + "outcome, purpose_code, purpose_detail, recipient";

  static final RowMapper<Row> ROW = (rs, number) -> new Row(rs.getLong(1), rs.getObject(2, OffsetDateTime.class),
      rs.getString(3), rs.getString(4), rs.getObject(5, Long.class), rs.getString(6), rs.getString(7), rs.getString(8),
      rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12));

  public static YearMonth monthOf(Instant at) {
    return YearMonth.from(at.atOffset(ZoneOffset.UTC));
  }

  public static byte[] canonicalForm(Row row) {
    Instant at = row.at().toInstant();
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
    ByteArrayOutputStream form = new ByteArrayOutputStream();
    form.writeBytes(ascii("v1"));
    for (Object column : new Object[] {row.id(), micros, row.userId(), row.authorityCode(), row.caseId(),
        row.caseReference(), row.subjectUserId(), row.action(), row.outcome(), row.purposeCode(), row.purposeDetail(),
        row.recipient()}) {
      if (column == null) {
        form.writeBytes(ascii("|-"));
      } else {
        byte[] value = column.toString().getBytes(StandardCharsets.UTF_8);
        form.writeBytes(ascii("|" + value.length + ":"));
        form.writeBytes(value);
      }
    }
    return form.toByteArray();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** The value the first link of a chain is chained to. */
  public static byte[] genesis(String authorityCode, YearMonth month) {
    return sha256(("prevent-case-engine audit chain " + authorityCode + " " + month).getBytes(StandardCharsets.UTF_8));
  }

  public static byte[] link(byte[] previous, Row row) {
    MessageDigest digest = sha256();
    digest.update(previous);
    digest.update(canonicalForm(row));
    return digest.digest();
  }

  private static byte[] sha256(byte[] bytes) {
    return sha256().digest(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
