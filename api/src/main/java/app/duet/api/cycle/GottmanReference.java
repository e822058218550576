package app.duet.api.cycle;

/**
 * Gottman's figures for bids turned toward: about 86% in couples who were still together six years
 * on, about 33% in those who had divorced. A reference band to read a couple's figure against,
 * never a diagnosis.
 */
public record GottmanReference(int stayedTogetherPercent, int divorcedPercent) {

    public static final GottmanReference BIDS_TURNED_TOWARD = new GottmanReference(86, 33);

    /** Below the figure of couples who later divorced. */
    public static final String BELOW_DIVORCED = "below-divorced";
    /** From that figure up to the one of couples who stayed together. */
    public static final String BETWEEN = "between";
    /** At or above the figure of couples who stayed together. */
    public static final String STAYED_TOGETHER = "stayed-together";

    /**
     * The band a share lies in, named only when its whole interval lies inside it: null while the share
     * is too small to show, or when its interval reaches across a reference figure (then the interval's
     * ends say between which figures it lies).
     */
    public String band(ShareView share) {
        if (!share.shown()) {
            return null;
        }
        if (share.high() < divorcedPercent) {
            return BELOW_DIVORCED;
        }
        if (share.low() >= stayedTogetherPercent) {
            return STAYED_TOGETHER;
        }
        if (share.low() >= divorcedPercent && share.high() < stayedTogetherPercent) {
            return BETWEEN;
        }
        return null;
    }
}
