package org.bgpd.bench;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Owned by the benchmark's main thread; built fresh for every reflector run (its counters fill
 * up). One speaker per address: {@code counters[i]} is null for a speaker that only sends,
 * {@code payloads[i]} null for one that only receives; the payloads are written, all at once,
 * when every session is Established. {@code routes} is the reflector's Loc-RIB size at the end.
 */
record Scenario(List<String> addresses, List<RouteCounter> counters, List<ByteBuffer> payloads, long routes) {}
