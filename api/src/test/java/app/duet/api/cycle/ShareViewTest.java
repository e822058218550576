package app.duet.api.cycle;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A share is small until it reaches its minimum, then a percentage with its 95% Wilson score interval. */
class ShareViewTest {

    @Test
    void belowTheMinimumItSaysHowManyMoreItTakes() {
        assertEquals(new ShareView(3, 4, null, null, null, 6), ShareView.of(3, 4, 10));
        assertEquals(new ShareView(0, 0, null, null, null, 1), ShareView.of(0, 0, 0));
    }

    @Test
    void fromTheMinimumItHasItsInterval() {
        // 8 of 10: Wilson gives 0.490..0.943.
        assertEquals(new ShareView(8, 10, 80, 49, 95, 0), ShareView.of(8, 10, 10));
        // The interval narrows as the count grows.
        ShareView many = ShareView.of(80, 100, 10);
        assertEquals(80, many.percent());
        assertEquals(71, many.low());
        assertEquals(87, many.high());
    }

    @Test
    void aBandIsNamedOnlyWhenTheWholeIntervalLiesInIt() {
        GottmanReference reference = GottmanReference.BIDS_TURNED_TOWARD;
        assertNull(reference.band(ShareView.of(9, 10, 10)));
        assertEquals(GottmanReference.STAYED_TOGETHER, reference.band(ShareView.of(99, 100, 10)));
        assertEquals(GottmanReference.BETWEEN, reference.band(ShareView.of(60, 100, 10)));
        assertEquals(GottmanReference.BELOW_DIVORCED, reference.band(ShareView.of(10, 100, 10)));
        assertNull(reference.band(ShareView.of(5, 9, 10)));
    }
}
