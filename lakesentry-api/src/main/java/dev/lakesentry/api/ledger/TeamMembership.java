package dev.lakesentry.api.ledger;

import dev.lakesentry.api.internal.Checks;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Input to the ledger's identities: a principal, or a glob pattern over principals
 * ({@code *} any run of characters, {@code ?} one character), belongs to a team.
 * The first matching membership, in input order, wins; exact principals before patterns.
 *
 * @param principalOrPattern an exact principal or a glob such as {@code *@analytics.example.com}
 * @param team               the team
 * @since 0.1.0
 */
public record TeamMembership(String principalOrPattern, String team) {
    public TeamMembership {
        Checks.notBlank(principalOrPattern, "TeamMembership", "principalOrPattern");
        Checks.notBlank(team, "TeamMembership", "team");
    }

    /** Whether this membership is a pattern rather than one principal. */
    public boolean isPattern() {
        return principalOrPattern.indexOf('*') >= 0 || principalOrPattern.indexOf('?') >= 0;
    }

    /** Whether the principal matches this membership (exactly, or by the glob). */
    public boolean matches(String principal) {
        if (principal == null) {
            return false;
        }
        if (!isPattern()) {
            return principalOrPattern.equalsIgnoreCase(principal);
        }
        return toRegex().matcher(principal).matches();
    }

    private Pattern toRegex() {
        StringBuilder re = new StringBuilder();
        for (char c : principalOrPattern.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        try {
            return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("TeamMembership pattern '" + principalOrPattern + "' is invalid", e);
        }
    }
}
