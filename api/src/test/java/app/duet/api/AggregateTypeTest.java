package app.duet.api;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AggregateTypeTest {

    @Test
    void readsTheTypeNamesTheEventStoreKeeps() {
        assertEquals(Optional.of(AggregateType.COUPLE), AggregateType.of("Couple"));
        assertEquals(Optional.of(AggregateType.JOINT_SESSION), AggregateType.of("JointSession"));
        assertEquals(Optional.empty(), AggregateType.of("couple"));
        assertTrue(AggregateType.COUPLE.matches("Couple"));
        assertFalse(AggregateType.COUPLE.matches("JointSession"));
        assertFalse(AggregateType.JOINT_SESSION.matches(null));
    }
}
