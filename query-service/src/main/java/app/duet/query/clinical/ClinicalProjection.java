package app.duet.query.clinical;

import app.duet.api.clinical.FindSafetyConcerns;
import app.duet.api.clinical.FindTherapistNotes;
import app.duet.api.clinical.SafetyConcernRaised;
import app.duet.api.clinical.SafetyConcernView;
import app.duet.api.clinical.TherapistNoteView;
import app.duet.api.clinical.TherapistNoteWritten;
import app.duet.api.privacy.CoupleErased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

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

    public ClinicalProjection(ClinicalRecordRepository records) {
        this.records = records;
    }

    @EventHandler
    public void on(TherapistNoteWritten event, @Timestamp Instant at) {
        records.save(new ClinicalRecord(event.noteId(), event.coupleId(), ClinicalRecord.Kind.NOTE, event.therapistId(),
                event.text(), List.of(event.therapistId()), at));
    }

    @EventHandler
    public void on(SafetyConcernRaised event, @Timestamp Instant at) {
        records.save(new ClinicalRecord(event.concernId(), event.coupleId(), ClinicalRecord.Kind.SAFETY,
                event.partnerId(), event.words(), List.copyOf(event.therapistIds()), at));
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
                .map(concern -> new SafetyConcernView(concern.id(), concern.coupleId(), concern.authorId(),
                        concern.text(), concern.at())).toList();
    }

    @ResetHandler
    public void reset() {
        records.deleteAll();
    }
}
