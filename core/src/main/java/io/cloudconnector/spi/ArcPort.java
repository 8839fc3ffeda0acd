package io.cloudconnector.spi;

import io.cloudconnector.ConnectorSpec;
import java.util.List;

/** Azure Arc machines ({@code Microsoft.HybridCompute/machines}). */
public interface ArcPort {

    /** Every Arc machine in the resource group of the spec's Arc settings, every page read. */
    List<ArcMachine> machines(ConnectorSpec spec);
}
