package io.cloudconnector.internal.readiness;

import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.spi.Ec2Instance;
import io.cloudconnector.spi.FleetPort;
import io.cloudconnector.spi.ManagedInstance;
import java.util.List;

/** A region's EC2 instances and its SSM-managed instances, as the fleet port lists them. */
record SsmFleet(List<Ec2Instance> instances, List<ManagedInstance> managed) {

    static SsmFleet of(FleetPort fleet, ConnectorSpec spec, String region) {
        return new SsmFleet(fleet.instances(spec, region), fleet.managedInstances(spec, region));
    }
}
