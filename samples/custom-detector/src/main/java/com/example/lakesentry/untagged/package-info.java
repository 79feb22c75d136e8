/**
 * An "untagged spend" detector written the way a third party would: against lakesentry-api only.
 */
package com.example.lakesentry.untagged;
