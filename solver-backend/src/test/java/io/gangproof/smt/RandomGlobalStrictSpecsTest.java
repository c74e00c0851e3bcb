package io.gangproof.smt;

import io.gangproof.analysis.Witness;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** No false refutations on global fp gang-strict: every Gang witness the analysis produces is confirmed. */
class RandomGlobalStrictSpecsTest {

    @Provide
    Arbitrary<SystemSpec> strict() {
        return GangWitnessConfirmation.globalFp(Protocol.GANG_STRICT);
    }

    @Property(tries = 50)
    void everyGangWitnessIsConfirmed(@ForAll("strict") SystemSpec spec) {
        GangWitnessConfirmation.everyWitnessConfirmed(spec, Witness.Gang.class, b -> "");
    }
}
