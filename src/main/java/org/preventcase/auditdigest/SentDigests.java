package org.preventcase.auditdigest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.preventcase.audit.AuditAnchors;
import org.preventcase.audit.ChainHead;
import org.preventcase.notify.MessageType;
import org.preventcase.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The chain heads of every digest sent to an authority's Prevent managers: what they hold in their
 * mailboxes. Only messages to the managers' group count (as {@link AuditDigest} sends them).
 */
@Component
class SentDigests implements AuditAnchors {

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  SentDigests(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Override
  public List<ChainHead> keptHeads(String authorityCode) {
    return jdbc.sql("SELECT DISTINCT facts->>'auditHeads' FROM notification_outbox WHERE authority_code = ? "
            + "AND message_type = ? AND recipient_kind = 'GROUP_MEMBER' AND recipient_group = ? AND status = 'SENT'")
        .param(authorityCode).param(MessageType.AUDIT_DIGEST.name()).param(Role.PREVENT_MANAGER.groupId()).query(String.class).list().stream()
        .flatMap(heads -> lines(heads).stream()).distinct()
        .map(ChainHead::parse).flatMap(Optional::stream).toList();
  }

  private List<String> lines(String heads) {
    try {
      return heads == null ? List.of() : json.readValue(heads, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A sent audit digest could not be read", e);
    }
  }
}
