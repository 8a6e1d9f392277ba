package org.bgpd.config.model;

/** Immutable; safe to share. One Unix control socket and the BIRD dialect and families it answers for. */
public record ControlSocket(String path, Dialect dialect, Scope family) {

    /** BIRD 1.x (one daemon per family, Calico's bird/bird6) or BIRD 2 output formats. */
    public enum Dialect { BIRD1, BIRD2 }

    /** Which routes and protocols the socket shows, so one daemon can stand in for bird.ctl and bird6.ctl. */
    public enum Scope { IPV4, IPV6, ALL }
}
