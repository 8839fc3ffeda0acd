package io.cloudconnector.internal.accounts;

import io.cloudconnector.ConnectorClient;
import io.cloudconnector.ConnectorException;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.Finding;
import io.cloudconnector.FindingQuery;
import io.cloudconnector.FindingsTally;
import io.cloudconnector.SeverityLabel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The findings of a whole fleet, read once from the administrator account (Security Hub shows an administrator its
 * members' findings) and counted by {@code AwsAccountId} and severity. A finding the stream delivers again in a newer
 * version replaces the older one, so each finding counts once, as it is now. Memory grows with the number of
 * findings: one 128-bit hash of each finding's key and one number, about 100 bytes a finding.
 */
public final class FindingsByAccount {

    private static final Logger LOG = LoggerFactory.getLogger(FindingsByAccount.class);
    private static final int SEVERITIES = SeverityLabel.values().length;

    private final List<String> accounts = new ArrayList<>();
    private final Map<String, Integer> accountIndex = new HashMap<>();
    private final Map<UUID, Integer> newest = new HashMap<>();

    private FindingsByAccount() {
    }

    /** What a read counted, and what it could not read. */
    public record Counted(Map<String, Map<SeverityLabel, Long>> byAccount, Optional<String> failure,
        Map<String, String> failedRegions) {
    }

    /** Reads the findings of {@code administrator} matching {@code query} through {@code client} and counts them. */
    public static Counted read(ConnectorClient client, ConnectorSpec administrator, FindingQuery query) {
        FindingsByAccount counter = new FindingsByAccount();
        FindingsTally tally = new FindingsTally();
        try (Stream<Finding> findings = client.findings(administrator, query, tally)) {
            findings.forEach(counter::add);
        } catch (ConnectorException e) {
            LOG.warn("Could not read the findings of administrator account {}: {}", administrator.awsAccountId(),
                e.getMessage());
            return new Counted(counter.counts(), Optional.of(e.getMessage()), Map.of());
        }
        Map<String, String> failedRegions = new LinkedHashMap<>();
        tally.failedRegions().forEach((region, failure) -> failedRegions.put(region, failure.getMessage()));
        LOG.info("Read {} findings of {} accounts from administrator account {} ({} regions failed)",
            counter.newest.size(), counter.accounts.size(), administrator.awsAccountId(), failedRegions.size());
        return new Counted(counter.counts(), Optional.empty(), failedRegions);
    }

    private void add(Finding finding) {
        int account = accountIndex.computeIfAbsent(finding.awsAccountId(), id -> {
            accounts.add(id);
            return accounts.size() - 1;
        });
        UUID key = UUID.nameUUIDFromBytes(finding.key().getBytes(StandardCharsets.UTF_8));
        newest.put(key, account * SEVERITIES + finding.severity().label().ordinal());
    }

    private Map<String, Map<SeverityLabel, Long>> counts() {
        Map<String, Map<SeverityLabel, Long>> counts = new LinkedHashMap<>();
        for (int packed : newest.values()) {
            counts.computeIfAbsent(accounts.get(packed / SEVERITIES), id -> new EnumMap<>(SeverityLabel.class))
                .merge(SeverityLabel.values()[packed % SEVERITIES], 1L, Long::sum);
        }
        Map<String, Map<SeverityLabel, Long>> copies = new LinkedHashMap<>();
        counts.forEach((account, bySeverity) -> copies.put(account, Map.copyOf(bySeverity)));
        return copies;
    }
}
