package app.duet.query.notification;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * Who a couple's or a session's notifications may go to, built from the same events by this
 * projection alone (so it rebuilds without waiting for any other view): the partners, and the
 * therapists both partners consented to. A session's circle is keyed {@code session/<id>}.
 */
@Document("notification_circle")
record NotificationCircle(@Id String id, String coupleId, List<String> partners, List<String> therapists, String startedBy) {

    static String ofSession(String sessionId) {
        return "session/" + sessionId;
    }

    NotificationCircle withPartner(String partnerId) {
        return new NotificationCircle(id, coupleId, added(partners, partnerId), therapists, startedBy);
    }

    NotificationCircle withTherapist(String therapistId) {
        return new NotificationCircle(id, coupleId, partners, added(therapists, therapistId), startedBy);
    }

    NotificationCircle withoutTherapist(String therapistId) {
        List<String> fewer = new ArrayList<>(therapists);
        fewer.remove(therapistId);
        return new NotificationCircle(id, coupleId, partners, List.copyOf(fewer), startedBy);
    }

    /** The partners but this one, who acted. */
    List<String> partnersBut(String actor) {
        return partners.stream().filter(partner -> !partner.equals(actor)).toList();
    }

    private static List<String> added(List<String> people, String person) {
        List<String> more = new ArrayList<>(people);
        if (!more.contains(person)) {
            more.add(person);
        }
        return List.copyOf(more);
    }
}
