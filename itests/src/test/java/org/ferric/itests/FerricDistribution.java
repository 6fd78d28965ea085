package org.ferric.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/** Boots the real Ferric distribution built by karaf-assembly, on test ports. */
final class FerricDistribution {
    /** Not Ironic's 6385, so a Ferric or Ironic running on this machine does not interfere. */
    static final int HTTP_PORT = 16385;

    private FerricDistribution() {
    }

    static Option[] options() {
        String assembly = System.getProperty("ferric.assembly");
        if (assembly == null || !new File(assembly).isFile()) {
            throw new IllegalStateException("ferric.assembly must point at the distribution tar.gz, got " + assembly);
        }
        return new Option[] {
            karafDistributionConfiguration().frameworkUrl(new File(assembly).toURI().toString())
                    .name("ferric").karafVersion("4.4.10").unpackDirectory(new File("target/exam")).useDeployFolder(false),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevel.INFO),
            keepRuntimeFolder(),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(HTTP_PORT)),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", "18101"),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", "11099"),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", "44445"),
            // Short lock retries keep the 409 test quick; the behaviour is the same as the default.
            editConfigurationFilePut("etc/org.ferric.conductor.cfg", "node.locked.retry.interval", "0.2"),
            systemProperty("ferric.http.port").value(String.valueOf(HTTP_PORT)),
            vmOption("-Djdk.util.zip.disableZip64ExtraFieldValidation=true"),
            vmOption("-Duser.timezone=UTC"),
        };
    }
}
