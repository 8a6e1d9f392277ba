package org.bgpd.daemon;

import java.net.InetAddress;
import org.bgpd.config.model.PeerSettings;
import org.bgpd.session.PeerSession;

/**
 * One peer the daemon runs: its control-socket name, RIB peer index, session, and the settings
 * it was started with. {@code group} is the dynamic-peers entry it was accepted by, or null for a
 * configured peer; {@code md5Key} is its TCP-MD5 key or null. Immutable; safe to share.
 */
record RunningPeer(String name, int index, InetAddress address, long remoteAs, PeerSettings settings,
                   PeerSession session, String group, byte[] md5Key) {

    boolean dynamic() { return group != null; }
}
