package org.bgpd.fsm;

/**
 * Connection collision resolution (RFC 4271 §6.8): when two connections to the same peer exist,
 * decides which one survives. The loser is closed with Cease 6/7. Stateless.
 */
public final class CollisionResolver {

    /** One of the two connections: who opened it and where its FSM is. */
    public record Connection(boolean initiatedLocally, State state) {}

    public enum Keep { EXISTING, NEWCOMER }

    private CollisionResolver() {}

    /**
     * @param localId our BGP identifier, @param remoteId the peer's (both unsigned 32-bit);
     * the AS numbers break a tie between equal identifiers (RFC 6286 §2.3).
     */
    public static Keep resolve(int localId, int remoteId, long localAs, long remoteAs,
                               Connection existing, Connection newcomer) {
        // §6.8: a collision with an Established connection always closes the newcomer.
        if (existing.state() == State.ESTABLISHED) return Keep.EXISTING;
        if (newcomer.state() == State.ESTABLISHED) return Keep.NEWCOMER;
        // Both in the same direction is not a collision the RFC describes; the first one stays.
        if (existing.initiatedLocally() == newcomer.initiatedLocally()) return Keep.EXISTING;
        int cmp = Integer.compareUnsigned(localId, remoteId);
        boolean keepLocallyInitiated = cmp != 0 ? cmp > 0 : localAs > remoteAs;
        return existing.initiatedLocally() == keepLocallyInitiated ? Keep.EXISTING : Keep.NEWCOMER;
    }
}
