/**
 * A third-party detector plugin, built and discovered the way a user's would be. Content arrives with the runner issue.
 */
package com.example.lakesentry.untagged;
