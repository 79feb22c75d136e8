package dev.lakesentry.detectors;

import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.testkit.contract.DetectorContract;
import dev.lakesentry.testkit.fixtures.LedgerFixture;
import dev.lakesentry.testkit.fixtures.SampleLedgers;

class ZombieEndpointContractTest extends DetectorContract {

    @Override
    protected Detector detector() {
        return new ZombieEndpointDetector();
    }

    @Override
    protected LedgerFixture fixtureWithFindings() {
        return SampleLedgers.busy();
    }
}
