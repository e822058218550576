package app.duet.api.privacy;

import org.axonframework.serialization.Revision;

/**
 * The couple was erased: its key is gone, its views are purged, and nothing more happens in it.
 * The events stay in the store, their personal data unreadable. {@code erasedBy} is the partner who
 * erased it, or none where Duet erased it again after a restore ({@link EraseCoupleAgain}).
 */
@Revision("1")
public record CoupleErased(String coupleId, String erasedBy) {
}
