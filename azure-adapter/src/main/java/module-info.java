/** The Azure side of the connector SDK, over azure-core, azure-resourcemanager and azure-identity. */
module io.cloudconnector.azure {
    requires transitive io.cloudconnector.core;
    requires org.slf4j;
    requires com.azure.core;
    requires com.azure.identity;
    requires static org.immutables.value;

    exports io.cloudconnector.azure;
}
