package io.cloudconnector.internal.fleet;

import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.spi.AccountPort;
import io.cloudconnector.spi.CallerIdentity;
import io.cloudconnector.spi.ConfigRecorderFacts;
import io.cloudconnector.spi.IamPrincipalFacts;
import io.cloudconnector.spi.RegionInfo;
import io.cloudconnector.spi.SecurityHubFacts;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** An {@link AccountPort} that knows the account's regions only; everything else is not for fleet tests. */
public final class FakeAccount implements AccountPort {

    private final Supplier<List<RegionInfo>> regions;

    /** Answers {@code regions()} from {@code regions}, called anew each time. */
    public FakeAccount(Supplier<List<RegionInfo>> regions) {
        this.regions = regions;
    }

    /** Answers {@code regions()} with these regions, all enabled. */
    public static FakeAccount enabled(String... regions) {
        List<RegionInfo> infos = Arrays.stream(regions)
            .map(region -> RegionInfo.of(region, "opt-in-not-required")).toList();
        return new FakeAccount(() -> infos);
    }

    @Override
    public List<RegionInfo> regions(ConnectorSpec spec) {
        return regions.get();
    }

    @Override
    public CallerIdentity callerIdentity(ConnectorSpec spec) {
        throw new UnsupportedOperationException("not a fleet fact");
    }

    @Override
    public ConfigRecorderFacts configRecorder(ConnectorSpec spec, String region) {
        throw new UnsupportedOperationException("not a fleet fact");
    }

    @Override
    public SecurityHubFacts securityHub(ConnectorSpec spec, String region) {
        throw new UnsupportedOperationException("not a fleet fact");
    }

    @Override
    public Optional<IamPrincipalFacts> role(ConnectorSpec spec, String roleName) {
        throw new UnsupportedOperationException("not a fleet fact");
    }

    @Override
    public Optional<IamPrincipalFacts> user(ConnectorSpec spec, String userName) {
        throw new UnsupportedOperationException("not a fleet fact");
    }
}
