package io.cloudconnector.aws.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns, once per JVM, when a logger of the libraries under the AWS side is set to print credentials: Apache
 * HttpClient's wire and header logs ({@code org.apache.http.wire}, {@code org.apache.http.headers}) print every
 * request and answer, session tokens and the secret keys of STS answers among them, and the AWS SDK's SigV4 signer
 * prints its canonical request, session token included, at DEBUG. The SDK cannot mask what those loggers print; it
 * can only say so. Checked through SLF4J and through {@code java.util.logging} (where Apache's commons-logging goes
 * by default).
 */
final class CredentialLoggers {

    /** The loggers that print credentials at DEBUG or finer. */
    static final List<String> NAMES = List.of("org.apache.http.wire", "org.apache.http.headers",
        "software.amazon.awssdk.http.auth.aws.internal.signer.DefaultV4RequestSigner");

    private static final Logger LOG = LoggerFactory.getLogger(CredentialLoggers.class);
    private static final AtomicBoolean CHECKED = new AtomicBoolean();

    private CredentialLoggers() {
    }

    /** Warns about the loggers of {@link #NAMES} that are on; only the first call in a JVM looks. */
    static void warnIfOn() {
        if (!CHECKED.compareAndSet(false, true)) {
            return;
        }
        List<String> on = NAMES.stream().filter(CredentialLoggers::isOn).toList();
        if (!on.isEmpty()) {
            LOG.warn("The loggers {} are at DEBUG or finer: they print AWS requests and answers in clear, session "
                + "tokens, STS secret keys and the Arc service principal secret among them. Set them to INFO except "
                + "while debugging, and treat their output as a credential.", on);
        }
    }

    private static boolean isOn(String name) {
        return LoggerFactory.getLogger(name).isDebugEnabled()
            || java.util.logging.Logger.getLogger(name).isLoggable(Level.FINE);
    }
}
