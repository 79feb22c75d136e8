package dev.lakesentry.api.ledger;

/**
 * What kind of principal an identity is.
 *
 * @since 0.1.0
 */
public enum PrincipalKind {
    USER,
    SERVICE_PRINCIPAL,
    /** Redacted ({@code __REDACTED__}) or otherwise not classifiable. */
    UNKNOWN
}
