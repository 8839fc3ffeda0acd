package io.cloudconnector.aws.resilience;

import java.util.List;

/** The AWS rows of the fault matrix. */
class AwsFaultMatrixTest extends FaultMatrixCells {

    @Override
    List<Probe> probes() {
        return Probe.aws();
    }
}
