package io.cloudconnector.azure.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.exception.ClientAuthenticationException;
import io.cloudconnector.AccessDeniedException;
import io.cloudconnector.CloudServiceException;
import java.io.UncheckedIOException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class ArmErrorsTest {

    private static final String OPERATION = "Microsoft.Security/connectors/read";

    @Test
    void signInFailed_authorityUnreachable_isRetryableAndSaysSoNotAccessDenied() {
        ClientAuthenticationException failure = new ClientAuthenticationException("login.microsoftonline.com", null,
            new UncheckedIOException(new UnknownHostException("login.microsoftonline.com")));

        CloudServiceException error = ArmErrors.signInFailed(OPERATION, failure);

        assertThat(error).isNotInstanceOf(AccessDeniedException.class);
        assertThat(error.retryable()).isTrue();
        assertThat(error.getMessage()).contains("could not reach the Microsoft Entra authority", "UnknownHostException",
            OPERATION);
    }

    @Test
    void signInFailed_secretRefused_isAccessDenied() {
        ClientAuthenticationException failure = new ClientAuthenticationException(
            "AADSTS7000215: Invalid client secret provided.", null);

        CloudServiceException error = ArmErrors.signInFailed(OPERATION, failure);

        assertThat(error).isInstanceOf(AccessDeniedException.class);
        assertThat(error.retryable()).isFalse();
        assertThat(error.getMessage()).contains("AADSTS7000215", "Check the credential");
    }
}
