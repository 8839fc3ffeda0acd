/** The connector SDK's public API, rules and orchestration; no cloud SDK. */
module io.cloudconnector.core {
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jdk8;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires org.slf4j;
    requires io.github.resilience4j.retry;
    requires io.github.resilience4j.ratelimiter;
    requires io.github.resilience4j.circuitbreaker;
    requires static org.immutables.value;

    exports io.cloudconnector;
    exports io.cloudconnector.spi;

    opens io.cloudconnector to com.fasterxml.jackson.databind;
    opens io.cloudconnector.spi to com.fasterxml.jackson.databind;
}
