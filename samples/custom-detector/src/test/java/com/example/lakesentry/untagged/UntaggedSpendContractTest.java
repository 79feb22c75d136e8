package com.example.lakesentry.untagged;

import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.testkit.contract.DetectorContract;
import dev.lakesentry.testkit.fixtures.LedgerFixture;

/** The sample plugin passes the test kit's contract, as every detector must. */
class UntaggedSpendContractTest extends DetectorContract {

    @Override
    protected Detector detector() {
        return new UntaggedSpendDetector();
    }

    @Override
    protected LedgerFixture fixtureWithFindings() {
        return UntaggedSpendDetectorTest.ledger();
    }
}
