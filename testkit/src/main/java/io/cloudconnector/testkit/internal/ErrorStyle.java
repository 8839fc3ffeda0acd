package io.cloudconnector.testkit.internal;

/** How one API family writes its errors; the faults and the handlers answer through it. */
public interface ErrorStyle {

    /** An error with this status, code and message in the family's shape. */
    Reply error(int status, String code, String message);

    /** The family's throttling answer. */
    Reply throttle();

    /** An internal server error (500). */
    Reply internal();

    /** Service unavailable (503). */
    Reply unavailable();

    /** Access denied for {@code operation} (such as {@code securityhub:DescribeHub}). */
    Reply accessDenied(String operation);

    /** A 200 answer whose body cannot be parsed. */
    Reply malformed();
}
