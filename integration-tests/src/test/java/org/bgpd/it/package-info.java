/**
 * Harness for tests against real BIRD 2 daemons, kernel routes and network namespaces.
 *
 * <pre>{@code
 * String a = LoopbackAddresses.nextIpv4(), b = LoopbackAddresses.nextIpv4();
 * int portA = TcpPorts.free(a), portB = TcpPorts.free(b);
 * BirdConfig config = BirdConfig.builder().routerId(a)
 *     .staticProtocol(BirdStaticProtocol.ipv4("static1").blackhole("10.99.0.0/24"))
 *     .bgp(BirdBgpProtocol.builder("peer1").local(a, portA, 65001).neighbor(b, portB, 65002).multihop()
 *         .channel(BirdChannel.ipv4().importAll().exportProtocol("static1")))
 *     .build();
 * try (BirdProcess bird = BirdProcess.start(config)) {
 *     bird.awaitEstablished("peer1", Duration.ofSeconds(20));
 *     BirdRoute r = bird.awaitRoute("10.98.0.0/24", Duration.ofSeconds(20));
 *     assertEquals("65002", r.asPath());
 * }
 * }</pre>
 *
 * Daemons and namespaces are cleaned up on close and, failing that, at JVM exit
 * ({@link org.bgpd.it.ShutdownCleanup}). Namespace tests need root and fail (never skip)
 * without it.
 */
package org.bgpd.it;
