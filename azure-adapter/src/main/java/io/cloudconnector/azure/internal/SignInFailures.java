package io.cloudconnector.azure.internal;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import reactor.core.publisher.Mono;

/**
 * A credential whose every failure is a {@link ClientAuthenticationException} carrying the innermost cause's message
 * (such as {@code AADSTS7000215: Invalid client secret provided.}). azure-identity's synchronous path wraps MSAL's
 * errors in plain runtime exceptions; normalised, they are neither retried by the pipeline nor mistaken for an
 * unreachable endpoint.
 */
final class SignInFailures implements TokenCredential {

    private final TokenCredential delegate;

    SignInFailures(TokenCredential delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        return delegate.getToken(request).onErrorMap(error -> !(error instanceof ClientAuthenticationException),
            SignInFailures::normalise);
    }

    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
        try {
            return delegate.getTokenSync(request);
        } catch (ClientAuthenticationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw normalise(e);
        }
    }

    private static ClientAuthenticationException normalise(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return new ClientAuthenticationException(message, null, error);
    }
}
