package io.cloudconnector.internal.accounts;

import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.NotReadyException;
import io.cloudconnector.internal.RegionSelection;
import io.cloudconnector.spi.AwsSide;
import io.cloudconnector.spi.SecurityHubMember;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the member accounts of a Security Hub administrator: {@code ListMembers} in the first enabled region of the
 * administrator's spec (membership is set per region; with AWS Organizations it is the same in every region), every
 * member whatever its relationship ({@code OnlyAssociated} false), so that those left out can be reported.
 */
public final class MemberReader {

    private static final Logger LOG = LoggerFactory.getLogger(MemberReader.class);

    private MemberReader() {
    }

    /**
     * Every member of {@code administrator}'s account, every page read.
     *
     * @throws NotReadyException when none of the administrator's regions is enabled
     * @throws io.cloudconnector.ConnectorException when the regions or the members cannot be listed
     */
    public static List<SecurityHubMember> read(AwsSide aws, ConnectorSpec administrator) {
        List<String> enabled = RegionSelection.enabled(RegionSelection.select(administrator,
            aws.account().regions(administrator)));
        if (enabled.isEmpty()) {
            throw new NotReadyException("None of the regions of administrator account " + administrator.awsAccountId()
                + " is enabled, so its Security Hub members cannot be listed: name an enabled region in its spec");
        }
        String region = enabled.get(0);
        List<SecurityHubMember> members = aws.findings().members(administrator, region, false);
        LOG.info("Security Hub administrator {} lists {} member accounts in {}", administrator.awsAccountId(),
            members.size(), region);
        return members;
    }
}
