package io.datamesh.config;



/**
 * How the domain accounts receive the central catalog's AWS RAM shares (cross-account version 3 and
 * later share through RAM). Inside an AWS Organization with RAM sharing enabled, shares are accepted
 * automatically; outside one, each share arrives as an invitation its receiving account must accept.
 */
public enum RamSharing {
    ORGANIZATION("organization"),
    INVITATIONS("invitations");

    private final String configValue;

    RamSharing(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }
}
