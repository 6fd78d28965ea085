package org.ferric.agent.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs commands {@code <extension>.<name>} one at a time, as the reference agent: a command posted
 * while the last one still runs is refused with 409 "Agent is busy", which the conductor retries.
 * Every result is kept so the conductor can poll it.
 */
final class Commands {
    private static final System.Logger LOG = System.getLogger(Commands.class.getName());

    private final Map<String, Map<String, Command>> extensions = new LinkedHashMap<>();
    private final Map<String, CommandResult> results = new LinkedHashMap<>();
    private final ExecutorService async = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "agent-command");
        t.setDaemon(true);
        return t;
    });
    private final Runnable afterAsync;

    /** @param afterAsync run when an asynchronous command ends: the agent heartbeats at once, as IPA does */
    Commands(Runnable afterAsync) {
        this.afterAsync = afterAsync;
    }

    Commands register(String extension, Map<String, Command> commands) {
        extensions.put(extension, Map.copyOf(commands));
        return this;
    }

    CommandResult execute(String fullName, Map<String, Object> params) {
        CommandResult result;
        Command command;
        synchronized (this) {
            int dot = fullName == null ? -1 : fullName.indexOf('.');
            if (dot < 0) {
                throw AgentError.invalidCommand("Command name must be of the form <extension>.<name>");
            }
            String extension = fullName.substring(0, dot);
            String name = fullName.substring(dot + 1);
            if (!results.isEmpty()) {
                CommandResult last = List.copyOf(results.values()).get(results.size() - 1);
                if (!last.isDone()) {
                    throw AgentError.busy(last.name);
                }
            }
            Map<String, Command> ext = extensions.get(extension);
            if (ext == null) {
                throw AgentError.notFound("Extension", extension);
            }
            command = ext.get(name);
            if (command == null) {
                throw AgentError.invalidCommand("Unknown command: " + name);
            }
            result = new CommandResult(name, params);
            results.put(result.id, result);
        }
        LOG.log(System.Logger.Level.INFO, "Executing command {0} ({1})", fullName, result.id);
        if (command.async()) {
            async.execute(() -> {
                run(command, result, params);
                afterAsync.run();
            });
        } else {
            try {
                result.succeed(command.handler().run(params));
            } catch (AgentError e) {
                if (e.code == 400) {
                    // Bad parameters of a synchronous command are the caller's error, answered as such.
                    synchronized (this) {
                        results.remove(result.id);
                    }
                    throw e;
                }
                fail(result, e);
            } catch (Exception | Error e) {
                fail(result, e);
            }
        }
        return result;
    }

    private static void run(Command command, CommandResult result, Map<String, Object> params) {
        try {
            result.succeed(command.handler().run(params));
            LOG.log(System.Logger.Level.INFO, "Command {0} succeeded", result.name);
        } catch (Exception | Error e) {
            fail(result, e);
        }
    }

    private static void fail(CommandResult result, Throwable e) {
        if (e instanceof AgentError a) {
            LOG.log(System.Logger.Level.ERROR, "Command {0} failed: {1}", result.name, a.getMessage());
            result.fail(a);
        } else {
            LOG.log(System.Logger.Level.ERROR, "Command " + result.name + " failed", e);
            result.fail(AgentError.commandFailed(e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    synchronized List<CommandResult> list() {
        return new ArrayList<>(results.values());
    }

    synchronized Optional<CommandResult> get(String id) {
        return Optional.ofNullable(results.get(id));
    }

    void shutdown() {
        async.shutdownNow();
    }
}
