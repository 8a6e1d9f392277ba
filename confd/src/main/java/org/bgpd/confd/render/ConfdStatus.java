package org.bgpd.confd.render;

import java.time.Instant;

/**
 * Immutable; safe to share. The renderer's state for logs and the control socket: the backend and
 * whether it is reachable, the key revision last rendered, when the last render finished (null
 * before the first) and the last error (null when the last render and the backend were fine).
 */
public record ConfdStatus(String backend, boolean backendConnected, long revision, Instant lastRender,
                          String lastError) {

    ConfdStatus withBackend(boolean connected, String error) {
        return new ConfdStatus(backend, connected, revision, lastRender, error);
    }

    ConfdStatus withRender(long rev, Instant at, String error) {
        return new ConfdStatus(backend, backendConnected, rev, at, error);
    }
}
