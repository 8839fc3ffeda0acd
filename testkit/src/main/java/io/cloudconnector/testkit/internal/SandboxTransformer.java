package io.cloudconnector.testkit.internal;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.util.function.Supplier;

/**
 * The WireMock extension that hands every request matched by the sandbox's catch-all stub to the engine. Applied
 * only to that stub, so stubs a test adds itself (at WireMock's default, higher priority) answer first.
 */
public final class SandboxTransformer implements ResponseDefinitionTransformerV2 {

    /** The extension's name, which the catch-all stub names. */
    public static final String NAME = "cloud-sandbox";

    private final SandboxEngine engine;
    private final Supplier<URI> azureBase;

    private SandboxTransformer(SandboxEngine engine, Supplier<URI> azureBase) {
        this.engine = engine;
        this.azureBase = azureBase;
    }

    /** The transformer of the AWS server. */
    public static SandboxTransformer aws(SandboxEngine engine) {
        return new SandboxTransformer(engine, null);
    }

    /** The transformer of the Azure server, whose base URI {@code base} supplies once the server listens. */
    public static SandboxTransformer azure(SandboxEngine engine, Supplier<URI> base) {
        return new SandboxTransformer(engine, base);
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Reply reply = azureBase == null ? engine.serveAws(serveEvent.getRequest())
            : engine.serveAzure(serveEvent.getRequest(), azureBase.get());
        return reply.toDefinition();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
