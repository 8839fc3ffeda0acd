package io.cloudconnector.internal.provisioning;

import io.cloudconnector.internal.readiness.Gathered;
import io.cloudconnector.spi.ConfigRecorderFacts;
import io.cloudconnector.spi.ConfigRecorderFacts.Recorder;
import io.cloudconnector.spi.DeliveryChannelFacts;
import java.util.List;
import java.util.Optional;

/**
 * The AWS Config state of one region as provisioning sees it: the recorder that counts (the recording one, else the
 * first) and the delivery channel, each read on its own.
 */
record RegionConfig(String region, Gathered<ConfigRecorderFacts> recorders,
    Gathered<List<DeliveryChannelFacts>> channels) {

    /** Whether both facts were read; when not, nothing about AWS Config is planned in the region. */
    boolean known() {
        return recorders.ok() && channels.ok();
    }

    Optional<Recorder> recorder() {
        if (!recorders.ok()) {
            return Optional.empty();
        }
        List<Recorder> all = recorders.value().recorders();
        return all.stream().filter(Recorder::recording).findFirst().or(() -> all.stream().findFirst());
    }

    Optional<DeliveryChannelFacts> channel() {
        return channels.ok() ? channels.value().stream().findFirst() : Optional.empty();
    }

    /** Whether a recorder must be created: none exists, and a delivery channel exists or can be made. */
    boolean needsRecorder(boolean bucketReady) {
        return known() && recorder().isEmpty() && (channel().isPresent() || bucketReady);
    }

    boolean needsChannel() {
        return known() && channel().isEmpty();
    }

    /** Whether an existing recorder already records global resource types (IAM). */
    boolean recordsGlobalTypes() {
        return recorder().filter(Recorder::includeGlobalResourceTypes).isPresent();
    }
}
