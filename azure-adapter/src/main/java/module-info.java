/** The Azure side of the connector SDK, over azure-core, azure-resourcemanager and azure-identity. */
module io.cloudconnector.azure {
    requires transitive io.cloudconnector.core;
    requires transitive com.azure.core;
    requires org.slf4j;
    requires com.azure.identity;
    requires com.azure.http.netty;
    requires reactor.netty.core;
    requires reactor.netty.http;
    requires io.netty.handler;
    requires io.github.resilience4j.core;
    requires io.github.resilience4j.retry;
    requires io.github.resilience4j.ratelimiter;
    requires static org.immutables.value;

    exports io.cloudconnector.azure;

    opens io.cloudconnector.azure.internal to com.fasterxml.jackson.databind;
}
