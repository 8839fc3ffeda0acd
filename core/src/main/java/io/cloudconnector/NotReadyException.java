package io.cloudconnector;

/** An operation needs a prerequisite that the account does not meet; the message says which and how to fix it. */
public class NotReadyException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    public NotReadyException(String message) {
        super(message);
    }
}
