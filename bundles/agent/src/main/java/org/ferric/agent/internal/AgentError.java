package org.ferric.agent.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error the agent reports, shaped as Ironic Python Agent's {@code RESTError}: {@code type},
 * {@code code}, {@code message}, {@code details}. The conductor shows {@code details} in
 * {@code last_error} and recognises a busy agent by "agent is busy" in the fault string.
 */
final class AgentError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final String type;
    final int code;
    final String title;
    final String details;

    AgentError(String type, int code, String title, String details) {
        super(title + ": " + details);
        this.type = type;
        this.code = code;
        this.title = title;
        this.details = details;
    }

    Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", type);
        out.put("code", code);
        out.put("message", title);
        out.put("details", details);
        return out;
    }

    static AgentError invalidCommand(String details) {
        return new AgentError("InvalidCommandError", 400, "Invalid command", details);
    }

    static AgentError invalidParams(String details) {
        return new AgentError("InvalidCommandParamsError", 400, "Invalid command parameters", details);
    }

    static AgentError invalidContent(String details) {
        return new AgentError("InvalidContentError", 400, "Invalid request body", details);
    }

    static AgentError notFound(String what, String id) {
        return new AgentError("RequestedObjectNotFoundError", 404, "Not found", what + " with id " + id + " not found.");
    }

    static AgentError busy(String runningCommand) {
        return new AgentError("AgentIsBusy", 409, "Agent is busy", "executing command " + runningCommand);
    }

    static AgentError commandFailed(String details) {
        return new AgentError("CommandExecutionError", 500, "Command execution failed", details);
    }

    static AgentError cleaning(String details) {
        return new AgentError("CleaningError", 500, "Clean step failed", details);
    }

    static AgentError deployment(String details) {
        return new AgentError("DeploymentError", 500, "Deploy step failed", details);
    }

    static AgentError versionMismatch(Object agentVersion, Object nodeVersion) {
        return new AgentError("VersionMismatch", 409,
                "Hardware managers version mismatch, reload agent with correct version",
                "Current versions: " + agentVersion + ", versions used by ironic: " + nodeVersion);
    }

    static AgentError imageChecksum(String imageId, String location, String expected, String actual) {
        return new AgentError("ImageChecksumError", 500, "Error verifying image checksum",
                "Image failed to verify against checksum. location: " + location + "; image ID: " + imageId
                        + "; image checksum: " + expected + "; verification checksum: " + actual);
    }

    static AgentError imageDownload(String imageId, String why) {
        return new AgentError("ImageDownloadError", 500, "Error downloading image",
                "Download of image " + imageId + " failed: " + why);
    }

    static AgentError imageWrite(String device, String why) {
        return new AgentError("ImageWriteError", 500, "Error writing image to device",
                "Writing image to device " + device + " failed: " + why);
    }

    static AgentError erase(String details) {
        return new AgentError("BlockDeviceEraseError", 500, "Error erasing block device", details);
    }
}
