package io.cloudconnector.internal.readiness;

import io.cloudconnector.AccessDeniedException;
import io.cloudconnector.CloudServiceException;
import io.cloudconnector.ReadinessCheck;
import io.cloudconnector.ThrottledException;

/** Turns a fact that could not be gathered into an ERROR check whose remediation fits the cause. */
final class Failures {

    private Failures() {
    }

    /** An ERROR check of {@code type} at {@code where}, carrying the failure's message as evidence. */
    static ReadinessCheck error(CheckType type, Where where, Gathered<?> gathered) {
        return type.error(where, gathered.cause(), remediation(gathered.failure()));
    }

    /** Whether AWS answered the call and refused it (a 4xx other than throttling): the caller must change something. */
    static boolean refused(RuntimeException failure) {
        return failure instanceof CloudServiceException cloud && !(failure instanceof ThrottledException)
            && cloud.statusCode() >= 400 && cloud.statusCode() < 500;
    }

    private static String remediation(RuntimeException failure) {
        if (failure instanceof AccessDeniedException denied) {
            return "Allow " + denied.permission().orElse("the operation named above")
                + " for the identity the SDK uses (IAM console > Roles or Users > Add permissions), then check again";
        }
        if (failure instanceof ThrottledException) {
            return "AWS throttled the calls; check again in a few minutes";
        }
        if (failure instanceof CloudServiceException cloud && cloud.statusCode() == 0) {
            return "Make sure the AWS endpoint can be reached from here (network, proxy, firewall), then check again";
        }
        return "Check again; if the error persists, raise it with AWS support quoting the request ID in the evidence";
    }
}
