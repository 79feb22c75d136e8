package dev.lakesentry.detectors;

import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.testkit.contract.DetectorContract;
import dev.lakesentry.testkit.fixtures.LedgerFixture;
import dev.lakesentry.testkit.fixtures.SampleLedgers;

class SpendAnomalyContractTest extends DetectorContract {

    @Override
    protected Detector detector() {
        return new SpendAnomalyDetector();
    }

    @Override
    protected LedgerFixture fixtureWithFindings() {
        return SampleLedgers.busy();
    }
}
