package io.cloudconnector.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Azure regions an Arc machine can be placed in: location names ({@code westus2}) with the display names the
 * portal shows ({@code West US 2}).
 *
 * <p>The table holds the regions of the Azure public cloud, Azure Government and Azure China 21Vianet, after
 * {@code com.azure.core.management.Region} and {@code az account list-locations}; the retired Azure Germany cloud,
 * staging and canary locations are left out. A region Azure opens later is rejected until it is added here.
 */
public final class AzureRegions {

    private static final Map<String, String> DISPLAY_NAMES = Map.ofEntries(
        // Azure public cloud: Americas
        Map.entry("eastus", "East US"),
        Map.entry("eastus2", "East US 2"),
        Map.entry("centralus", "Central US"),
        Map.entry("northcentralus", "North Central US"),
        Map.entry("southcentralus", "South Central US"),
        Map.entry("westcentralus", "West Central US"),
        Map.entry("westus", "West US"),
        Map.entry("westus2", "West US 2"),
        Map.entry("westus3", "West US 3"),
        Map.entry("canadacentral", "Canada Central"),
        Map.entry("canadaeast", "Canada East"),
        Map.entry("brazilsouth", "Brazil South"),
        Map.entry("brazilsoutheast", "Brazil Southeast"),
        Map.entry("mexicocentral", "Mexico Central"),
        Map.entry("chilecentral", "Chile Central"),
        // Azure public cloud: Europe
        Map.entry("northeurope", "North Europe"),
        Map.entry("westeurope", "West Europe"),
        Map.entry("uksouth", "UK South"),
        Map.entry("ukwest", "UK West"),
        Map.entry("francecentral", "France Central"),
        Map.entry("francesouth", "France South"),
        Map.entry("germanywestcentral", "Germany West Central"),
        Map.entry("germanynorth", "Germany North"),
        Map.entry("switzerlandnorth", "Switzerland North"),
        Map.entry("switzerlandwest", "Switzerland West"),
        Map.entry("norwayeast", "Norway East"),
        Map.entry("norwaywest", "Norway West"),
        Map.entry("swedencentral", "Sweden Central"),
        Map.entry("polandcentral", "Poland Central"),
        Map.entry("italynorth", "Italy North"),
        Map.entry("spaincentral", "Spain Central"),
        Map.entry("austriaeast", "Austria East"),
        Map.entry("belgiumcentral", "Belgium Central"),
        Map.entry("denmarkeast", "Denmark East"),
        // Azure public cloud: Asia Pacific
        Map.entry("eastasia", "East Asia"),
        Map.entry("southeastasia", "Southeast Asia"),
        Map.entry("japaneast", "Japan East"),
        Map.entry("japanwest", "Japan West"),
        Map.entry("koreacentral", "Korea Central"),
        Map.entry("koreasouth", "Korea South"),
        Map.entry("centralindia", "Central India"),
        Map.entry("southindia", "South India"),
        Map.entry("westindia", "West India"),
        Map.entry("jioindiacentral", "Jio India Central"),
        Map.entry("jioindiawest", "Jio India West"),
        Map.entry("australiaeast", "Australia East"),
        Map.entry("australiasoutheast", "Australia Southeast"),
        Map.entry("australiacentral", "Australia Central"),
        Map.entry("australiacentral2", "Australia Central 2"),
        Map.entry("newzealandnorth", "New Zealand North"),
        Map.entry("indonesiacentral", "Indonesia Central"),
        Map.entry("malaysiawest", "Malaysia West"),
        // Azure public cloud: Middle East and Africa
        Map.entry("uaenorth", "UAE North"),
        Map.entry("uaecentral", "UAE Central"),
        Map.entry("qatarcentral", "Qatar Central"),
        Map.entry("israelcentral", "Israel Central"),
        Map.entry("southafricanorth", "South Africa North"),
        Map.entry("southafricawest", "South Africa West"),
        // Azure Government
        Map.entry("usgovvirginia", "US Gov Virginia"),
        Map.entry("usgovarizona", "US Gov Arizona"),
        Map.entry("usgovtexas", "US Gov Texas"),
        Map.entry("usgoviowa", "US Gov Iowa"),
        Map.entry("usdodcentral", "US DoD Central"),
        Map.entry("usdodeast", "US DoD East"),
        // Azure China 21Vianet
        Map.entry("chinaeast", "China East"),
        Map.entry("chinaeast2", "China East 2"),
        Map.entry("chinaeast3", "China East 3"),
        Map.entry("chinanorth", "China North"),
        Map.entry("chinanorth2", "China North 2"),
        Map.entry("chinanorth3", "China North 3"));

    /** Location names by every accepted spelling: location and display names, without spaces, in lower case. */
    private static final Map<String, String> BY_SPELLING = bySpelling();

    private AzureRegions() {
    }

    /**
     * The location name of {@code region}, given as a location name or a display name in any case and spacing
     * ({@code westus2}, {@code WestUS2}, {@code West US 2}, {@code USGov Virginia}); empty when no Azure region has
     * that name.
     */
    public static Optional<String> locationName(String region) {
        return Optional.ofNullable(BY_SPELLING.get(spelling(region)));
    }

    private static Map<String, String> bySpelling() {
        Map<String, String> index = new HashMap<>();
        DISPLAY_NAMES.forEach((name, displayName) -> {
            index.put(spelling(name), name);
            index.put(spelling(displayName), name);
        });
        return Map.copyOf(index);
    }

    private static String spelling(String region) {
        return region.replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
