package org.bgpd.wire;

/**
 * A BGP message (RFC 4271 §4). UPDATE bodies stay bytes here: the RIB's codec
 * ({@code org.bgpd.rib.wire.UpdateDecoder}) parses them, as OpenBGPD's RDE does.
 * Immutable; safe to share.
 */
public sealed interface BgpMessage permits Open, Update, Notification, Keepalive, RouteRefresh {

    /** Message type code (RFC 4271 §4.1, RFC 2918 §3). */
    int type();

    int OPEN = 1;
    int UPDATE = 2;
    int NOTIFICATION = 3;
    int KEEPALIVE = 4;
    int ROUTE_REFRESH = 5;
}
