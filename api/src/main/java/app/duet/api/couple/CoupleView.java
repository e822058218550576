package app.duet.api.couple;

import java.util.List;

/** What both partners see of their couple. version counts the events applied, without gaps. */
public record CoupleView(String coupleId, List<PartnerView> partners, String invitationCode, boolean paired, List<SessionSummary> sessions, List<TherapistView> therapists, long version) {
}
