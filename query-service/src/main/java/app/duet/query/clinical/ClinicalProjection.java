package app.duet.query.clinical;

import app.duet.query.batch.ViewBatch;
import app.duet.api.clinical.FindSafetyConcerns;
import app.duet.api.clinical.FindTherapistNotes;
import app.duet.api.clinical.FindUnseenSafetyConcerns;
import app.duet.api.clinical.SafetyConcernRaised;
import app.duet.api.clinical.SafetyConcernSeen;
import app.duet.api.clinical.SafetyConcernView;
import app.duet.api.clinical.TherapistNoteView;
import app.duet.api.clinical.TherapistNoteWritten;
import app.duet.api.privacy.CoupleErased;
import org.axonframework.config.ProcessingGroup;
import app.duet.query.access.TherapistConsent;
import app.duet.query.live.ViewPublisher;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What only therapists may read, kept apart from every view partners receive: it is never in a
 * couple or session view and never pushed to their topics. Each record is keyed by its own id, so
 * a redelivered event writes the same document again and changes nothing.
 */
@Component
@ProcessingGroup(ClinicalProjection.PROCESSING_GROUP)
public class ClinicalProjection {

    /** Notes, safety concerns and the log of who read a couple's content: what only therapists and the couple see. */
    public static final String PROCESSING_GROUP = "therapist-only";

    private final ClinicalRecordRepository records;
    private final SimpMessageSendingOperations pushes;
    private final TherapistConsent consent;

    public ClinicalProjection(ClinicalRecordRepository records, SimpMessageSendingOperations pushes, TherapistConsent consent) {
        this.records = records;
        this.pushes = pushes;
        this.consent = consent;
    }

    @EventHandler
    public void on(TherapistNoteWritten event, @Timestamp Instant at) {
        records.save(new ClinicalRecord(event.noteId(), event.coupleId(), ClinicalRecord.Kind.NOTE, event.therapistId(),
                event.text(), List.of(event.therapistId()), at, null));
    }

    /**
     * A safety concern reaches each therapist it was told to at once, on their own destination, which
     * nobody else may hear (never a couple's or session's topic): every screen of theirs shows it.
     */
    @EventHandler
    public void on(SafetyConcernRaised event, @Timestamp Instant at, ReplayStatus replay) {
        ClinicalRecord concern = records.save(new ClinicalRecord(event.concernId(), event.coupleId(), ClinicalRecord.Kind.SAFETY,
                event.partnerId(), event.words(), List.copyOf(event.therapistIds()), at, null));
        if (!replay.isReplay()) {
            // Those it was told to, as long as the couple still consents to them (it may not, by the time this runs);
            // once the batch is stored, so a batch applied again (ViewBatch) tells nobody twice.
            ViewBatch.afterStored(() -> concern.readers().stream().filter(therapist -> consent.allows(therapist, concern.coupleId()))
                    .forEach(therapist -> pushes.convertAndSend(ViewPublisher.THERAPIST_TOPIC + therapist, concernView(concern, therapist))));
        }
    }

    /** A therapist read a concern: their other screens take its banner down, told without its words. */
    @EventHandler
    public void on(SafetyConcernSeen event, @Timestamp Instant at, ReplayStatus replay) {
        records.findById(event.concernId()).ifPresent(concern -> {
            Map<String, Instant> seenBy = new HashMap<>(concern.seenBy() == null ? Map.of() : concern.seenBy());
            seenBy.putIfAbsent(event.therapistId(), at);
            ClinicalRecord seen = records.save(new ClinicalRecord(concern.id(), concern.coupleId(), concern.kind(),
                    concern.authorId(), concern.text(), concern.readers(), concern.at(), seenBy));
            if (!replay.isReplay()) {
                ViewBatch.afterStored(() -> pushes.convertAndSend(ViewPublisher.THERAPIST_TOPIC + event.therapistId(),
                        new SafetyConcernView(seen.id(), seen.coupleId(), seen.authorId(), null, seen.at(), seen.seenBy(event.therapistId()))));
            }
        });
    }

    @EventHandler
    public void on(CoupleErased event) {
        records.deleteByCoupleId(event.coupleId());
    }

    @QueryHandler
    public List<TherapistNoteView> handle(FindTherapistNotes query) {
        return records.findByCoupleIdAndKindAndReadersOrderByAtDesc(query.coupleId(), ClinicalRecord.Kind.NOTE,
                        query.therapistId()).stream()
                .map(note -> new TherapistNoteView(note.id(), note.coupleId(), note.text(), note.at())).toList();
    }

    @QueryHandler
    public List<SafetyConcernView> handle(FindSafetyConcerns query) {
        return records.findByCoupleIdAndKindAndReadersOrderByAtDesc(query.coupleId(), ClinicalRecord.Kind.SAFETY,
                        query.therapistId()).stream()
                .map(concern -> concernView(concern, query.therapistId())).toList();
    }

    @QueryHandler
    public List<SafetyConcernView> handle(FindUnseenSafetyConcerns query) {
        return records.findByKindAndReadersOrderByAtDesc(ClinicalRecord.Kind.SAFETY, query.therapistId()).stream()
                .filter(concern -> concern.seenBy(query.therapistId()) == null)
                .map(concern -> concernView(concern, query.therapistId())).toList();
    }

    private static SafetyConcernView concernView(ClinicalRecord concern, String therapistId) {
        return new SafetyConcernView(concern.id(), concern.coupleId(), concern.authorId(), concern.text(), concern.at(),
                concern.seenBy(therapistId));
    }

    @ResetHandler
    public void reset() {
        records.deleteAll();
    }
}
