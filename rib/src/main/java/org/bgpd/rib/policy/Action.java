package org.bgpd.rib.policy;

import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.wire.AttrsBuilder;

/**
 * One change a matching rule makes. Attribute actions edit an {@link AttrsBuilder}; the kernel
 * actions only say how the kernel export installs the route and leave the attributes alone.
 * Arrays are never modified after construction. Immutable; safe to share.
 */
public sealed interface Action {

    /** Applies the change; {@code original} is the set the chain was given (for next hop keep). */
    void apply(AttrsBuilder b, Attrs original);

    /** False for actions that change nothing BGP carries. */
    default boolean changesAttrs() { return true; }

    record SetLocalPref(int value) implements Action {
        @Override
        public void apply(AttrsBuilder b, Attrs original) { b.localPref(value); }
    }

    record SetMed(int value) implements Action {
        @Override
        public void apply(AttrsBuilder b, Attrs original) { b.med(value); }
    }

    /** RFC 1997 communities: replace the set ({@code replace} non-null; empty clears), else remove then add. */
    record EditCommunities(int[] add, int[] remove, int[] replace) implements Action {
        @Override
        public void apply(AttrsBuilder b, Attrs original) {
            if (replace != null) {
                b.communities(replace);
                return;
            }
            for (int c : remove) b.removeCommunity(c);
            for (int c : add) b.addCommunity(c);
        }
    }

    /** RFC 8092 large communities, flattened global/data1/data2; as {@link EditCommunities}. */
    record EditLargeCommunities(int[] add, int[] remove, int[] replace) implements Action {
        @Override
        public void apply(AttrsBuilder b, Attrs original) {
            if (replace != null) {
                b.clearLargeCommunities();
                for (int i = 0; i + 2 < replace.length; i += 3) b.addLargeCommunity(replace[i], replace[i + 1], replace[i + 2]);
                return;
            }
            for (int i = 0; i + 2 < remove.length; i += 3) b.removeLargeCommunity(remove[i], remove[i + 1], remove[i + 2]);
            for (int i = 0; i + 2 < add.length; i += 3) b.addLargeCommunity(add[i], add[i + 1], add[i + 2]);
        }
    }

    /** An address, or {@link NextHop#SELF}: the encoder puts the session's own address there. */
    record SetNextHop(NextHop nextHop) implements Action {
        @Override
        public void apply(AttrsBuilder b, Attrs original) { b.nextHop(nextHop); }
    }

    /** The next hop the route had when it entered the chain, undoing export's "next hop self". */
    record KeepNextHop() implements Action {
        @Override
        public void apply(AttrsBuilder b, Attrs original) { b.nextHop(original.nextHop()); }
    }

    /** Prepends {@code as} {@code count} times (RFC 4271 §5.1.2, BIRD {@code bgp_path.prepend}). */
    record PrependAsPath(int as, int count) implements Action {
        public PrependAsPath {
            if (count < 1 || count > 255) throw new IllegalArgumentException("prepend count " + count);
        }

        @Override
        public void apply(AttrsBuilder b, Attrs original) { b.prepend(as, count); }
    }

    /** Kernel export only: install through this device (Calico IPIP {@code krt_tunnel = "tunl0"}). */
    record KernelDevice(String device) implements Action {
        @Override
        public void apply(AttrsBuilder b, Attrs original) {}

        @Override
        public boolean changesAttrs() { return false; }
    }

    /** Kernel export only: install with RTNH_F_ONLINK. */
    record Onlink(boolean on) implements Action {
        @Override
        public void apply(AttrsBuilder b, Attrs original) {}

        @Override
        public boolean changesAttrs() { return false; }
    }
}
