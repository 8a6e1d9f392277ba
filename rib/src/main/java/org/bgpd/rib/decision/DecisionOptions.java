package org.bgpd.rib.decision;

/**
 * Knobs of the decision process, passed in (never global).
 * <ul>
 * <li>{@code medAlwaysCompare}: compare MED between routes from different neighbour ASes
 *     (BIRD {@code med metric}, Cisco {@code always-compare-med}).</li>
 * <li>{@code defaultLocalPref}: LOCAL_PREF assumed when absent; 100 as in BIRD.</li>
 * <li>{@code staticPreference}, {@code bgpPreference}, {@code kernelPreference}: BIRD's
 *     protocol preferences (200, 100, 10), compared before LOCAL_PREF as BIRD's nest does.</li>
 * <li>{@code multipath}: build an ECMP set (BIRD {@code merge paths}).</li>
 * <li>{@code multipathThrough}: the last step that must tie for a route to join the set. BIRD's
 *     {@code bgp_rte_mergable} requires a tie through {@link DecisionStep#IGP_COST}.</li>
 * </ul>
 * Immutable; safe to share.
 */
public record DecisionOptions(boolean medAlwaysCompare, long defaultLocalPref,
                              int staticPreference, int bgpPreference, int kernelPreference,
                              boolean multipath, DecisionStep multipathThrough) {

    public DecisionOptions {
        if (defaultLocalPref < 0 || defaultLocalPref > 0xFFFF_FFFFL) throw new IllegalArgumentException("local pref " + defaultLocalPref);
        if (multipathThrough.number() < DecisionStep.AS_PATH_LENGTH.number() || multipathThrough.number() > DecisionStep.IGP_COST.number())
            throw new IllegalArgumentException("multipath must tie at least through AS_PATH_LENGTH and at most through IGP_COST");
    }

    /** BIRD 2's defaults, multipath off. */
    public static DecisionOptions defaults() {
        return new DecisionOptions(false, 100, 200, 100, 10, false, DecisionStep.IGP_COST);
    }

    public DecisionOptions withMedAlwaysCompare(boolean on) {
        return new DecisionOptions(on, defaultLocalPref, staticPreference, bgpPreference, kernelPreference, multipath, multipathThrough);
    }

    public DecisionOptions withMultipath(boolean on, DecisionStep through) {
        return new DecisionOptions(medAlwaysCompare, defaultLocalPref, staticPreference, bgpPreference, kernelPreference, on, through);
    }
}
