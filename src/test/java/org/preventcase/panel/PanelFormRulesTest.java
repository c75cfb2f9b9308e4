package org.preventcase.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.preventcase.formcheck.FieldError;

/**
 * The panel forms' rules that their schemas cannot say, on their own (FormCheckIT submits them through
 * the engine REST API): they read the meeting's record and the configured scale, not the options the
 * task was opened with, and name the field they refuse.
 */
class PanelFormRulesTest {

  static final Meeting COMBINED = new Meeting(7, "E06000031", List.of("E06000031", "E07000011"),
      Meeting.Kind.ROUTINE, Instant.parse("2026-12-15T10:00:00Z"), Instant.parse("2026-12-08T10:00:00Z"), 8,
      Meeting.Status.AGENDA_ISSUED);

  final MeetingRecords meetings = mock(MeetingRecords.class);
  final AttendanceRules attendance = new AttendanceRules(meetings);
  final AssessmentRules assessment = new AssessmentRules(PanelMocks.properties());

  static List<String> fields(List<FieldError> errors) {
    return errors.stream().map(FieldError::field).toList();
  }

  List<FieldError> attended(List<String> members, List<String> authorities) {
    when(meetings.find(7)).thenReturn(Optional.of(COMBINED));
    when(meetings.attendees(7)).thenReturn(List.of(new MeetingRecords.Attendee("synthetic-chair", "prevent-panel-chair",
        null), new MeetingRecords.Attendee("synthetic-teacher", "partner-education", null)));
    return attendance.check(Map.of("attendedMembers", members, "authoritiesRepresented", authorities), Set.of(),
        Map.of(Panel.MEETING_ID, 7L));
  }

  @Test
  void invitedMembersOfTheMeetingsOwnAuthoritiesPass() {
    assertThat(attended(List.of("synthetic-chair", "synthetic-teacher"), List.of("E06000031", "E07000011"))).isEmpty();
  }

  @Test
  void aMemberTheAgendaDidNotInviteIsRefusedByName() {
    assertThat(fields(attended(List.of("synthetic-chair", "synthetic-nurse"), List.of("E06000031"))))
        .containsExactly("attendedMembers");
  }

  @Test
  void anAuthorityWhoseCasesTheMeetingDoesNotHearIsRefusedByName() {
    assertThat(fields(attended(List.of("synthetic-chair"), List.of("E06000031", "E06000032"))))
        .containsExactly("authoritiesRepresented");
  }

  static Map<String, Object> assessed() {
    return new HashMap<>(Map.of("engagementRating", "MEDIUM", "intentRating", "LOW", "capabilityRating", "NONE",
        "contributionHousing", "Synthetic contribution."));
  }

  @Test
  void ratingsOnTheConfiguredScaleWithOneContributionPass() {
    assertThat(assessment.check(assessed(), Set.of())).isEmpty();
  }

  @Test
  void aRatingOffTheConfiguredScaleIsRefusedByName() {
    Map<String, Object> off = assessed();
    off.put("intentRating", "SEVERE");
    assertThat(fields(assessment.check(off, Set.of()))).containsExactly("intentRating");
  }

  @Test
  void anAssessmentWithoutAnyAgencysContributionIsRefused() {
    Map<String, Object> alone = assessed();
    alone.put("contributionHousing", "  ");
    assertThat(assessment.check(alone, Set.of())).singleElement().satisfies(error -> assertThat(error.message())
        .contains("at least one agency's contribution"));
  }

  @Test
  void anAgendaWithoutTheVettingConfirmedIsRefusedByName() {
    InvitationRules invitations = new InvitationRules();
    assertThat(fields(invitations.check(Map.of("vettingConfirmed", false), Set.of()))).containsExactly("vettingConfirmed");
    assertThat(invitations.check(Map.of("vettingConfirmed", true), Set.of())).isEmpty();
  }
}
