package dev.lakesentry.executors;

import dev.lakesentry.api.plan.ExecutionMode;
import dev.lakesentry.api.push.BearerToken;
import dev.lakesentry.api.spi.ExecutionContext;
import dev.lakesentry.api.spi.WorkspaceConnection;
import dev.lakesentry.testkit.emulator.DatabricksEmulator;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** An execution context over one emulator; resources tagged {@code protectedTagKey} are protected. */
record TestContext(ExecutionMode mode, WorkspaceConnection connection, String protectedTagKey) implements ExecutionContext {

    static TestContext of(DatabricksEmulator emulator, ExecutionMode mode) {
        return new TestContext(mode, new WorkspaceConnection("ws-1", URI.create(emulator.url()),
                new BearerToken(emulator.token())), "lakesentry-protected");
    }

    @Override
    public String accountId() {
        return "acc-1";
    }

    @Override
    public WorkspaceConnection connection(String workspaceId) {
        return connection;
    }

    @Override
    public Optional<String> protection(Map<String, String> liveTags) {
        return liveTags.containsKey(protectedTagKey) ? Optional.of("tag " + protectedTagKey) : Optional.empty();
    }
}
