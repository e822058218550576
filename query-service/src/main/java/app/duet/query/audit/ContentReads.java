package app.duet.query.audit;

import app.duet.query.clinical.ClinicalProjection;
import app.duet.access.Actor;
import app.duet.api.access.Role;
import app.duet.api.audit.ContentReadView;
import app.duet.api.audit.FindContentReads;
import app.duet.api.privacy.CoupleErased;
import app.duet.api.consent.TherapistView;
import app.duet.query.access.ReadLog;
import app.duet.query.pairing.CoupleDocumentRepository;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The couple's audit log: every time a therapist or analyst reads the couple's content, who, what,
 * how and when. The couple reads it whole; it goes when the couple is erased.
 */
@Component
@ProcessingGroup(ClinicalProjection.PROCESSING_GROUP)
public class ContentReads implements ReadLog {

    private static final Duration SAME_VISIT = Duration.ofMinutes(5);

    private final ContentReadRepository reads;
    private final CoupleDocumentRepository couples;

    public ContentReads(ContentReadRepository reads, CoupleDocumentRepository couples) {
        this.reads = reads;
        this.couples = couples;
    }

    /**
     * Records a read by anyone but a partner (partners reading their own couple are not audited).
     * The reader's name is kept as it was then, so the log still says who after access has ended.
     * Rereading the same thing the same way within {@link #SAME_VISIT} is one visit, one line.
     */
    @Override
    public void record(Actor reader, String coupleId, String what, String via) {
        if (!reader.is(Role.THERAPIST) && !reader.is(Role.ANALYST)) {
            return;
        }
        Instant now = Instant.now();
        if (!reads.existsByCoupleIdAndReaderIdAndWhatAndViaAndAtAfter(coupleId, reader.id(), what, via,
                now.minus(SAME_VISIT))) {
            reads.save(new ContentRead(UUID.randomUUID().toString(), coupleId, reader.id(), reader.displayName(),
                    reader.is(Role.THERAPIST) ? "THERAPIST" : "ANALYST", what, via, now));
        }
    }

    /** Names as the couple called the therapist when inviting them, else as the reader's account says. */
    @QueryHandler
    public List<ContentReadView> handle(FindContentReads query) {
        Map<String, String> namesTheCoupleGave = couples.findById(query.coupleId())
                .map(couple -> couple.therapists().stream()
                        .collect(Collectors.toMap(TherapistView::therapistId, TherapistView::therapistName, (a, b) -> a)))
                .orElse(Map.of());
        return reads.findTop500ByCoupleIdOrderByAtDesc(query.coupleId()).stream()
                .map(read -> new ContentReadView(read.readerId(),
                        namesTheCoupleGave.getOrDefault(read.readerId(), read.readerName()), read.readerRole(),
                        read.what(), read.via(), read.at()))
                .toList();
    }

    @EventHandler
    public void on(CoupleErased event) {
        reads.deleteByCoupleId(event.coupleId());
    }
}
