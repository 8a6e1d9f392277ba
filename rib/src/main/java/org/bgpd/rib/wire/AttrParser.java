package org.bgpd.rib.wire;

/**
 * The value semantics of one attribute type. Called by {@link UpdateDecoder}'s generic loop only
 * after flags, length and duplicates passed the {@link AttrSpec} checks. Returns
 * {@link ErrorAction#NONE} to keep the attribute, otherwise the RFC 7606 action (recorded
 * through {@link DecodeState#malformed}). Implementations are static methods in
 * {@link AttrParsers}; stateless.
 */
@FunctionalInterface
interface AttrParser {
    ErrorAction parse(DecodeState st, byte[] b, int off, int len);
}
