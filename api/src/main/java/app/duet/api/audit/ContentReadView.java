package app.duet.api.audit;

import java.time.Instant;

/** Someone other than the partners read the couple's content: who, in what role, what, how and when. */
public record ContentReadView(String readerId, String readerName, String readerRole, String what, String via,
                              Instant at) {
}
