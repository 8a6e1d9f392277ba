package org.bgpd.config.model;

/** Immutable; safe to share. */
public enum LogLevel { ERROR, WARN, INFO, DEBUG, TRACE }
