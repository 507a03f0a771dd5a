package io.datamesh.config;

import java.util.List;

/**
 * How a domain account reaches the central catalog and what its own roles get there. Producers
 * and consumers share this: both query shared data through resource links.
 *
 * @param ramShareArns Lake Formation's AWS RAM shares to accept; needed only outside an AWS
 *                     Organization (copy the ARNs from the RAM console's pending invitations)
 */
public record DomainAccess(String centralAccountId, String centralStack, List<AnalystRole> analysts,
                           AthenaSettings athena, List<String> ramShareArns) {
    public DomainAccess {
        analysts = List.copyOf(analysts);
        ramShareArns = List.copyOf(ramShareArns);
    }
}
