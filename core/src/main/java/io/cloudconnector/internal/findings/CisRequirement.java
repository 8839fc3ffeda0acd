package io.cloudconnector.internal.findings;

import io.cloudconnector.Finding;
import io.cloudconnector.FindingCompliance;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One requirement of a CIS AWS Foundations Benchmark version, such as version {@code 1.2.0} number {@code 1.3}: the
 * key that joins a standard's controls and the findings of them, whatever form the finding has.
 *
 * @param version the benchmark version, such as {@code 1.4.0}
 * @param number the requirement's number in it, such as {@code 3.7}
 */
record CisRequirement(String version, String number) {

    /** The path every CIS generator ID and standard ID holds. */
    static final String BENCHMARK_PATH = "cis-aws-foundations-benchmark/v/";

    private static final String VERSION = "(\\d+\\.\\d+\\.\\d+)";
    private static final String NUMBER = "(\\d+(?:\\.\\d+)*)";
    private static final Pattern GENERATOR = Pattern.compile(
        "(?:^|/)cis-aws-foundations-benchmark/v/" + VERSION + "/(?:rule/)?" + NUMBER + "$");
    private static final Pattern REQUIREMENT = Pattern.compile(
        "^CIS AWS Foundations(?: Benchmark)? v" + VERSION + "/" + NUMBER + "$");
    private static final Pattern STANDARD = Pattern.compile("cis-aws-foundations-benchmark/v/" + VERSION + "$");

    /** The control ID the SDK gives a CIS requirement: {@code cis-aws-foundations-benchmark/v/1.2.0/1.3}. */
    String controlId() {
        return BENCHMARK_PATH + version + "/" + number;
    }

    /**
     * The requirement a CIS generator ID names: {@code arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/
     * v/1.2.0/rule/1.3} (CIS 1.2.0) or {@code cis-aws-foundations-benchmark/v/1.4.0/3.7} (later versions).
     */
    static Optional<CisRequirement> ofGeneratorId(String generatorId) {
        return match(GENERATOR, generatorId);
    }

    /** The requirement a related requirement names: {@code CIS AWS Foundations Benchmark v1.2.0/1.3}. */
    static Optional<CisRequirement> ofRelatedRequirement(String requirement) {
        return match(REQUIREMENT, requirement.strip());
    }

    /** The benchmark version of a CIS standard's ARN or ID; empty for any other standard. */
    static Optional<String> versionOfStandard(String standardsArnOrId) {
        Matcher matcher = STANDARD.matcher(standardsArnOrId);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Every CIS requirement a finding is a result of: from its generator ID and its related requirements. */
    static Set<CisRequirement> of(Finding finding) {
        Set<CisRequirement> requirements = new LinkedHashSet<>();
        ofGeneratorId(finding.generatorId()).ifPresent(requirements::add);
        finding.compliance().map(FindingCompliance::relatedRequirements).orElse(List.of())
            .forEach(requirement -> ofRelatedRequirement(requirement).ifPresent(requirements::add));
        return requirements;
    }

    private static Optional<CisRequirement> match(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(new CisRequirement(matcher.group(1), matcher.group(2))) : Optional.empty();
    }
}
