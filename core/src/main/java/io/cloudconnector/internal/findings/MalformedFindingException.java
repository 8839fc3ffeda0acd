package io.cloudconnector.internal.findings;

/** A finding broke an ASFF rule; the message is the reason reported when it is skipped. */
final class MalformedFindingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedFindingException(String reason) {
        super(reason, null, false, false);
    }
}
