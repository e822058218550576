package app.duet.api.cycle;

/**
 * Gottman's figures for bids turned toward: about 86% in couples who were still together six years
 * on, about 33% in those who had divorced. A reference band to read a couple's figure against,
 * never a diagnosis.
 */
public record GottmanReference(int stayedTogetherPercent, int divorcedPercent) {

    public static final GottmanReference BIDS_TURNED_TOWARD = new GottmanReference(86, 33);

    /** Which third of the span between the two figures a percentage falls in, or beyond. */
    public String band(int percent) {
        int third = (stayedTogetherPercent - divorcedPercent) / 3;
        if (percent >= stayedTogetherPercent - third) {
            return "near-stayed-together";
        }
        if (percent <= divorcedPercent + third) {
            return "near-divorced";
        }
        return "between";
    }
}
