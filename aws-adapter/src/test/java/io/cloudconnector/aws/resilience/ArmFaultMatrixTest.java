package io.cloudconnector.aws.resilience;

import io.cloudconnector.spi.ConnectorKey;
import io.cloudconnector.spi.ConnectorPort;
import java.util.List;

/** The ARM rows of the fault matrix. */
class ArmFaultMatrixTest extends FaultMatrixCells {

    @Override
    List<Probe> probes() {
        return Probe.arm();
    }

    @Override
    void prepare(MatrixEnv env) {
        String group = env.spec().arc().orElseThrow().resourceGroup();
        ConnectorPort connectors = env.patientAzure().connectors();
        connectors.put(Probe.connector(ConnectorKey.classic(env.subscription(), "matrix-read"), env));
        connectors.put(Probe.connector(ConnectorKey.current(env.subscription(), group, "matrix-read"), env));
    }
}
