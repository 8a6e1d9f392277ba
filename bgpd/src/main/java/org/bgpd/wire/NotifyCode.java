package org.bgpd.wire;

/**
 * NOTIFICATION error codes and subcodes with their wire numbers (RFC 4271 §4.5, RFC 4486,
 * RFC 5492, RFC 6608, RFC 7313, RFC 8538, RFC 9234, RFC 9687). Texts follow BIRD's, because
 * operators read them in {@code show protocols all}. Subcode 0 of each code is "unspecific".
 */
public enum NotifyCode {
    MESSAGE_HEADER(1, 0, "Invalid message header"),
    CONNECTION_NOT_SYNCHRONIZED(1, 1, "Connection not synchronized"),
    BAD_MESSAGE_LENGTH(1, 2, "Bad message length"),
    BAD_MESSAGE_TYPE(1, 3, "Bad message type"),

    OPEN_MESSAGE(2, 0, "Invalid OPEN message"),
    UNSUPPORTED_VERSION(2, 1, "Unsupported version number"),
    BAD_PEER_AS(2, 2, "Bad peer AS"),
    BAD_BGP_IDENTIFIER(2, 3, "Bad BGP identifier"),
    UNSUPPORTED_OPTIONAL_PARAMETER(2, 4, "Unsupported optional parameter"),
    UNACCEPTABLE_HOLD_TIME(2, 6, "Unacceptable hold time"),
    UNSUPPORTED_CAPABILITY(2, 7, "Required capability missing"),
    ROLE_MISMATCH(2, 11, "Role mismatch"),

    UPDATE_MESSAGE(3, 0, "Invalid UPDATE message"),
    MALFORMED_ATTRIBUTE_LIST(3, 1, "Malformed attribute list"),
    UNRECOGNIZED_WELL_KNOWN_ATTRIBUTE(3, 2, "Unrecognized well-known attribute"),
    MISSING_WELL_KNOWN_ATTRIBUTE(3, 3, "Missing mandatory attribute"),
    ATTRIBUTE_FLAGS_ERROR(3, 4, "Invalid attribute flags"),
    ATTRIBUTE_LENGTH_ERROR(3, 5, "Invalid attribute length"),
    INVALID_ORIGIN(3, 6, "Invalid ORIGIN attribute"),
    INVALID_NEXT_HOP(3, 8, "Invalid NEXT_HOP attribute"),
    OPTIONAL_ATTRIBUTE_ERROR(3, 9, "Optional attribute error"),
    INVALID_NETWORK_FIELD(3, 10, "Invalid network field"),
    MALFORMED_AS_PATH(3, 11, "Malformed AS_PATH"),

    HOLD_TIMER_EXPIRED(4, 0, "Hold timer expired"),

    FSM_ERROR(5, 0, "Finite state machine error"),
    FSM_UNEXPECTED_IN_OPEN_SENT(5, 1, "Unexpected message in OpenSent state"),
    FSM_UNEXPECTED_IN_OPEN_CONFIRM(5, 2, "Unexpected message in OpenConfirm state"),
    FSM_UNEXPECTED_IN_ESTABLISHED(5, 3, "Unexpected message in Established state"),

    CEASE(6, 0, "Cease"),
    MAX_PREFIXES(6, 1, "Maximum number of prefixes reached"),
    ADMINISTRATIVE_SHUTDOWN(6, 2, "Administrative shutdown"),
    PEER_DECONFIGURED(6, 3, "Peer de-configured"),
    ADMINISTRATIVE_RESET(6, 4, "Administrative reset"),
    CONNECTION_REJECTED(6, 5, "Connection rejected"),
    OTHER_CONFIGURATION_CHANGE(6, 6, "Other configuration change"),
    CONNECTION_COLLISION(6, 7, "Connection collision resolution"),
    OUT_OF_RESOURCES(6, 8, "Out of Resources"),
    HARD_RESET(6, 9, "Hard reset"),
    BFD_DOWN(6, 10, "BFD session down"),

    ROUTE_REFRESH_MESSAGE(7, 0, "Invalid ROUTE-REFRESH message"),
    ROUTE_REFRESH_LENGTH(7, 1, "Invalid ROUTE-REFRESH message length"),

    SEND_HOLD_TIMER_EXPIRED(8, 0, "Send hold timer expired");

    private static final NotifyCode[][] BY_CODE = new NotifyCode[9][12];

    static {
        for (NotifyCode c : values()) BY_CODE[c.code][c.subcode] = c;
    }

    private final int code;
    private final int subcode;
    private final String text;

    NotifyCode(int code, int subcode, String text) {
        this.code = code;
        this.subcode = subcode;
        this.text = text;
    }

    public int code() { return code; }

    public int subcode() { return subcode; }

    public String text() { return text; }

    public Notification notification() { return new Notification(code, subcode); }

    public Notification notification(byte[] data) { return new Notification(code, subcode, data); }

    /** The named code, or null for numbers no RFC we implement defines. */
    public static NotifyCode of(int code, int subcode) {
        if (code < 0 || code >= BY_CODE.length || subcode < 0 || subcode >= BY_CODE[code].length) return null;
        return BY_CODE[code][subcode];
    }

    /** BIRD-style text: the subcode's name, or the code's name plus the number. */
    public static String describe(int code, int subcode) {
        NotifyCode c = of(code, subcode);
        if (c != null) return c.text;
        NotifyCode major = of(code, 0);
        return major != null ? major.text + " (subcode " + subcode + ")" : "Unknown error " + code + "/" + subcode;
    }
}
