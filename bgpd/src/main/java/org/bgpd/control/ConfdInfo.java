package org.bgpd.control;

import java.time.Instant;

/**
 * What {@code show confd} reports about the renderer running inside the daemon. Immutable; safe to share.
 *
 * @param revision the key revision last rendered (0 before the first render)
 * @param lastRender when the last render finished, or null
 * @param lastError the last render, check, reload or backend problem, or null when all is well
 * @param reloads how many renderings the daemon has been asked to apply since it started
 */
public record ConfdInfo(String backend, String node, String file, boolean connected, long revision,
                        Instant lastRender, String lastError, long reloads) {}
