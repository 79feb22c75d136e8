/**
 * Review events from people and host policies (acknowledge, snooze, dismiss, reopen an insight;
 * approve or reject a plan), appended to the review layer, and the statuses derived from them.
 */
package dev.lakesentry.core.review;
