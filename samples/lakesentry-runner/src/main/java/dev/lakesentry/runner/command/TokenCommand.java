package dev.lakesentry.runner.command;

import dev.lakesentry.api.push.CollectorToken;
import dev.lakesentry.core.ingest.CollectorTokens;
import dev.lakesentry.runner.support.RunnerException;
import dev.lakesentry.runner.support.Session;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** Issues, lists and revokes collector tokens. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Manages collector tokens.",
        subcommands = {TokenCommand.Create.class, TokenCommand.Revoke.class, TokenCommand.ListTokens.class})
public final class TokenCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing token command: choose create, revoke or list");
    }

    static String requiredAccount(String account) {
        if (account == null || account.isBlank()) {
            throw new RunnerException("Missing --account", null, "give the Databricks account id the token is for: --account ID");
        }
        return account;
    }

    /** Issues a token and prints it once. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Issues a collector token for one connector of one account and prints it once (only its hash is stored).")
    public static final class Create extends RunnerCommand {
        @Option(names = "--connector", required = true, paramLabel = "NAME", description = "The connector id.")
        String connector;

        @Override
        public Integer call() {
            String account = requiredAccount(globals().account());
            try (Session session = open()) {
                CollectorTokens.IssuedToken t = session.lakeSentry().tokens().issue(connector, account);
                out().println(t.token().reveal());
                out().flush();
                err().printf(Locale.ROOT, "Token %s for connector '%s' of account '%s'. It is shown only this once; "
                        + "revoke it with: lakesentry-runner token revoke %s%n", t.tokenId(), connector, account, t.tokenId());
                err().flush();
            }
            return 0;
        }
    }

    /** Revokes a token. */
    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revokes a collector token by its id.")
    public static final class Revoke extends RunnerCommand {
        @Parameters(index = "0", paramLabel = "TOKEN_ID", description = "The token id (16 hex digits, as 'token create' printed).")
        String tokenId;

        @Override
        public Integer call() {
            String id = tokenId.startsWith("lsc_") && tokenId.contains(".") ? tokenId.substring(4, tokenId.indexOf('.')) : tokenId;
            try (Session session = open()) {
                if (!session.lakeSentry().tokens().revoke(id)) {
                    throw new RunnerException("No collector token with id", id, "list the tokens with 'token list --account ID'");
                }
                out().printf(Locale.ROOT, "Revoked token %s%n", id);
                out().flush();
            }
            return 0;
        }
    }

    /** Lists the tokens of an account (never their secrets). */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the collector tokens of an account (ids only).")
    public static final class ListTokens extends RunnerCommand {
        @Override
        public Integer call() {
            String account = requiredAccount(globals().account());
            try (Session session = open()) {
                out().printf(Locale.ROOT, "%-16s %-24s %-24s %s%n", "ID", "CONNECTOR", "CREATED", "REVOKED");
                for (CollectorToken t : session.store().tokens().tokens(account)) {
                    out().printf(Locale.ROOT, "%-16s %-24s %-24s %s%n", t.tokenId(), t.connectorId(), t.createdAt(),
                            t.revokedAt() == null ? "" : t.revokedAt());
                }
                out().flush();
            }
            return 0;
        }
    }
}
